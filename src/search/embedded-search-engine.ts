import type { Directory, Service } from "../directory/directory.js";
import { SearchError } from "../errors/search-error.js";
import type { EngineHealth, SearchEngine, SearchHit, SearchQuery } from "./search-engine.js";
import { meetsAnyNeed, passesFilters } from "./service-filters.js";
import type { TextDocument, TextIndex } from "./text-index.js";

/**
 * The default engine: everything in process, no server. Needs and areas come in
 * as ids (from the taxonomy and gazetteer); the text index only adds relevance.
 *
 * Score, for a need search:  6 x share of the asked-for needs the service meets
 *                          + 2 x share of the service's needs that were asked for (focus)
 *                          + 2 x text relevance relative to the best text match
 *                          + 1 when the service is local to a named area (3 areas or fewer).
 * Without needs, only services whose text matches are returned, by text relevance.
 */
export class EmbeddedSearchEngine implements SearchEngine {
  readonly kind = "embedded" as const;
  private services: readonly Service[] = [];
  private ready = false;

  constructor(private readonly textIndex: TextIndex) {}

  async index(directory: Directory): Promise<void> {
    await this.textIndex.build(directory.services.map((service) => toTextDocument(service, directory)));
    this.services = directory.services;
    this.ready = true;
  }

  async search(query: SearchQuery): Promise<SearchHit[]> {
    if (!this.ready) throw new SearchError("embedded engine searched before the directory was indexed");
    const textMatches = query.text.trim() === "" ? [] : await this.textIndex.search(query.text);
    const text = new Map(textMatches.map((match) => [match.id, match]));
    const bestText = Math.max(0, ...textMatches.map((match) => match.score));

    const hits: SearchHit[] = [];
    for (const service of this.services) {
      if (!passesFilters(service, query)) continue;
      const match = text.get(service.id);
      const textShare = match && bestText > 0 ? match.score / bestText : 0;
      const local = query.areas.length > 0 && service.areas.length <= 3 ? 1 : 0;
      let score: number;
      if (query.needs.length > 0) {
        if (!meetsAnyNeed(service, query)) continue;
        const met = service.needs.filter((need) => query.needs.includes(need)).length;
        score = 6 * (met / query.needs.length) + 2 * (met / service.needs.length) + 2 * textShare + local;
      } else {
        if (!match) continue;
        score = 10 * textShare + local;
      }
      hits.push({ service, score: Math.round(score * 1000) / 1000, words: match?.words ?? [] });
    }
    hits.sort((a, b) => b.score - a.score || a.service.name.localeCompare(b.service.name));
    return hits.slice(0, query.limit);
  }

  health(): Promise<EngineHealth> {
    return Promise.resolve({
      engine: this.kind,
      ready: this.ready,
      services: this.services.length,
      ...(this.ready ? {} : { detail: "directory not indexed yet" }),
    });
  }
}

export function toTextDocument(service: Service, directory: Directory): TextDocument {
  return {
    id: service.id,
    name: service.name,
    organization: service.organization.name,
    description: service.description,
    eligibility: service.eligibility_description ?? "",
    needTerms: service.needs.flatMap((need) => directory.taxonomy.termsFor(need)).join(" ; "),
  };
}
