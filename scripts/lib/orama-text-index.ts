import { create, insertMultiple, type Orama, search } from "@orama/orama";
import { stopWords, type TextDocument, type TextIndex, type TextMatch } from "../../src/search/text-index.js";

const schema = {
  id: "string",
  name: "string",
  organization: "string",
  description: "string",
  eligibility: "string",
  needTerms: "string",
} as const;

/**
 * Orama behind the embedded engine's TextIndex port, with the same field boosts
 * and typo tolerance as the MiniSearch index, for the library comparison only
 * (docs/decisions/0001-embedded-search-library.md).
 */
export class OramaTextIndex implements TextIndex {
  readonly library = "orama";
  private db: Orama<typeof schema> | undefined;

  async build(documents: readonly TextDocument[]): Promise<void> {
    const db = create({ schema, components: { tokenizer: { stopWords: [...stopWords] } } });
    await insertMultiple(db, [...documents]);
    this.db = db;
  }

  async search(text: string): Promise<TextMatch[]> {
    if (!this.db) return [];
    const results = await search(this.db, {
      term: text,
      properties: ["name", "organization", "description", "eligibility", "needTerms"],
      boost: { name: 3, needTerms: 1.5, organization: 1, description: 1, eligibility: 0.5 },
      tolerance: 1,
      threshold: 1,
      limit: 10_000,
    });
    return results.hits.map((hit) => ({ id: String(hit.id), score: hit.score, words: [] }));
  }
}
