import type { Directory } from "../directory/directory.js";
import { tokenize } from "../text/normalise-text.js";

/**
 * Turns a message into the sparse features the intent classifier learns from:
 * words, adjacent word pairs, character trigrams (so "sucidal" still shares
 * most of its features with "suicidal"), and markers for what the directory
 * recognised: a place, a need, an age, a reference, an NHS number, a person.
 * Place names become one marker, so "Coalville" teaches nothing about intent.
 */
export interface EntityMarkers {
  readonly place: boolean;
  readonly need: boolean;
  readonly age: boolean;
  readonly reference: boolean;
  readonly nhsNumber: boolean;
  readonly person: boolean;
}

/** Which features to make; the defaults were chosen by cross-validation (scripts/tune-intents.ts). */
export interface FeatureOptions {
  readonly charGrams: readonly number[];
  readonly wordPairs: boolean;
  readonly stems: boolean;
}

export const defaultFeatures: FeatureOptions = { charGrams: [3], wordPairs: true, stems: false };

/** A crude English stem: enough to let "referred", "referring" and "refers" share a feature. */
function stem(word: string): string {
  return word.replace(/(?:ing|ed|es|s|ly|er)$/, "");
}

export function intentFeatures(text: string, directory: Directory, markers: EntityMarkers, options: FeatureOptions = defaultFeatures): string[] {
  const tokens = tokenize(text);
  const places = directory.gazetteer.matcher.matchExact(tokens);
  const words = [...tokens];
  for (const place of places) for (let i = place.start; i < place.end; i++) words[i] = "<place>";

  const features = new Set<string>();
  words.forEach((word, i) => {
    features.add(`w:${word}`);
    if (options.stems && word.length > 4) features.add(`s:${stem(word)}`);
    if (options.wordPairs && i > 0) features.add(`b:${words[i - 1]} ${word}`);
    if (word.startsWith("<") || word.length < 3) return;
    const padded = `^${word}$`;
    for (const size of options.charGrams) {
      for (let j = 0; j + size <= padded.length; j++) features.add(`c${size}:${padded.slice(j, j + size)}`);
    }
  });
  if (options.wordPairs && words.length > 0) features.add(`b:^ ${words[0]}`);
  if (words.length <= 2) features.add("len:short");
  for (const [name, present] of Object.entries(markers)) if (present) features.add(`e:${name}`);
  return [...features];
}
