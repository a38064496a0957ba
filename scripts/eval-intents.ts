/**
 * Measures intent understanding on the held-out sets, which the classifier never
 * trains on:
 *   npm run eval
 * For each set: accuracy, urgent_help recall, false alarms, unsure answers,
 * per-message latency, the confusion table (rows: true intent, columns:
 * predicted) and the misses.
 */
import { loadConfig } from "../src/config/load-config.js";
import { loadDirectory } from "../src/directory/load-directory.js";
import { createUnderstander } from "../src/understanding/create-understander.js";
import { intentIds } from "../src/understanding/intents.js";
import { loadIntents } from "../src/understanding/load-intents.js";
import { evaluateIntents } from "./lib/evaluate-intents.js";
import { heldOutSets, readHeldOutIntents } from "./lib/held-out-intents.js";
import { fmt, summariseLatencies } from "./lib/measure.js";

const config = loadConfig(process.env, { cwd: process.cwd() });
const directory = await loadDirectory(config.directoryDir);
const intents = await loadIntents(config.intentsDir);
const understander = createUnderstander(directory, intents, config.intentConfidenceThreshold);
const short = (id: string) => id.replace("referral", "ref").replace("_", " ").slice(0, 10);
const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}% (${n}/${d})`;

const lines = [
  `Training: ${intents.reduce((n, i) => n + i.examples.length, 0)} examples in ${fmt(understander.trainingMs)} ms; confidence threshold ${config.intentConfidenceThreshold}`,
];
for (const set of heldOutSets) {
  const result = evaluateIntents(understander, readHeldOutIntents(set.file));
  const latency = summariseLatencies(result.latenciesMs);
  lines.push(
    "",
    `## ${set.name}`,
    `Accuracy: ${pct(result.correct, result.total)}`,
    `urgent_help recall: ${pct(result.urgentFound, result.urgentTotal)}; other messages answered with the safety net: ${result.falseUrgent}`,
    `Unsure (a clarifying question instead of a guess): ${result.unsure}; per message p50 ${fmt(latency.p50)} ms, p95 ${fmt(latency.p95)} ms, p99 ${fmt(latency.p99)} ms`,
    "",
    `| true \\ predicted | ${intentIds.map(short).join(" | ")} |`,
    `| --- | ${intentIds.map(() => "---").join(" | ")} |`,
    ...intentIds.map((id) => `| ${id} | ${intentIds.map((p) => result.confusion.get(id)!.get(p)).join(" | ")} |`),
    "",
    result.misses.length > 0
      ? `Misses:\n${result.misses.map((m) => `  ${m.expected} -> ${m.got} (${m.confidence.toFixed(2)}): ${m.text}`).join("\n")}`
      : "No misses.",
  );
}
process.stdout.write(`${lines.join("\n")}\n`);
