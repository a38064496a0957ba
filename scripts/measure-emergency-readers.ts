/**
 * How the two readers of an emergency do on language they were not trained on:
 * the risk lexicon (assess-safety.ts) and the intent classifier's urgent
 * probability. Each blind round whose first run is recorded is held out in turn:
 * the classifier is trained on every other example (intents/ and the other
 * rounds) and asked about the held-out round's cases. The lexicon was written
 * after seeing these rounds, so its figures are development figures; the
 * classifier's are out of fold.
 *   npm run measure:emergency-readers [-- --rounds 6,7,8]
 */
import { parseArgs } from "node:util";
import { loadDirectory } from "../src/directory/load-directory.js";
import { assessSafety } from "../src/understanding/assess-safety.js";
import { IntentClassifier } from "../src/understanding/intent-classifier.js";
import { loadIntents } from "../src/understanding/load-intents.js";
import { findMarkers, readsAsEmergency, urgentProbability } from "../src/understanding/understand.js";
import { readBlindSets } from "./lib/blind-sets.js";

const { values } = parseArgs({ options: { rounds: { type: "string" } } });
const directory = await loadDirectory("directory");
const definitions = await loadIntents("intents");
const sets = readBlindSets(undefined, "open");
const wanted = values.rounds?.split(",").map(Number);
const rounds = [...new Set(sets.map((set) => set.round))].filter((round) => !wanted || wanted.includes(round));
const normal = (text: string) => text.replace(/\s+/g, " ").trim();

interface Row {
  readonly emergency: boolean;
  readonly lexicon: boolean;
  readonly urgent: number;
  /** Signpost's own decision at a threshold (either reader, unless the message says the person is safe now). */
  readonly decides: (threshold: number) => boolean;
}
const rows: Row[] = [];
for (const round of rounds) {
  const held = sets.filter((set) => set.round === round).flatMap((set) => set.cases);
  const heldTexts = new Set(held.map((c) => normal(c.text)));
  const training = definitions.map((definition) => ({ ...definition, examples: definition.examples.filter((example) => !heldTexts.has(normal(example))) }));
  const classifier = new IntentClassifier(training, directory, (text) => findMarkers(text, directory));
  for (const c of held) {
    const safety = assessSafety(c.text);
    const urgent = classifier.classify(c.text).probabilities.urgent_help;
    rows.push({ emergency: c.tier === "emergency", lexicon: safety.tier === "emergency", urgent, decides: (threshold) => readsAsEmergency(c.text, safety, urgent, threshold) });
  }
  process.stderr.write(`round ${round}: ${held.length} cases\n`);
}

const emergencies = rows.filter((row) => row.emergency);
const others = rows.filter((row) => !row.emergency);
const line = (name: string, fires: (row: Row) => boolean) =>
  `| ${name} | ${emergencies.filter(fires).length} of ${emergencies.length} | ${others.filter(fires).length} of ${others.length} |`;
const table = [
  `Rounds ${rounds.join(", ")}, each held out from the classifier's training in turn.`,
  "",
  "| reader | emergencies caught | other cases alarmed |",
  "| --- | --- | --- |",
  line("lexicon alone (development figure)", (row) => row.lexicon),
  ...[0.5, 0.6, 0.7, 0.8, 0.9].map((t) => line(`classifier alone, urgent >= ${t} (out of fold)`, (row) => row.urgent >= t)),
  ...[0.5, 0.6, 0.7, 0.8, 0.9].map((t) => line(`Signpost: lexicon or classifier >= ${t}${t === urgentProbability ? " (in use)" : ""}`, (row) => row.decides(t))),
];
process.stdout.write(`${table.join("\n")}\n`);
