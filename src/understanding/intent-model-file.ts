import { createHash } from "node:crypto";
import type { Directory } from "../directory/directory.js";
import { type CheckedFileEvent, CheckedJsonFile } from "../shared/checked-json-file.js";
import { IntentClassifier } from "./intent-classifier.js";
import { defaultFeatures } from "./intent-features.js";
import type { IntentDefinition } from "./intents.js";
import { defaultTraining, type SavedSoftmax, SoftmaxRegression } from "./softmax-regression.js";
import { findMarkers } from "./understand.js";

/** Bump when what a feature means changes in code (intent-features.ts, markers): older models are then retrained. */
export const intentModelFormat = 1;

/**
 * What a trained model depends on: the examples and their labels, the words of
 * the directory's vocabulary (needs and places, which become features), and the
 * feature and training settings. Same key, same model.
 */
export function intentModelKey(definitions: readonly IntentDefinition[], directory: Directory): string {
  const hash = createHash("sha256");
  hash.update(JSON.stringify({ features: defaultFeatures, training: defaultTraining }));
  hash.update(directory.vocabularyFingerprint);
  for (const definition of definitions) hash.update(definition.id).update("\0").update(definition.examples.join("\n")).update("\0");
  return hash.digest("hex");
}

/**
 * The trained intent model kept in DATA_DIR, so that a start with the same
 * examples and vocabulary skips training (about 1.4 s with the blind rounds'
 * examples). Any problem reading it means training as usual.
 */
export class IntentModelFile {
  private readonly file: CheckedJsonFile;

  constructor(file: string) {
    this.file = new CheckedJsonFile(file, intentModelFormat);
  }

  get history(): readonly CheckedFileEvent[] {
    return this.file.history;
  }

  async read(key: string): Promise<SoftmaxRegression | undefined> {
    return this.file.read(key, (json) => SoftmaxRegression.restore(JSON.parse(json) as SavedSoftmax));
  }

  async write(key: string, saved: SavedSoftmax): Promise<void> {
    await this.file.write(key, JSON.stringify(saved));
  }
}

/**
 * The classifier from the saved model when it was trained on these very
 * examples and words; otherwise trained now, and saved for the next start.
 */
export async function savedOrTrainedClassifier(definitions: readonly IntentDefinition[], directory: Directory, file: IntentModelFile): Promise<IntentClassifier> {
  const markers = (text: string) => findMarkers(text, directory);
  const key = intentModelKey(definitions, directory);
  const saved = await file.read(key);
  if (saved) return new IntentClassifier(saved, directory, markers);
  const trained = new IntentClassifier(definitions, directory, markers);
  await file.write(key, trained.save());
  return trained;
}
