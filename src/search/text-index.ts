/**
 * The full-text part of the embedded engine, behind a small interface so the
 * library can be swapped and measured (see docs/decisions/0001-embedded-search-library.md
 * and 0005-compact-text-index.md). Documents are known by their position in
 * the list they were built from, so the engine needs no id lookups.
 */
export interface TextDocument {
  readonly name: string;
  readonly organization: string;
  readonly description: string;
  readonly eligibility: string;
  /** The labels and terms of the needs the document stands for (empty for a service). */
  readonly needTerms: string;
}

/** The fields, with how much a match in each counts. */
export const fieldBoosts = { name: 3, needTerms: 1.5, organization: 1, description: 1, eligibility: 0.5 } as const;
export const textFields = Object.keys(fieldBoosts) as (keyof typeof fieldBoosts)[];

/** One search's matches. Scores are comparable within one search only. */
export interface TextScores {
  /** Positions of the documents that matched, in no particular order. */
  readonly positions: readonly number[];
  /** 0 for a document that did not match. */
  score(position: number): number;
  /** The query words this document matched (after prefix and typo tolerance). */
  words(position: number): readonly string[];
}

export interface TextIndex {
  readonly library: string;
  /** Replaces the index contents. */
  build(documents: readonly TextDocument[]): void | Promise<void>;
  /** Scores the documents matching the text; with `only`, documents it refuses are skipped before scoring. */
  search(text: string, only?: (position: number) => boolean): TextScores | Promise<TextScores>;
}

/** Prefix matching for query words of this length or more. */
export const prefixFrom = 4;
/** Typo tolerance for query words of this length or more: up to a fifth of the letters. */
export const fuzzyFrom = 6;

/** Words that carry no meaning for search in what staff write. */
export const stopWords = new Set(
  "a an and any are as at be but by can could does for from get got has have he her hers him his i in into is it its lady gent man woman me my of on or our she so some that the their them there they this to too up us was we what who with would you your lives living live just anything something person someone client patient pt pts referral refer looking need needs needing help support service services cant dont doesnt didnt wont isnt hasnt".split(
    " ",
  ),
);

/** TextScores over a map, for adapters around libraries that return result lists. */
export class MappedTextScores implements TextScores {
  readonly positions: readonly number[];

  constructor(private readonly matches: ReadonlyMap<number, { readonly score: number; readonly words: readonly string[] }>) {
    this.positions = [...matches.keys()];
  }

  score(position: number): number {
    return this.matches.get(position)?.score ?? 0;
  }

  words(position: number): readonly string[] {
    return this.matches.get(position)?.words ?? [];
  }
}
