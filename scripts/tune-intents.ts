/**
 * Chooses the intent classifier's features and training settings by 5-fold
 * cross-validation on the training examples in intents/ only: the held-out set
 * is never read here, so `npm run eval` stays an honest test.
 *   npm run tune:intents
 */
import { loadDirectory } from "../src/directory/load-directory.js";
import { IntentClassifier } from "../src/understanding/intent-classifier.js";
import type { FeatureOptions } from "../src/understanding/intent-features.js";
import type { IntentDefinition } from "../src/understanding/intents.js";
import { loadIntents } from "../src/understanding/load-intents.js";
import type { TrainingOptions } from "../src/understanding/softmax-regression.js";
import { findMarkers } from "../src/understanding/understand.js";

const folds = 5;
const directory = await loadDirectory(new URL("../directory", import.meta.url).pathname);
const definitions = await loadIntents(new URL("../intents", import.meta.url).pathname);
const markers = (text: string) => findMarkers(text, directory);

const featureChoices: FeatureOptions[] = [
  { charGrams: [3], wordPairs: true, stems: false },
  { charGrams: [3], wordPairs: true, stems: true },
  { charGrams: [3, 4], wordPairs: true, stems: false },
  { charGrams: [4], wordPairs: true, stems: false },
  { charGrams: [3], wordPairs: false, stems: false },
  { charGrams: [], wordPairs: true, stems: true },
];
const trainingChoices: TrainingOptions[] = [
  { epochs: 60, learningRate: 0.5, l2: 1e-4, seed: 42 },
  { epochs: 30, learningRate: 0.5, l2: 1e-4, seed: 42 },
  { epochs: 60, learningRate: 1, l2: 1e-5, seed: 42 },
  { epochs: 100, learningRate: 0.3, l2: 1e-4, seed: 42 },
];

/** Every k-th example of each intent goes to fold k: stratified and deterministic. */
function split(fold: number): { train: IntentDefinition[]; test: { text: string; intent: IntentDefinition["id"] }[] } {
  const train = definitions.map((d) => ({ ...d, examples: d.examples.filter((_, i) => i % folds !== fold) }));
  const test = definitions.flatMap((d) => d.examples.filter((_, i) => i % folds === fold).map((text) => ({ text, intent: d.id })));
  return { train, test };
}

const rows: string[] = [];
for (const features of featureChoices) {
  for (const training of trainingChoices) {
    let correct = 0;
    let total = 0;
    let trainMs = 0;
    for (let fold = 0; fold < folds; fold++) {
      const { train, test } = split(fold);
      const started = performance.now();
      const classifier = new IntentClassifier(train, directory, markers, features, training);
      trainMs += performance.now() - started;
      for (const { text, intent } of test) {
        total++;
        if (classifier.classify(text).intent === intent) correct++;
      }
    }
    rows.push(
      `| ${JSON.stringify(features.charGrams)} | ${features.wordPairs} | ${features.stems} | ${training.epochs} | ${training.learningRate} | ${training.l2} | ${((100 * correct) / total).toFixed(1)}% | ${(trainMs / folds).toFixed(0)} |`,
    );
  }
}
process.stdout.write(
  ["| char grams | word pairs | stems | epochs | rate | l2 | CV accuracy | train ms |", "| --- | --- | --- | --- | --- | --- | --- | --- |", ...rows].join("\n") + "\n",
);
