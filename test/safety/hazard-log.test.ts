// The hazard log (docs/safety/hazard-log.yaml) is only as good as the tests it names: every control
// points at tests, and this file checks each one is there, under exactly that name, and runs. Renaming,
// skipping or deleting a named test fails here until the log is brought up to date.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  type HazardLog,
  hazardLogView,
  readHazardLog,
  readHazardLogFile,
  renderHazardLog,
  requiredHazards,
  riskOf,
  splitTestName,
} from "../../scripts/lib/hazard-log.js";
import { type DeclaredTest, listDeclaredTests, listDeclaredTestsInFile } from "../support/list-test-names.js";

function readLog(): HazardLog {
  const read = readHazardLogFile();
  if (!read.ok) throw new TypeError(`docs/safety/hazard-log.yaml has problems:\n${read.problems.join("\n")}`);
  return read.log;
}

/** What is wrong with one named test: nothing when the file declares it, under that name, and it runs. */
function namedTestProblem(named: string, declared: (file: string) => readonly DeclaredTest[]): string | undefined {
  const { file, fullName } = splitTestName(named);
  if (!/^test\/.+\.test\.ts$/.test(file)) return `"${named}" does not start with a test file (test/....test.ts > describe > test)`;
  if (!existsSync(file)) return `${file} does not exist`;
  const test = declared(file).find((t) => t.fullName === fullName);
  if (!test) return `${file} has no test named "${fullName}"`;
  if (!test.runs) return `${file}: "${fullName}" is skipped or todo, so it shows nothing`;
  return undefined;
}

describe("the hazard log (docs/safety/hazard-log.yaml)", () => {
  it("has every field, ratings from the DCB0129 matrix, honest statuses, and every hazard issue 19 names", () => {
    const read = readHazardLogFile();
    expect(read.ok ? [] : read.problems).toEqual([]);
    const covered = new Set(readLog().hazards.flatMap((h) => h.covers));
    for (const required of requiredHazards) expect(covered).toContain(required);
  });

  it("names only tests that exist under exactly that name, and run", () => {
    const cache = new Map<string, readonly DeclaredTest[]>();
    const declared = (file: string) => cache.get(file) ?? cache.set(file, listDeclaredTestsInFile(file)).get(file)!;
    const problems: string[] = [];
    let named = 0;
    for (const hazard of readLog().hazards) {
      for (const control of hazard.controls) {
        for (const test of control.tests ?? []) {
          named++;
          const problem = namedTestProblem(test, declared);
          if (problem) problems.push(`${hazard.id}: ${problem}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(named).toBeGreaterThan(100);
  });

  it("is shown in docs/safety/hazard-log.md exactly as rendered from the YAML (npm run safety:hazard-log)", () => {
    expect(readFileSync(hazardLogView, "utf8")).toBe(renderHazardLog(readLog()));
  });

  it("agrees with the safety case report's table of hazards: every hazard, its risks and its status", () => {
    const report = readFileSync("docs/safety/safety-case-report.md", "utf8");
    const rows = [...report.matchAll(/^\| (H\d{2}) [^|]+\| (\d) \| \**(\d)\**[^|]*\| (\w+) \|$/gm)].map((m) => [m[1], Number(m[2]), Number(m[3]), m[4]]);
    expect(rows).toEqual(readLog().hazards.map((h) => [h.id, h.initial.risk, h.residual.risk, h.status]));
  });
});

describe("the rules a hazard log is held to", () => {
  const hazard = (fields: string) => `reviewed: "2026-12-04"
hazards:
  - id: H01
    title: t
    covers: [${requiredHazards.join(", ")}]
    description: d
    causes: [c]
    effects: [e]
    harm: h
    initial: {likelihood: high, severity: major, risk: 4}
    controls:
${fields}`;

  it("takes ratings from the matrix, and keeps a hazard with an untested control open", () => {
    expect(riskOf("very-high", "catastrophic")).toBe(5);
    expect(riskOf("very-low", "minor")).toBe(1);
    expect(riskOf("medium", "considerable")).toBe(3);
    const good = hazard(`      - control: x
        tests: ["test/a.test.ts > b > c"]
    residual: {likelihood: low, severity: major, risk: 3}
    status: controlled`);
    expect(readHazardLog(good)).toMatchObject({ ok: true });
    const wrongRisk = good.replace("severity: major, risk: 3}", "severity: major, risk: 2}");
    expect(readHazardLog(wrongRisk)).toEqual({ ok: false, problems: ["H01: residual risk is 2, but the matrix gives 3 for low and major"] });
    const untested = hazard(`      - control: x
        untested: not built
    residual: {likelihood: low, severity: major, risk: 3}
    status: controlled
    actions: [build it]`);
    expect(readHazardLog(untested)).toEqual({ ok: false, problems: ["H01: 1 control(s) have no test, so the hazard is open or transferred, not controlled"] });
  });

  it("refuses a residual risk above the initial, a missing field, a closure nobody accepted and an issue hazard left out", () => {
    const worse = hazard(`      - control: x
        tests: ["test/a.test.ts > b > c"]
    residual: {likelihood: very-high, severity: catastrophic, risk: 5}
    status: open`);
    expect(readHazardLog(worse)).toEqual({ ok: false, problems: ["H01: the residual risk (5) is higher than the initial risk (4)"] });
    const noCauses = worse.replace("    causes: [c]\n", "").replace("very-high, severity: catastrophic, risk: 5", "low, severity: major, risk: 3");
    expect(readHazardLog(noCauses)).toMatchObject({ ok: false, problems: [expect.stringMatching(/^hazards\.0\.causes: /)] });
    const closed = worse.replace("very-high, severity: catastrophic, risk: 5}\n    status: open", "low, severity: major, risk: 3}\n    status: closed");
    expect(readHazardLog(closed)).toEqual({ ok: false, problems: ["H01: only the Clinical Safety Officer closes a hazard (accepted_by)"] });
    const partial = closed.replace("status: closed", "status: open").replace("missed-emergency, ", "");
    expect(readHazardLog(partial)).toEqual({ ok: false, problems: ['no hazard covers "missed-emergency"'] });
  });

  it("reads tests as vitest names them, and finds a renamed or skipped test missing", () => {
    const source = `describe("outer", () => {
  describe.each(["sqlite"])("store on %s", () => {
    it("keeps it", () => {});
    it.skip("is skipped", () => {});
  });
  it(\`counts \${n} kills\`, () => {});
});
test("top level", () => {});`;
    const tests = listDeclaredTests(source);
    expect(tests.map((t) => [t.fullName, t.runs])).toEqual([
      ["outer > store on %s > keeps it", true],
      ["outer > store on %s > is skipped", false],
      ["outer > counts ${n} kills", true],
      ["top level", true],
    ]);
    const declared = () => tests;
    const file = "test/safety/hazard-log.test.ts";
    expect(namedTestProblem(`${file} > outer > store on %s > keeps it`, declared)).toBeUndefined();
    expect(namedTestProblem(`${file} > outer > store on %s > keeps them`, declared)).toBe(`${file} has no test named "outer > store on %s > keeps them"`);
    expect(namedTestProblem(`${file} > outer > store on %s > is skipped`, declared)).toMatch(/is skipped or todo/);
    expect(namedTestProblem("test/nowhere.test.ts > a > b", declared)).toBe("test/nowhere.test.ts does not exist");
  });
});
