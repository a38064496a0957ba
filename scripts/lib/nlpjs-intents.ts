import { NlpManager } from "node-nlp";
import { type IntentDefinition, type IntentId, isIntentId } from "../../src/understanding/intents.js";

/** NLP.js's NlpManager with its defaults, trained on the same intents/ examples as Signpost: a baseline. */
export async function nlpJsIntents(definitions: readonly IntentDefinition[]): Promise<(text: string) => Promise<IntentId>> {
  const nlp = new NlpManager({ languages: ["en"], forceNER: false, autoSave: false, autoLoad: false, nlu: { log: false } });
  for (const definition of definitions) for (const example of definition.examples) nlp.addDocument("en", example, definition.id);
  await nlp.train();
  return async (text) => {
    const { intent } = await nlp.process("en", text);
    return isIntentId(intent) ? intent : "unknown"; // NLP.js answers "None" when unsure.
  };
}
