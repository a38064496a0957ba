// The small part of node-nlp's API the intent comparison uses (the package ships no types).
declare module "node-nlp" {
  export class NlpManager {
    constructor(settings: { languages: string[]; forceNER?: boolean; autoSave?: boolean; autoLoad?: boolean; nlu?: { log?: boolean } });
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<void>;
    process(locale: string, utterance: string): Promise<{ intent: string; score: number; classifications?: { intent: string; score: number }[] }>;
  }
}
