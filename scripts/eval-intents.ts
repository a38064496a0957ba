/**
 * Measures intent understanding on the held-out set (test/fixtures/intents-held-out.yaml),
 * which the classifier never trains on:
 *   npm run eval
 * Prints accuracy, urgent_help recall, the share of unsure answers, training time,
 * per-message latency and the confusion table (rows: true intent, columns: predicted).
 */
import { loadConfig } from "../src/config/load-config.js";
import { loadDirectory } from "../src/directory/load-directory.js";
import { createUnderstander } from "../src/understanding/create-understander.js";
import { type IntentId, intentIds } from "../src/understanding/intents.js";
import { loadIntents } from "../src/understanding/load-intents.js";
import { readHeldOutIntents } from "./lib/held-out-intents.js";
import { fmt, summariseLatencies } from "./lib/measure.js";

const config = loadConfig(process.env, { cwd: process.cwd() });
const directory = await loadDirectory(config.directoryDir);
const understander = createUnderstander(directory, await loadIntents(config.intentsDir), config.intentConfidenceThreshold);
const messages = readHeldOutIntents();

const confusion = new Map<IntentId, Map<IntentId, number>>(intentIds.map((id) => [id, new Map(intentIds.map((p) => [p, 0]))]));
const latencies: number[] = [];
const misses: string[] = [];
let correct = 0;
let unsure = 0;
for (const message of messages) {
  const started = performance.now();
  const result = understander.understand(message.text);
  latencies.push(performance.now() - started);
  const row = confusion.get(message.intent)!;
  row.set(result.intent, row.get(result.intent)! + 1);
  if (result.intent === message.intent) correct++;
  else misses.push(`  ${message.intent} -> ${result.intent} (${result.confidence.toFixed(2)}): ${message.text}`);
  if (result.unsure) unsure++;
}

const urgentRow = confusion.get("urgent_help")!;
const urgentTotal = [...urgentRow.values()].reduce((a, b) => a + b, 0);
const urgentFound = urgentRow.get("urgent_help")!;
const falseUrgent = intentIds.filter((id) => id !== "urgent_help").reduce((sum, id) => sum + confusion.get(id)!.get("urgent_help")!, 0);
const latency = summariseLatencies(latencies);
const short = (id: string) => id.replace("referral", "ref").replace("_", " ").slice(0, 10);

const lines = [
  `Held-out messages: ${messages.length}; training: ${fmt(understander.trainingMs)} ms; per message p50 ${fmt(latency.p50)} ms, p95 ${fmt(latency.p95)} ms, p99 ${fmt(latency.p99)} ms`,
  `Accuracy: ${((100 * correct) / messages.length).toFixed(1)}% (${correct}/${messages.length})`,
  `urgent_help recall: ${((100 * urgentFound) / urgentTotal).toFixed(1)}% (${urgentFound}/${urgentTotal}); other messages taken as urgent: ${falseUrgent}`,
  `Unsure (Signpost asks instead of guessing, threshold ${config.intentConfidenceThreshold}): ${unsure}`,
  "",
  `| true \\ predicted | ${intentIds.map(short).join(" | ")} |`,
  `| --- | ${intentIds.map(() => "---").join(" | ")} |`,
  ...intentIds.map((id) => `| ${id} | ${intentIds.map((p) => confusion.get(id)!.get(p)).join(" | ")} |`),
  "",
  misses.length > 0 ? `Misses:\n${misses.join("\n")}` : "No misses.",
];
process.stdout.write(`${lines.join("\n")}\n`);
