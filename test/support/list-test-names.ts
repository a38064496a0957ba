// Lists the tests a vitest file declares, by their full names as vitest reports
// them ("describe name > test name"), read from the file's syntax tree with the
// TypeScript compiler rather than by running it: fast enough to check every test
// a document names, and exact about nesting. A name vitest fills in as it runs (a
// `.each` table's "%s", a template's "${name}") is listed as the source writes
// it, with `dynamic: true`. A test under `.skip`, `.todo`, `.skipIf` or `.runIf`
// (or inside a describe that is) may not run, and is listed with `runs: false`.
import { readFileSync } from "node:fs";
import ts from "typescript";

export interface DeclaredTest {
  /** The describe names and the test's own name, outermost first. */
  readonly path: readonly string[];
  /** The full name as vitest reports it: the path joined with " > ". */
  readonly fullName: string;
  readonly runs: boolean;
  readonly dynamic: boolean;
}

const suiteNames = new Set(["describe", "suite"]);
const testNames = new Set(["it", "test"]);
const notRunning = new Set(["skip", "todo", "skipIf", "runIf"]);

interface Callee {
  readonly kind: "suite" | "test";
  readonly runs: boolean;
  readonly dynamic: boolean;
}

/** describe / it / test, with any modifiers (`.skip`, `.concurrent`, `.each(...)`). */
function readCallee(expression: ts.Expression): Callee | undefined {
  const modifiers: string[] = [];
  let node: ts.Expression = expression;
  for (;;) {
    if (ts.isPropertyAccessExpression(node)) {
      modifiers.push(node.name.text);
      node = node.expression;
    } else if (ts.isCallExpression(node)) {
      // it.each([...])("name", ...) or it.skipIf(cond)("name", ...): the inner call's callee.
      node = node.expression;
    } else break;
  }
  if (!ts.isIdentifier(node)) return undefined;
  const kind = suiteNames.has(node.text) ? "suite" : testNames.has(node.text) ? "test" : undefined;
  if (kind === undefined) return undefined;
  return {
    kind,
    runs: !modifiers.some((m) => notRunning.has(m)),
    dynamic: modifiers.includes("each") || modifiers.includes("for"),
  };
}

function literalName(node: ts.Expression | undefined): string | undefined {
  if (node === undefined) return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  return undefined;
}

/** A name as the source writes it: a template's text between its backticks, anything else as written. */
function writtenName(node: ts.Expression | undefined, file: ts.SourceFile): string {
  if (node === undefined) return "";
  const text = node.getText(file);
  return ts.isTemplateExpression(node) ? text.slice(1, -1) : text;
}

/** Every test declared in the source text, in the order written. */
export function listDeclaredTests(source: string, fileName = "test.ts"): DeclaredTest[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: DeclaredTest[] = [];

  const visit = (node: ts.Node, path: readonly string[], runs: boolean, dynamic: boolean): void => {
    if (ts.isCallExpression(node)) {
      const callee = readCallee(node.expression);
      if (callee !== undefined) {
        const nameNode = node.arguments[0];
        const literal = literalName(nameNode);
        const name = literal ?? writtenName(nameNode, file);
        const here = [...path, name];
        const hereRuns = runs && callee.runs;
        const hereDynamic = dynamic || callee.dynamic || literal === undefined;
        if (callee.kind === "test") {
          found.push({ path: here, fullName: here.join(" > "), runs: hereRuns, dynamic: hereDynamic });
        }
        for (const argument of node.arguments.slice(1)) visit(argument, here, hereRuns, hereDynamic);
        return;
      }
    }
    ts.forEachChild(node, (child) => visit(child, path, runs, dynamic));
  };

  visit(file, [], true, false);
  return found;
}

/** The tests declared in a file on disk. */
export function listDeclaredTestsInFile(path: string): DeclaredTest[] {
  return listDeclaredTests(readFileSync(path, "utf8"), path);
}
