/**
 * A message in sentences, each in clauses: the spans over which a word like
 * "no", "ago" or "if" can change what a risk word means. Sentences end at
 * . ! ? ; and line breaks; clauses also end at "but", "however", "although",
 * "though", "whereas", "except" and dashes between words, the termination
 * terms of ConText (Harkema et al., 2009), after which a negation or a past
 * tense no longer reaches.
 */
export interface Sentence {
  readonly text: string;
  readonly clauses: readonly string[];
}

const sentenceEnd = /(?<=[.!?;])\s+|\n+|(?<=\S)\s*[|•]\s*/;
const clauseEnd = /\s+(?:but|however|although|though|whereas|except|apart from|yet|while|whilst)\s+|\s+[-–—]\s+|,\s*(?=(?:but|however|now|today|then|and now|and today)\b)/;

/** Lower case, straight apostrophes and single spaces, sentences and clauses kept apart. */
export function sentencesOf(text: string): Sentence[] {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02BC`]/g, "'")
    .split(sentenceEnd)
    .map((sentence) => sentence.replace(/\s+/g, " ").trim())
    .filter((sentence) => sentence !== "")
    .map((sentence) => ({ text: sentence, clauses: sentence.split(clauseEnd).map((c) => c.trim()).filter((c) => c !== "") }));
}
