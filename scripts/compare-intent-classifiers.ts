/**
 * Compares Signpost's own intent classifier with NLP.js (node-nlp's NlpManager,
 * defaults) trained on the same intents/ and scored on the same held-out set:
 *   npm run compare:intents
 * Each is scored alone, and inside Signpost's pipeline (safety-net rules first,
 * then the classifier). Figures are recorded in docs/decisions/0004-intent-classifier.md.
 */
import { NlpManager } from "node-nlp";
import { loadDirectory } from "../src/directory/load-directory.js";
import { assessSafety } from "../src/understanding/assess-safety.js";
import { IntentClassifier } from "../src/understanding/intent-classifier.js";
import { type IntentId, intentIds, isIntentId } from "../src/understanding/intents.js";
import { loadIntents } from "../src/understanding/load-intents.js";
import { findMarkers } from "../src/understanding/understand.js";
import { createUnderstander } from "../src/understanding/create-understander.js";
import { readHeldOutIntents } from "./lib/held-out-intents.js";
import { fmt, summariseLatencies, timeMs } from "./lib/measure.js";

const directory = await loadDirectory(new URL("../directory", import.meta.url).pathname);
const definitions = await loadIntents(new URL("../intents", import.meta.url).pathname);
const messages = readHeldOutIntents();

type Classify = (text: string) => Promise<IntentId> | IntentId;

interface Row {
  readonly name: string;
  readonly trainMs: number;
  readonly accuracy: number;
  readonly urgentRecall: number;
  readonly falseUrgent: number;
  readonly latency: ReturnType<typeof summariseLatencies>;
}

async function score(name: string, trainMs: number, classify: Classify): Promise<Row> {
  let correct = 0;
  let urgentFound = 0;
  let falseUrgent = 0;
  const latencies: number[] = [];
  for (const message of messages) {
    const { result, ms } = await timeMs(() => classify(message.text));
    latencies.push(ms);
    if (result === message.intent) correct++;
    if (message.intent === "urgent_help" && result === "urgent_help") urgentFound++;
    if (message.intent !== "urgent_help" && result === "urgent_help") falseUrgent++;
  }
  const urgentTotal = messages.filter((m) => m.intent === "urgent_help").length;
  return { name, trainMs, accuracy: correct / messages.length, urgentRecall: urgentFound / urgentTotal, falseUrgent, latency: summariseLatencies(latencies) };
}

/** Signpost's rule: a risk the safety net finds as present wins over whatever the classifier said. */
const withSafetyNet =
  (classify: Classify): Classify =>
  async (text) => (assessSafety(text).tier === "emergency" ? "urgent_help" : await classify(text));

// Our classifier.
const ours = await timeMs(() => new IntentClassifier(definitions, directory, (text) => findMarkers(text, directory)));
const oursClassify: Classify = (text) => ours.result.classify(text).intent;

// NLP.js with its defaults.
const nlp = new NlpManager({ languages: ["en"], forceNER: false, autoSave: false, autoLoad: false, nlu: { log: false } });
for (const definition of definitions) for (const example of definition.examples) nlp.addDocument("en", example, definition.id);
const nlpTraining = await timeMs(() => nlp.train());
const nlpClassify: Classify = async (text) => {
  const { intent } = await nlp.process("en", text);
  return isIntentId(intent) ? intent : "unknown"; // NLP.js answers "None" when unsure.
};

const pipeline = createUnderstander(directory, definitions, 0.4);
const rows = [
  await score("Signpost classifier alone", ours.ms, oursClassify),
  await score("NLP.js NlpManager alone", nlpTraining.ms, nlpClassify),
  await score("safety net + NLP.js", nlpTraining.ms, withSafetyNet(nlpClassify)),
  await score("safety net + Signpost classifier (Signpost's pipeline)", pipeline.trainingMs, (text) => pipeline.understand(text).intent),
];

const pct = (share: number) => `${(100 * share).toFixed(1)}%`;
process.stdout.write(
  [
    `Held-out messages: ${messages.length} (${intentIds.length} intents); training examples: ${definitions.reduce((n, d) => n + d.examples.length, 0)}`,
    "",
    "| approach | accuracy | urgent_help recall | others taken as urgent | training ms | per message p50 ms | p95 ms | p99 ms |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows.map(
      (r) =>
        `| ${r.name} | ${pct(r.accuracy)} | ${pct(r.urgentRecall)} | ${r.falseUrgent} | ${fmt(r.trainMs)} | ${fmt(r.latency.p50)} | ${fmt(r.latency.p95)} | ${fmt(r.latency.p99)} |`,
    ),
  ].join("\n") + "\n",
);
