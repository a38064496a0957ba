import MiniSearch from "minisearch";
import { normaliseText } from "../text/normalise-text.js";
import { fieldBoosts, fuzzyFrom, MappedTextScores, prefixFrom, stopWords, type TextDocument, textFields, type TextIndex, type TextScores } from "./text-index.js";

/** Normalises like the rest of Signpost and drops stop words. */
function processTerm(term: string): string | null {
  const normal = normaliseText(term);
  return normal === "" || stopWords.has(normal) ? null : normal;
}

type Indexed = TextDocument & { readonly position: number };

/**
 * MiniSearch behind the TextIndex port, with the same fields, boosts, prefix and
 * typo rules as the compact index: chosen at first by measurement (decision
 * 0001), now kept for comparison (decision 0005).
 */
export class MiniSearchTextIndex implements TextIndex {
  readonly library = "minisearch";
  private index = this.empty();

  build(documents: readonly TextDocument[]): void {
    const index = this.empty();
    index.addAll(documents.map((document, position) => ({ ...document, position })));
    this.index = index;
  }

  search(text: string, only?: (position: number) => boolean): TextScores {
    const results = this.index.search(text, {
      combineWith: "OR",
      prefix: (term) => term.length >= prefixFrom,
      fuzzy: (term) => (term.length >= fuzzyFrom ? 0.2 : false),
      boost: fieldBoosts,
      // A zero boost makes MiniSearch skip the document before scoring it.
      ...(only ? { boostDocument: (position: unknown) => (only(position as number) ? 1 : 0) } : {}),
    });
    return new MappedTextScores(new Map(results.map((result) => [result.id as number, { score: result.score, words: result.queryTerms }])));
  }

  private empty(): MiniSearch<Indexed> {
    return new MiniSearch<Indexed>({ idField: "position", fields: [...textFields], processTerm });
  }
}
