// The clinical safety file and the DTAC pack point at code, tests and documents as their evidence.
// This checks that every path they name is there, every relative link leads somewhere, and every
// test they quote by name ("name", or "the start of a name..." ) is declared in the file named before it.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { listDeclaredTestsInFile } from "../support/list-test-names.js";

const folders = ["docs/safety", "docs/dtac"];
const documents = folders.flatMap((folder) => readdirSync(folder).filter((name) => name.endsWith(".md")).map((name) => path.join(folder, name)));

/** Paths in backticks that name something in the repository (not commands or settings). */
const namedPath = /`((?:src|test|scripts|docs|directory|deploy|intents)\/[^`\s]*?)`/g;
/** A test file named in backticks, then what follows it on the line up to the next backticked path. */
const testThenQuotes = /`(test\/[^`\s]+\.test\.ts)`([^`]*)/g;

/** Whether some describe or test name in the file is the quoted one (or starts with it, when it ends "..."). */
function declares(file: string, quoted: string): boolean {
  const prefix = quoted.endsWith("...") ? quoted.slice(0, -3) : undefined;
  return listDeclaredTestsInFile(file).some((test) => test.path.some((name) => (prefix === undefined ? name === quoted : name.startsWith(prefix))));
}

describe("the evidence the safety file and the DTAC pack point at", () => {
  it("has documents to check", () => {
    expect(documents).toEqual(expect.arrayContaining(["docs/safety/safety-case-report.md", "docs/dtac/c2-data-protection.md"]));
  });

  it.each(documents)("%s names only paths that exist", (document) => {
    const text = readFileSync(document, "utf8");
    const missing = [...text.matchAll(namedPath)].map((m) => m[1]!.replace(/[.,:;)]+$/, "")).filter((named) => !existsSync(named.replace(/\/\*.*$/, "")));
    expect(missing).toEqual([]);
  });

  it.each(documents)("%s links only to files that exist", (document) => {
    const text = readFileSync(document, "utf8");
    const links = [...text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]!).filter((target) => !/^[a-z]+:/.test(target));
    const missing = links.filter((target) => !existsSync(path.join(path.dirname(document), target)));
    expect(missing).toEqual([]);
  });

  it.each(documents)("%s quotes only tests declared in the file it names", (document) => {
    const problems: string[] = [];
    for (const line of readFileSync(document, "utf8").split("\n")) {
      for (const [, file, after] of line.matchAll(testThenQuotes)) {
        const quotes = [...(after ?? "").split("|")[0]!.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
        for (const quoted of quotes) if (!declares(file!, quoted)) problems.push(`${file}: "${quoted}"`);
      }
    }
    expect(problems).toEqual([]);
  });
});
