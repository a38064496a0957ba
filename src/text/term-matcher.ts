import { isCommonEnglishWord } from "./common-english-words.js";
import { editDistance } from "./edit-distance.js";
import { normaliseText } from "./normalise-text.js";

/** One phrase found in a message. `start`/`end` are token positions (end exclusive). */
export interface TermMatch<V> {
  readonly values: readonly V[];
  /** The vocabulary term, in normal form. */
  readonly term: string;
  /** The words as the person wrote them, in normal form. */
  readonly written: string;
  readonly start: number;
  readonly end: number;
  readonly fuzzy: boolean;
}

/** How many typos a single word may carry: none under 6 letters, one up to 9, two from 10. */
export function typoAllowance(word: string): number {
  if (word.length < 6 || /\d/.test(word)) return 0;
  return word.length < 10 ? 1 : 2;
}

/**
 * Finds vocabulary phrases (needs' terms, place names) in tokenised text:
 * longest phrase first, exact before fuzzy, never two matches on one word.
 * Fuzzy matching needs the first letter right (which keeps short abbreviations
 * exact) and never touches a real English word: a word in the dictionary was
 * meant as written ("lovely" is not "lonely"). With `fuzzyPhrases` (place
 * names), a phrase of two or three words is matched fuzzily too, as written
 * ("Great Glenn", "Newbold Vernon") or run together ("Beaumontleys"), when
 * its first two letters are right and one of its words is not a real word.
 */
export class TermMatcher<V> {
  private readonly exact = new Map<string, V[]>();
  private readonly singleWords = new Map<string, string[]>();
  /** Phrases of two or three words by their first two letters, as [term, words, letters without spaces]. */
  private readonly phrases = new Map<string, [string, number, string][]>();
  /** The most words of any term beginning with a word: most words in a message begin none. */
  private readonly longestFrom = new Map<string, number>();

  constructor(
    entries: Iterable<readonly [term: string, value: V]>,
    private readonly isRealWord: (word: string) => boolean = isCommonEnglishWord,
    fuzzyPhrases = false,
  ) {
    for (const [raw, value] of entries) {
      const term = normaliseText(raw);
      if (term === "") continue;
      const values = this.exact.get(term) ?? [];
      if (!values.includes(value)) values.push(value);
      this.exact.set(term, values);
      const [first = term, ...rest] = term.split(" ");
      const words = rest.length + 1;
      this.longestFrom.set(first, Math.max(this.longestFrom.get(first) ?? 0, words));
      if (words === 1 && typoAllowance(term) > 0) {
        const bucket = this.singleWords.get(term[0]!) ?? [];
        bucket.push(term);
        this.singleWords.set(term[0]!, bucket);
      }
      const joined = term.replaceAll(" ", "");
      if (fuzzyPhrases && (words === 2 || words === 3) && typoAllowance(joined) > 0) {
        const bucket = this.phrases.get(joined.slice(0, 2)) ?? [];
        bucket.push([term, words, joined]);
        this.phrases.set(joined.slice(0, 2), bucket);
      }
    }
  }

  /** Exact phrase matches (allowing a plural "s"), skipping tokens already claimed. */
  matchExact(tokens: readonly string[], claimed: Set<number> = new Set()): TermMatch<V>[] {
    const found: TermMatch<V>[] = [];
    for (let start = 0; start < tokens.length; start++) {
      const word = tokens[start]!;
      // A one-word plural ("DFGs") is looked up as its singular.
      const longest = Math.max(this.longestFrom.get(word) ?? 0, word.endsWith("s") && this.exact.has(word.slice(0, -1)) ? 1 : 0);
      for (let length = Math.min(longest, tokens.length - start); length >= 1; length--) {
        if (isClaimed(claimed, start, length)) continue;
        const written = tokens.slice(start, start + length).join(" ");
        const hit = this.lookup(written);
        if (!hit) continue;
        found.push({ values: hit.values, term: hit.term, written, start, end: start + length, fuzzy: false });
        for (let i = start; i < start + length; i++) claimed.add(i);
        start += length - 1;
        break;
      }
    }
    return found;
  }

  /** Single-word matches within the typo allowance, for tokens not yet claimed. */
  matchFuzzy(tokens: readonly string[], claimed: Set<number> = new Set()): TermMatch<V>[] {
    const found: TermMatch<V>[] = this.phrases.size > 0 ? this.matchFuzzyPhrases(tokens, claimed) : [];
    tokens.forEach((token, index) => {
      if (claimed.has(index)) return;
      const best = this.closestWord(token);
      if (!best) return;
      found.push({ values: this.exact.get(best)!, term: best, written: token, start: index, end: index + 1, fuzzy: true });
      claimed.add(index);
    });
    return found;
  }

  /** Phrases written with a typo or run together, for tokens not yet claimed. */
  private matchFuzzyPhrases(tokens: readonly string[], claimed: Set<number>): TermMatch<V>[] {
    const found: TermMatch<V>[] = [];
    for (let start = 0; start < tokens.length; start++) {
      const candidates = this.phrases.get(tokens[start]!.slice(0, 2));
      if (!candidates) continue;
      // The words from here run together, one to three of them, and whether each window is all real words.
      const windows: { written: string; real: boolean }[] = [];
      for (let length = 1; length <= 3 && start + length <= tokens.length && !claimed.has(start + length - 1); length++) {
        const word = tokens[start + length - 1]!;
        const previous = windows[length - 2];
        windows.push({ written: (previous?.written ?? "") + word, real: (previous?.real ?? true) && (this.isRealWord(word) || this.exact.has(word)) });
      }
      let best: { term: string; length: number; distance: number } | undefined;
      for (const [term, words, joined] of candidates) {
        const limit = typoAllowance(joined);
        // As many words as the phrase (one of them not a real word), or one fewer when two were run together.
        for (const length of [words, words - 1]) {
          const window = windows[length - 1];
          if (!window || (length === words && window.real) || Math.abs(window.written.length - joined.length) > limit) continue;
          const distance = editDistance(window.written, joined, limit);
          if (distance <= limit && (best === undefined || distance < best.distance)) best = { term, length, distance };
        }
      }
      if (!best) continue;
      const written = tokens.slice(start, start + best.length).join(" ");
      found.push({ values: this.exact.get(best.term)!, term: best.term, written, start, end: start + best.length, fuzzy: true });
      for (let i = start; i < start + best.length; i++) claimed.add(i);
      start += best.length - 1;
    }
    return found;
  }

  /** The closest single-word term within the typo allowance, if any. */
  closestWord(word: string): string | undefined {
    const allowance = typoAllowance(word);
    if (allowance === 0 || this.exact.has(word) || this.isRealWord(word)) return undefined;
    let best: string | undefined;
    let bestDistance = allowance + 1;
    for (const term of this.singleWords.get(word[0]!) ?? []) {
      // The stricter of the two allowances: a long typo must not reach a short name.
      const limit = Math.min(allowance, typoAllowance(term));
      const distance = editDistance(word, term, limit);
      if (distance <= limit && distance < bestDistance) {
        best = term;
        bestDistance = distance;
      }
    }
    return best;
  }

  private lookup(written: string): { term: string; values: V[] } | undefined {
    const direct = this.exact.get(written);
    if (direct) return { term: written, values: direct };
    if (written.length > 3 && written.endsWith("s")) {
      const singular = written.slice(0, -1);
      const values = this.exact.get(singular);
      if (values) return { term: singular, values };
    }
    return undefined;
  }
}

function isClaimed(claimed: Set<number>, start: number, length: number): boolean {
  for (let i = start; i < start + length; i++) if (claimed.has(i)) return true;
  return false;
}
