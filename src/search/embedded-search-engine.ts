import type { Directory, Service } from "../directory/directory.js";
import { SearchError } from "../errors/search-error.js";
import type { EngineHealth, SearchEngine, SearchHit, SearchQuery } from "./search-engine.js";
import { rankServices } from "./rank-services.js";
import { passesFilters, queryFacts, type ServiceFacts, serviceFacts } from "./service-filters.js";
import { NeedTermScorer } from "./need-term-scorer.js";
import type { TextDocument, TextIndex } from "./text-index.js";

/** How much a need-term match counts beside a match in the service's own words. */
const needTermWeight = 1.5;

/**
 * The default engine: everything in process, no server. Needs and areas come in
 * as ids (from the taxonomy and gazetteer); the text index only adds relevance,
 * and rank-services.ts orders the results exactly as every other engine does.
 */
/** Everything one indexing built, replaced whole, so a search never mixes two directories. */
interface Built {
  readonly services: readonly Service[];
  readonly facts: readonly ServiceFacts[];
  /** Service ids to their position in `services`. */
  readonly positions: ReadonlyMap<string, number>;
  /** Need id to the positions of the services meeting it (posting lists). */
  readonly byNeed: ReadonlyMap<string, readonly number[]>;
  readonly textIndex: TextIndex;
  readonly needTerms: NeedTermScorer;
}

export class EmbeddedSearchEngine implements SearchEngine {
  readonly kind = "embedded" as const;
  private built: Built | undefined;

  /** `makeIndex` makes a fresh, empty text index: one for the services' own words, one for the needs' terms. */
  constructor(private readonly makeIndex: () => TextIndex) {}

  /** Builds everything for the new directory first, then swaps it in at once: searches under way finish on the old one. */
  async index(directory: Directory): Promise<void> {
    const textIndex = this.makeIndex();
    await textIndex.build(directory.services.map(toTextDocument));
    const needTerms = new NeedTermScorer(this.makeIndex());
    await needTerms.build(directory.taxonomy);
    const byNeed = new Map<string, number[]>();
    directory.services.forEach((service, position) => {
      for (const need of service.needs) {
        const list = byNeed.get(need);
        if (list) list.push(position);
        else byNeed.set(need, [position]);
      }
    });
    this.built = {
      services: directory.services,
      facts: directory.services.map((service) => serviceFacts(service, directory.taxonomy)),
      positions: new Map(directory.services.map((service, position) => [service.id, position])),
      byNeed,
      textIndex,
      needTerms,
    };
  }

  async search(query: SearchQuery): Promise<SearchHit[]> {
    const built = this.built;
    if (!built) throw new SearchError("embedded engine searched before the directory was indexed");
    const { services, facts } = built;
    const asked = queryFacts(query);
    const empty = query.text.trim() === "";
    const needTerms = await built.needTerms.score(empty ? "" : query.text);
    // Nothing is scored before it passes the hard filters. With asked-for needs the candidates
    // are the services meeting one (from posting lists) and only they are text-scored; without,
    // every service whose own words matched and every one meeting a need whose terms matched well.
    const state = new Uint8Array(services.length); // 0 not seen, 1 candidate, 2 filtered out
    const candidates: number[] = [];
    const consider = (position: number): void => {
      state[position] = passesFilters(facts[position]!, asked) ? 1 : 2;
      if (state[position] === 1) candidates.push(position);
    };
    for (const need of query.needs.length > 0 ? query.needs : needTerms.strongNeeds) {
      for (const position of built.byNeed.get(need) ?? []) if (state[position] === 0) consider(position);
    }
    const needSearch = query.needs.length > 0;
    const only = (position: number): boolean => {
      if (state[position] === 0 && !needSearch) consider(position);
      return state[position] === 1;
    };
    const text = empty || (needSearch && candidates.length === 0) ? undefined : await built.textIndex.search(query.text, only);
    const scored = candidates.map((position) => ({
      service: services[position]!,
      facts: facts[position]!,
      textScore: (text?.score(position) ?? 0) + needTermWeight * needTerms.score(facts[position]!.needIndexes),
      words: [],
    }));
    // The matched words are worked out for the hits only.
    return rankServices(scored, query).map((hit) => {
      const own = text?.words(built.positions.get(hit.service.id)!) ?? [];
      return { ...hit, words: [...new Set([...own, ...needTerms.words(hit.service.needs)])] };
    });
  }

  health(): Promise<EngineHealth> {
    return Promise.resolve({
      engine: this.kind,
      ready: this.built !== undefined,
      services: this.built?.services.length ?? 0,
      ...(this.built ? {} : { detail: "directory not indexed yet" }),
    });
  }
}

/** A service's own words; its needs' terms are scored once per need by NeedTermScorer. */
export function toTextDocument(service: Service): TextDocument {
  return {
    name: service.name,
    organization: service.organization.name,
    description: service.description,
    eligibility: service.eligibility_description ?? "",
    needTerms: "",
  };
}

