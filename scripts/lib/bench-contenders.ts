import { create, insertMultiple, search as oramaSearch } from "@orama/orama";
import { Document } from "flexsearch";
import type { Meilisearch } from "meilisearch";
import MiniSearch from "minisearch";
import { answerQuestion } from "../../src/answer/answer-question.js";
import type { Directory } from "../../src/directory/directory.js";
import { buildFilter } from "../../src/search/meilisearch-filter.js";
import type { SearchEngine, SearchQuery } from "../../src/search/search-engine.js";
import type { Understander } from "../../src/understanding/create-understander.js";

/**
 * What the benchmark compares: something built from a directory that answers
 * a labelled question with the ids of its top results. `prepare` is untimed
 * work done once per question (the raw engine is given the understood query).
 */
export interface Contender {
  readonly name: string;
  /** "reference": not a way to answer, a floor to compare with (the plain Meilisearch search). */
  readonly engine: "embedded" | "meilisearch" | "baseline" | "reference";
  /** True when it searches an index another contender built (its build and memory are that one's). */
  readonly shared?: boolean;
  build(directory: Directory): Promise<void>;
  prepare?(question: string): void;
  top(question: string): Promise<string[]>;
}

/** The whole answer: understanding, safety net, search and explanation, as `ask` runs it. */
export function askPath(name: string, engine: SearchEngine, understander: Understander): Contender {
  let directory: Directory;
  return {
    name,
    engine: engine.kind,
    async build(built) {
      directory = built;
      await engine.index(built);
    },
    async top(question) {
      return (await answerQuestion(question, { directory, engine, understander, maxResults: 5 })).results.map((r) => r.id);
    },
  };
}

/** The engine alone, given the query the understanding made of the question (made untimed). */
export function engineAlone(name: string, engine: SearchEngine, understander: Understander): Contender {
  const queries = new Map<string, SearchQuery>();
  return {
    name,
    engine: engine.kind,
    shared: true, // searches the index its ask-path twin built
    build: () => Promise.resolve(),
    prepare(question) {
      queries.set(question, understoodQuery(question, understander));
    },
    async top(question) {
      return (await engine.search(queries.get(question)!)).map((hit) => hit.service.id);
    },
  };
}

/**
 * The floor for the Meilisearch path: one plain Meilisearch search of the
 * question's words with the same filter and limit as the engine alone is given
 * (areas, offers, age, the asked needs), on the index Signpost built, through
 * the same client: what any use of Meilisearch costs at least.
 */
export function plainMeilisearch(name: string, client: Meilisearch, indexUid: string, understander: Understander): Contender {
  const queries = new Map<string, SearchQuery>();
  return {
    name,
    engine: "reference",
    shared: true,
    build: () => Promise.resolve(),
    prepare(question) {
      queries.set(question, understoodQuery(question, understander));
    },
    async top(question) {
      const query = queries.get(question)!;
      const { hits } = await client.index<{ id: string }>(indexUid).search(query.text, { filter: buildFilter(query, { needs: query.needs.length > 0 }), limit: query.limit, attributesToRetrieve: ["id"] });
      return hits.map((hit) => hit.id);
    },
  };
}

function understoodQuery(question: string, understander: Understander): SearchQuery {
  const { needs, areas, age } = understander.understand(question).entities;
  return { text: question, needs, areas, age, limit: 5 };
}

/** MiniSearch with its defaults over name and description, given the raw question. */
export function miniSearchBaseline(): Contender {
  let index: MiniSearch;
  return {
    name: "baseline: MiniSearch defaults",
    engine: "baseline",
    build(directory) {
      index = new MiniSearch({ fields: ["name", "description"], storeFields: [] });
      index.addAll(directory.services.map((s) => ({ id: s.id, name: s.name, description: s.description })));
      return Promise.resolve();
    },
    top: (question) => Promise.resolve(index.search(question).slice(0, 5).map((r) => String(r.id))),
  };
}

/** Orama with its defaults over name and description, given the raw question. */
export function oramaBaseline(): Contender {
  let db: ReturnType<typeof create<{ id: "string"; name: "string"; description: "string" }>>;
  return {
    name: "baseline: Orama defaults",
    engine: "baseline",
    async build(directory) {
      db = create({ schema: { id: "string", name: "string", description: "string" } as const });
      await insertMultiple(db, directory.services.map((s) => ({ id: s.id, name: s.name, description: s.description })));
    },
    async top(question) {
      return (await oramaSearch(db, { term: question, limit: 5 })).hits.map((h) => String(h.id));
    },
  };
}

/**
 * FlexSearch with its default index over name and description, given the raw
 * question. Its default search keeps only documents holding every word, which
 * finds nothing for a sentence, so `suggest` lets it rank partial matches.
 */
export function flexSearchBaseline(): Contender {
  let index: Document<{ id: string; name: string; description: string }>;
  return {
    name: "baseline: FlexSearch defaults",
    engine: "baseline",
    build(directory) {
      index = new Document({ document: { id: "id", index: ["name", "description"] } });
      for (const s of directory.services) index.add({ id: s.id, name: s.name, description: s.description });
      return Promise.resolve();
    },
    top: (question) => Promise.resolve(index.search(question, { limit: 5, merge: true, suggest: true }).map((hit) => String(hit.id))),
  };
}
