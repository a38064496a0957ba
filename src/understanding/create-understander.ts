import type { Directory } from "../directory/directory.js";
import { IntentClassifier } from "./intent-classifier.js";
import type { IntentDefinition, IntentId } from "./intents.js";
import { findMarkers, understand, type Understanding } from "./understand.js";

export interface Understander {
  understand(text: string): Understanding;
  /** Each intent's reply text, from intents/<id>.yaml. */
  reply(intent: IntentId): string;
  /** How long training took, for the start-up log. */
  readonly trainingMs: number;
}

/**
 * Binds a classifier to the directory: the one given (restored from a saved
 * model, see intent-model-file.ts), or one trained now from the definitions.
 */
export function createUnderstander(directory: Directory, definitions: readonly IntentDefinition[], confidenceThreshold: number, trained?: IntentClassifier): Understander {
  const started = performance.now();
  const classifier = trained ?? new IntentClassifier(definitions, directory, (text) => findMarkers(text, directory));
  const trainingMs = performance.now() - started;
  const replies = new Map(definitions.map((definition) => [definition.id, definition.reply]));
  return {
    trainingMs,
    understand: (text) => understand(text, { directory, classifier, confidenceThreshold }),
    reply: (intent) => replies.get(intent) ?? "",
  };
}
