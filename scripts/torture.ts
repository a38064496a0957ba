/**
 * The torture campaign (issue 19, decision 0023):
 *   npm run torture                 the long run (sizes below)
 *   npm run torture -- --runs 2000 --kills 40 --load-seconds 20   a shorter run
 * Hostile input: every test/.../*.property.test.ts in vitest with TORTURE_RUNS (100,000 cases per
 * property unless --runs). Crash: test/durability/kill-during-referral.test.ts with TORTURE_KILLS
 * (--kills, 200 in all, half on SQLite and half on PostgreSQL), 8 to 16 conversations a round.
 * Load: test/load/concurrent-conversations.test.ts with 100 conversations for 60 s
 * (--load-conversations, --load-seconds). Privacy: every log the crash and load servers wrote
 * (at trace level) scanned for every synthetic name, NHS number and phone the campaign used.
 * Payloads: test/privacy/chat-platform-payloads.test.ts, 300 Slack and 300 Teams conversations
 * (--privacy-conversations) through the real Bolt app and botbuilder adapter, every payload the Slack
 * and Teams stand-ins received scanned (public ones, URLs and logs kept for the privacy scan).
 * Faults: test/durability/fault-injection.test.ts, the Nth store write, ReferralStore call, outbox
 * send, search and Slack call failing once and persistently for every N along a referral's path,
 * on SQLite and PostgreSQL.
 * One vitest at a time (2 cores). Prints runs, kills, faults, generated cases, losses,
 * duplicates and leaks; exits 1 if any of the last three is not zero or anything failed.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { findLeaks, leakCount } from "../test/support/personal-data-scan.js";

const root = path.join(import.meta.dirname, "..");

function asked(args: readonly string[], option: string, fallback: number): number {
  const at = args.indexOf(option);
  const value = at >= 0 ? Number(args[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 0 || (option === "--runs" && value < 1)) {
    console.error(`${option} takes a whole number, for example ${option} ${fallback}`);
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

const args = process.argv.slice(2);
const runs = asked(args, "--runs", 100_000);
const kills = asked(args, "--kills", 200);
const loadConversations = asked(args, "--load-conversations", 100);
const loadSeconds = asked(args, "--load-seconds", 60);
const privacyConversations = asked(args, "--privacy-conversations", 300);
const files = readdirSync(path.join(root, "test"), { recursive: true, encoding: "utf8" })
  .filter((file) => file.endsWith(".property.test.ts"))
  .map((file) => path.join("test", file))
  .sort();
const reports = mkdtempSync(path.join(tmpdir(), "signpost-torture-"));
const figuresFile = path.join(reports, "figures.jsonl");
const logDir = path.join(reports, "logs");

function runTarget(file: string, index: number, env: Record<string, string> = {}): TargetFigures {
  const output = path.join(reports, `${index}.json`);
  const started = performance.now();
  const vitest = spawnSync(
    process.execPath,
    [path.join(root, "node_modules/vitest/vitest.mjs"), "run", file, "--reporter=json", `--outputFile=${output}`, "--testTimeout=0", "--hookTimeout=120000"],
    { cwd: root, env: { ...process.env, TORTURE_RUNS: String(runs), TORTURE_FIGURES: figuresFile, TORTURE_LOG_DIR: logDir, ...env }, stdio: ["ignore", "ignore", "inherit"] },
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

console.log(`\nTorture: crash, ${kills} SIGKILLs in all (half on SQLite, half on PostgreSQL), 8 to 16 conversations a round`);
const crash = runTarget("test/durability/kill-during-referral.test.ts", files.length, { TORTURE_KILLS: String(kills), TORTURE_CONVERSATIONS: "8-16" });
console.log(`  ${crash.failed === 0 ? "ok  " : "FAIL"} ${crash.file} ${crash.seconds.toFixed(0)} s`);
for (const failure of crash.failures) console.log(`         ${failure.replace(/\n/g, "\n         ")}`);
console.log("\nTorture: faults, the Nth store write, ReferralStore call, outbox send, search and Slack call failing, once and persistently, for every N");
const faultRun = runTarget("test/durability/fault-injection.test.ts", files.length + 2, { TORTURE_FAULT_STORES: "2", TORTURE_FAULT_STRIDE: "1" });
console.log(`  ${faultRun.failed === 0 ? "ok  " : "FAIL"} ${faultRun.file} ${faultRun.seconds.toFixed(0)} s`);
for (const failure of faultRun.failures) console.log(`         ${failure.replace(/\n/g, "\n         ")}`);
console.log(`\nTorture: load, ${loadConversations} conversations for ${loadSeconds} s`);
const load = runTarget("test/load/concurrent-conversations.test.ts", files.length + 1, { TORTURE_LOAD_CONVERSATIONS: String(loadConversations), TORTURE_LOAD_SECONDS: String(loadSeconds) });
console.log(`  ${load.failed === 0 ? "ok  " : "FAIL"} ${load.file} ${load.seconds.toFixed(0)} s`);
for (const failure of load.failures) console.log(`         ${failure.replace(/\n/g, "\n         ")}`);
console.log(`\nTorture: chat-platform payloads, ${privacyConversations} Slack and ${privacyConversations} Teams conversations, every payload scanned`);
const payloadScan = runTarget("test/privacy/chat-platform-payloads.test.ts", files.length + 3, { TORTURE_PRIVACY_CONVERSATIONS: String(privacyConversations) });
console.log(`  ${payloadScan.failed === 0 ? "ok  " : "FAIL"} ${payloadScan.file} ${payloadScan.seconds.toFixed(0)} s`);
for (const failure of payloadScan.failures) console.log(`         ${failure.replace(/\n/g, "\n         ")}`);

type Part = Record<string, number | string | boolean> & { part: string };
const parts: Part[] = existsSync(figuresFile) ? readFileSync(figuresFile, "utf8").trim().split("\n").filter(Boolean).map((line) => JSON.parse(line) as Part) : [];
const sum = (key: string) => parts.reduce((total, part) => total + (typeof part[key] === "number" ? part[key] : 0), 0);
for (const part of parts) {
  const { part: name, ...rest } = part;
  console.log(`  ${name}: ${Object.entries(rest).map(([key, value]) => `${key} ${String(value)}`).join(", ")}`);
}

// The privacy scan across the campaign: every part's details in every part's logs.
const logs: Record<string, string> = {};
const secrets: string[] = [];
if (existsSync(logDir)) {
  for (const file of readdirSync(logDir)) {
    const text = readFileSync(path.join(logDir, file), "utf8");
    if (file === "secrets.txt") secrets.push(...text.split("\n").filter(Boolean));
    else logs[file] = text;
  }
}
const leaks = findLeaks(logs, secrets);
const logBytes = Object.values(logs).reduce((total, text) => total + text.length, 0);
console.log(`\nTorture: privacy, ${new Set(secrets).size} synthetic details scanned for in ${Object.keys(logs).length} server logs (${(logBytes / 1e6).toFixed(1)} MB at trace level)`);
for (const leak of leaks.slice(0, 10)) console.log(`  LEAK ${leak.where}: a detail written ${leak.count} times`);

const properties = figures.reduce((sum, target) => sum + target.properties, 0);
const failures = figures.reduce((sum, target) => sum + target.failed, 0) + crash.failed + faultRun.failed + load.failed + payloadScan.failed;
const seconds = figures.reduce((sum, target) => sum + target.seconds, 0) + crash.seconds + faultRun.seconds + load.seconds + payloadScan.seconds;
const losses = sum("losses");
const duplicates = sum("duplicates");
const leakTotal = leakCount(leaks);
const loadFigures = parts.find((part) => part.part === "load");
const payloadFigures = parts.find((part) => part.part === "chat-platform payloads");
const faultParts = parts.filter((part) => part.part.startsWith("faults"));
const missing = parts.filter((part) => part.part.startsWith("crash")).length === 0 || faultParts.length === 0 || loadFigures === undefined || payloadFigures === undefined || Object.keys(logs).length === 0;
console.log(`
runs:            ${figures.length + 4} (${figures.length} hostile-input targets, crash, faults, load, chat-platform payloads)
kills:           ${sum("kills")}
faults:          ${sum("faults")} injected in ${sum("scenarios")} scenarios (${faultParts.map((part) => part.part.replace("faults ", "")).join(", ") || "none"})
generated cases: ${(properties * runs).toLocaleString("en-GB")} (${properties} properties)
load:            ${String(loadFigures?.requests ?? "-")} requests, ${String(loadFigures?.errors ?? "-")} errors, p50 ${String(loadFigures?.p50Ms ?? "-")} ms, p99 ${String(loadFigures?.p99Ms ?? "-")} ms, RSS ${String(loadFigures?.rssStartMb ?? "-")} to ${String(loadFigures?.rssEndMb ?? "-")} MB (flat: ${String(loadFigures?.memoryFlat ?? "-")})
payloads:        ${String(payloadFigures?.payloadsScanned ?? "-")} Slack and Teams payloads scanned (${String(payloadFigures?.publicPayloads ?? "-")} public), ${String(payloadFigures?.urls ?? "-")} URLs, ${String(payloadFigures?.leaks ?? "-")} leaks
integrity:       ${sum("integrityChecks")} checks, ${sum("integrityProblems")} problems
losses:          ${losses}
duplicates:      ${duplicates}
leaks:           ${leakTotal}
failures:        ${failures}${missing ? " (and a part reported no figures)" : ""}
time:            ${(seconds / 60).toFixed(1)} min`);
process.exit(failures === 0 && losses === 0 && duplicates === 0 && leakTotal === 0 && !missing ? 0 : 1);
