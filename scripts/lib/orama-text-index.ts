import { create, insertMultiple, type Orama, search } from "@orama/orama";
import { fieldBoosts, MappedTextScores, stopWords, type TextDocument, textFields, type TextIndex, type TextScores } from "../../src/search/text-index.js";

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
 * and typo tolerance as the other indexes, for the library comparison only
 * (docs/decisions/0001-embedded-search-library.md). Orama cannot be told which
 * documents to score, so `only` filters its results afterwards.
 */
export class OramaTextIndex implements TextIndex {
  readonly library = "orama";
  private db: Orama<typeof schema> | undefined;

  async build(documents: readonly TextDocument[]): Promise<void> {
    const db = create({ schema, components: { tokenizer: { stopWords: [...stopWords] } } });
    await insertMultiple(db, documents.map((document, position) => ({ ...document, id: String(position) })));
    this.db = db;
  }

  async search(text: string, only?: (position: number) => boolean): Promise<TextScores> {
    if (!this.db) return new MappedTextScores(new Map());
    const results = await search(this.db, { term: text, properties: textFields, boost: fieldBoosts, tolerance: 1, threshold: 1, limit: 10_000 });
    const matches = results.hits.map((hit) => [Number(hit.id), { score: hit.score, words: [] }] as const);
    return new MappedTextScores(new Map(only ? matches.filter(([position]) => only(position)) : matches));
  }
}
