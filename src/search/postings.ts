import { tokenize } from "../text/normalise-text.js";
import { stopWords, type TextDocument, textFields } from "./text-index.js";

/**
 * An inverted index in a few typed arrays (compressed rows): for term t, its
 * postings are entries termStart[t] .. termStart[t + 1] - 1, each a document
 * position, a field and how often the term occurs there. A 100,000-service
 * directory fits in tens of megabytes and is walked without allocating.
 */
export interface Postings {
  readonly documentCount: number;
  /** Term to term id. */
  readonly terms: ReadonlyMap<string, number>;
  readonly termStart: Uint32Array;
  readonly document: Uint32Array;
  readonly field: Uint8Array;
  readonly frequency: Uint16Array;
  /** For term t and field f, at t * fields + f: how many documents have t in f. */
  readonly documentFrequency: Uint32Array;
  /** For document d and field f, at d * fields + f: how many words f holds. */
  readonly fieldLength: Uint16Array;
  readonly averageFieldLength: Float64Array;
}

/** The words of a text as the index keeps them: normalised, stop words dropped. */
export function indexWords(text: string): string[] {
  return tokenize(text).filter((word) => !stopWords.has(word));
}

export function buildPostings(documents: readonly TextDocument[]): Postings {
  const fields = textFields.length;
  const terms = new Map<string, number>();
  const entries = { term: new Growable(Uint32Array), document: new Growable(Uint32Array), field: new Growable(Uint8Array), frequency: new Growable(Uint16Array) };
  const fieldLength = new Uint16Array(documents.length * fields);
  const lengthSums = new Float64Array(fields);
  const counts = new Map<number, number>();
  documents.forEach((document, position) => {
    textFields.forEach((name, field) => {
      const words = indexWords(document[name]);
      fieldLength[position * fields + field] = Math.min(words.length, 0xffff);
      lengthSums[field]! += words.length;
      counts.clear();
      for (const word of words) {
        let id = terms.get(word);
        if (id === undefined) terms.set(word, (id = terms.size));
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      for (const [term, count] of counts) {
        entries.term.push(term);
        entries.document.push(position);
        entries.field.push(field);
        entries.frequency.push(Math.min(count, 0xffff));
      }
    });
  });

  // Counting sort by term into compressed rows; documents stay in ascending order within a term.
  const size = entries.term.length;
  const termStart = new Uint32Array(terms.size + 1);
  const documentFrequency = new Uint32Array(terms.size * fields);
  const byTerm = entries.term.view();
  const fieldOf = entries.field.view();
  for (let i = 0; i < size; i++) {
    termStart[byTerm[i]! + 1]!++;
    documentFrequency[byTerm[i]! * fields + fieldOf[i]!]!++;
  }
  for (let t = 0; t < terms.size; t++) termStart[t + 1]! += termStart[t]!;
  const next = termStart.slice(0, terms.size);
  const document = new Uint32Array(size);
  const field = new Uint8Array(size);
  const frequency = new Uint16Array(size);
  const documentOf = entries.document.view();
  const frequencyOf = entries.frequency.view();
  for (let i = 0; i < size; i++) {
    const at = next[byTerm[i]!]!++;
    document[at] = documentOf[i]!;
    field[at] = fieldOf[i]!;
    frequency[at] = frequencyOf[i]!;
  }
  const averageFieldLength = lengthSums.map((sum) => (documents.length > 0 ? sum / documents.length : 0));
  return { documentCount: documents.length, terms, termStart, document, field, frequency, documentFrequency, fieldLength, averageFieldLength };
}

type TypedArray = Uint8Array | Uint16Array | Uint32Array;

/** A typed array that grows as it is pushed to, for building postings without boxed numbers. */
class Growable<T extends TypedArray> {
  private data: T;
  length = 0;

  constructor(private readonly make: new (size: number) => T) {
    this.data = new make(1024);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  /** The pushed values (a view, not a copy). */
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }
}
