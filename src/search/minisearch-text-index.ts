import MiniSearch from "minisearch";
import { normaliseText } from "../text/normalise-text.js";
import { stopWords, type TextDocument, type TextIndex, type TextMatch } from "./text-index.js";

const fields = ["name", "organization", "description", "eligibility", "needTerms"] as const;

/** Normalises like the rest of Signpost and drops stop words. */
function processTerm(term: string): string | null {
  const normal = normaliseText(term);
  return normal === "" || stopWords.has(normal) ? null : normal;
}

/** The embedded engine's full-text index, on MiniSearch (chosen by measurement). */
export class MiniSearchTextIndex implements TextIndex {
  readonly library = "minisearch";
  private index = this.empty();

  build(documents: readonly TextDocument[]): void {
    const index = this.empty();
    index.addAll(documents);
    this.index = index;
  }

  search(text: string): TextMatch[] {
    return this.index
      .search(text, {
        combineWith: "OR",
        prefix: (term) => term.length >= 4,
        fuzzy: (term) => (term.length >= 6 ? 0.2 : false),
        boost: { name: 3, needTerms: 1.5, organization: 1, description: 1, eligibility: 0.5 },
      })
      .map((result) => ({ id: String(result.id), score: result.score, words: result.queryTerms }));
  }

  private empty(): MiniSearch<TextDocument> {
    return new MiniSearch<TextDocument>({ idField: "id", fields: [...fields], processTerm });
  }
}
