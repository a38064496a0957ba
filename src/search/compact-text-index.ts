import SearchableMap from "minisearch/SearchableMap";
import { buildPostings, indexWords, type Postings } from "./postings.js";
import { fieldBoosts, fuzzyFrom, prefixFrom, type TextDocument, textFields, type TextIndex, type TextScores } from "./text-index.js";

/** BM25+ as MiniSearch computes it, so that scores mean what they meant (decision 0005). */
const bm25 = { k: 1.2, b: 0.7, d: 0.5 };
const prefixWeight = 0.375;
const fuzzyWeight = 0.45;
const boosts = Float64Array.from(textFields.map((field) => fieldBoosts[field]));

/** One vocabulary term a query word reaches, and how much a match on it counts. */
interface Expansion {
  readonly term: number;
  readonly weight: number;
}

/**
 * The embedded engine's full-text index: postings in typed arrays, MiniSearch's
 * radix tree for prefix and typo expansion of query words, and BM25+ scoring.
 * Unlike a general library it can be told which documents to score, so a
 * search among a few thousand candidates in a 100,000-service directory costs
 * a walk over flat arrays, not an object per matching document.
 */
export class CompactTextIndex implements TextIndex {
  readonly library = "compact";
  private postings: Postings = buildPostings([]);
  private vocabulary = new SearchableMap<number>();

  build(documents: readonly TextDocument[]): void {
    const postings = buildPostings(documents);
    const vocabulary = new SearchableMap<number>();
    for (const [term, id] of postings.terms) vocabulary.set(term, id);
    this.postings = postings;
    this.vocabulary = vocabulary;
  }

  search(text: string, only?: (position: number) => boolean): TextScores {
    const words = [...new Set(indexWords(text))];
    const scores = new WordScores(this.postings.documentCount, words);
    words.forEach((word, index) => {
      for (const { term, weight } of this.expand(word)) this.addTerm(scores, index, term, weight, only);
    });
    return scores;
  }

  /** The word itself, longer words it begins (from 4 letters) and words within a fifth of its letters (from 6). */
  private expand(word: string): Expansion[] {
    const found = new Map<number, number>();
    const exact = this.postings.terms.get(word);
    if (exact !== undefined) found.set(exact, 1);
    if (word.length >= prefixFrom) {
      for (const [term, id] of this.vocabulary.atPrefix(word)) {
        const distance = term.length - word.length;
        if (distance > 0) found.set(id, (prefixWeight * term.length) / (term.length + 0.3 * distance));
      }
    }
    if (word.length >= fuzzyFrom) {
      for (const [term, [id, distance]] of this.vocabulary.fuzzyGet(word, Math.round(word.length * 0.2))) {
        if (distance > 0 && !found.has(id)) found.set(id, (fuzzyWeight * term.length) / (term.length + distance));
      }
    }
    return [...found].map(([term, weight]) => ({ term, weight }));
  }

  private addTerm(scores: WordScores, word: number, term: number, weight: number, only: ((position: number) => boolean) | undefined): void {
    const { termStart, document, field, frequency, documentFrequency, fieldLength, averageFieldLength, documentCount } = this.postings;
    const fields = textFields.length;
    for (let at = termStart[term]!, end = termStart[term + 1]!; at < end; at++) {
      const position = document[at]!;
      if (only && !only(position)) continue;
      const f = field[at]!;
      const matching = documentFrequency[term * fields + f]!;
      const inverse = Math.log(1 + (documentCount - matching + 0.5) / (matching + 0.5));
      const tf = frequency[at]!;
      const lengthRatio = fieldLength[position * fields + f]! / averageFieldLength[f]!;
      const raw = inverse * (bm25.d + (tf * (bm25.k + 1)) / (tf + bm25.k * (1 - bm25.b + bm25.b * lengthRatio)));
      scores.add(position, word, weight * boosts[f]! * raw);
    }
  }
}

/**
 * Scores and matched query words per document, in flat arrays. As in MiniSearch,
 * a document's score is multiplied by how many of the query's words it matched.
 */
class WordScores implements TextScores {
  readonly positions: number[] = [];
  private readonly sums: Float64Array;
  /** Per document, one bit per query word: `stride` 32-bit words each. */
  private readonly matched: Uint32Array;
  private readonly stride: number;

  constructor(
    documentCount: number,
    private readonly queryWords: readonly string[],
  ) {
    this.stride = Math.max(1, Math.ceil(queryWords.length / 32));
    this.sums = new Float64Array(documentCount);
    this.matched = new Uint32Array(documentCount * this.stride);
  }

  add(position: number, word: number, score: number): void {
    if (this.sums[position] === 0) this.positions.push(position);
    this.sums[position]! += score;
    this.matched[position * this.stride + (word >> 5)]! |= 1 << (word & 31);
  }

  score(position: number): number {
    let count = 0;
    for (let i = 0; i < this.stride; i++) count += bitCount(this.matched[position * this.stride + i]!);
    return this.sums[position]! * count;
  }

  words(position: number): string[] {
    return this.queryWords.filter((_, word) => (this.matched[position * this.stride + (word >> 5)]! & (1 << (word & 31))) !== 0);
  }
}

function bitCount(bits: number): number {
  const pairs = bits - ((bits >>> 1) & 0x55555555);
  const nibbles = (pairs & 0x33333333) + ((pairs >>> 2) & 0x33333333);
  return Math.imul((nibbles + (nibbles >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
