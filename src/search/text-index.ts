/**
 * The full-text part of the embedded engine, behind a small interface so the
 * library can be swapped and measured (see docs/decisions/0001-embedded-search-library.md).
 */
export interface TextDocument {
  readonly id: string;
  readonly name: string;
  readonly organization: string;
  readonly description: string;
  readonly eligibility: string;
  /** The labels and terms of the needs the service meets. */
  readonly needTerms: string;
}

export interface TextMatch {
  readonly id: string;
  readonly score: number;
  readonly words: readonly string[];
}

export interface TextIndex {
  readonly library: string;
  /** Replaces the index contents. */
  build(documents: readonly TextDocument[]): void | Promise<void>;
  search(text: string): readonly TextMatch[] | Promise<readonly TextMatch[]>;
}

/** Words that carry no meaning for search in what staff write. */
export const stopWords = new Set(
  "a an and any are as at be but by can could does for from get got has have he her hers him his i in into is it its lady gent man woman me my of on or our she so some that the their them there they this to too up us was we what who with would you your lives living live just anything something person someone client patient pt pts referral refer looking need needs needing help support service services".split(
    " ",
  ),
);
