/**
 * The torture campaign (issue 19, decision 0023):
 *   npm run torture                 every property test at 100,000 cases per property
 *   npm run torture -- --runs 2000  a shorter run
 * Runs the hostile-input property tests (every test/.../*.property.test.ts) in vitest with
 * TORTURE_RUNS set, one file at a time (2 cores), and prints the figures: targets,
 * properties, generated cases, failures and time per target. Exits 1 on any failure.
 * The crash, fault-injection and load parts of the campaign are not built yet.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.join(import.meta.dirname, "..");

function runsAsked(args: readonly string[]): number {
  const at = args.indexOf("--runs");
  const value = at >= 0 ? Number(args[at + 1]) : 100_000;
  if (!Number.isInteger(value) || value < 1) {
    console.error("--runs takes a whole number of cases per property, for example --runs 2000");
    process.exit(2);
  }
  return value;
}

interface VitestReport {
  readonly testResults: readonly { readonly name: string; readonly status: string; readonly message?: string; readonly assertionResults: readonly { readonly title: string; readonly status: string; readonly duration?: number | null; readonly failureMessages: readonly string[] }[] }[];
}

interface TargetFigures {
  readonly file: string;
  readonly properties: number;
  readonly failed: number;
  readonly seconds: number;
  /** Time in the properties themselves, without vitest's start and the target's setup (training, a browser). */
  readonly propertySeconds: number;
  readonly failures: readonly string[];
}

const runs = runsAsked(process.argv.slice(2));
const files = readdirSync(path.join(root, "test"), { recursive: true, encoding: "utf8" })
  .filter((file) => file.endsWith(".property.test.ts"))
  .map((file) => path.join("test", file))
  .sort();
const reports = mkdtempSync(path.join(tmpdir(), "signpost-torture-"));

function runTarget(file: string, index: number): TargetFigures {
  const output = path.join(reports, `${index}.json`);
  const started = performance.now();
  const vitest = spawnSync(
    process.execPath,
    [path.join(root, "node_modules/vitest/vitest.mjs"), "run", file, "--reporter=json", `--outputFile=${output}`, "--testTimeout=0", "--hookTimeout=120000"],
    { cwd: root, env: { ...process.env, TORTURE_RUNS: String(runs) }, stdio: ["ignore", "ignore", "inherit"] },
  );
  const seconds = (performance.now() - started) / 1000;
  let report: VitestReport | undefined;
  try {
    report = JSON.parse(readFileSync(output, "utf8")) as VitestReport;
  } catch {
    return { file, properties: 0, failed: 1, seconds, propertySeconds: 0, failures: [`vitest gave no report (exit ${vitest.status ?? vitest.signal})`] };
  }
  const results = report.testResults.flatMap((result) => result.assertionResults);
  const failedTests = results.filter((result) => result.status !== "passed");
  const fileErrors = report.testResults.filter((result) => result.status === "failed" && result.assertionResults.length === 0).map((result) => result.message ?? "failed to run");
  return {
    file,
    properties: results.length,
    failed: failedTests.length + fileErrors.length,
    seconds,
    propertySeconds: results.reduce((sum, result) => sum + (result.duration ?? 0), 0) / 1000,
    failures: [...failedTests.map((result) => `${result.title}: ${(result.failureMessages[0] ?? "").split("\n").slice(0, 6).join("\n")}`), ...fileErrors],
  };
}

console.log(`Torture: hostile input, ${runs.toLocaleString("en-GB")} cases per property, ${files.length} targets\n`);
const figures: TargetFigures[] = [];
for (const [index, file] of files.entries()) {
  const target = runTarget(file, index);
  figures.push(target);
  const cases = target.properties * runs;
  console.log(`  ${target.failed === 0 ? "ok  " : "FAIL"} ${file.padEnd(58)} ${String(target.properties).padStart(2)} properties ${cases.toLocaleString("en-GB").padStart(10)} cases ${target.seconds.toFixed(0).padStart(6)} s (${target.propertySeconds.toFixed(0)} s in the properties)`);
  for (const failure of target.failures) console.log(`         ${failure.replace(/\n/g, "\n         ")}`);
}

const properties = figures.reduce((sum, target) => sum + target.properties, 0);
const failures = figures.reduce((sum, target) => sum + target.failed, 0);
const seconds = figures.reduce((sum, target) => sum + target.seconds, 0);
console.log(`
targets:         ${figures.length}
properties:      ${properties}
generated cases: ${(properties * runs).toLocaleString("en-GB")}
failures:        ${failures}
time:            ${(seconds / 60).toFixed(1)} min
crash / fault injection / load: not yet built`);
process.exit(failures === 0 ? 0 : 1);
