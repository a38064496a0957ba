import type { Directory, Service } from "../directory/directory.js";
import { SearchError } from "../errors/search-error.js";
import type { EngineHealth, SearchEngine, SearchHit, SearchQuery } from "./search-engine.js";
import { rankServices } from "./rank-services.js";
import type { TextDocument, TextIndex } from "./text-index.js";

/**
 * The default engine: everything in process, no server. Needs and areas come in
 * as ids (from the taxonomy and gazetteer); the text index only adds relevance,
 * and rank-services.ts orders the results exactly as every other engine does.
 */
export class EmbeddedSearchEngine implements SearchEngine {
  readonly kind = "embedded" as const;
  private services: readonly Service[] = [];
  private byNeed = new Map<string, Service[]>();
  private ready = false;

  constructor(private readonly textIndex: TextIndex) {}

  async index(directory: Directory): Promise<void> {
    await this.textIndex.build(directory.services.map((service) => toTextDocument(service, directory)));
    const byNeed = new Map<string, Service[]>();
    for (const service of directory.services) for (const need of service.needs) byNeed.set(need, [...(byNeed.get(need) ?? []), service]);
    this.services = directory.services;
    this.byNeed = byNeed;
    this.ready = true;
  }

  async search(query: SearchQuery): Promise<SearchHit[]> {
    if (!this.ready) throw new SearchError("embedded engine searched before the directory was indexed");
    const textMatches = query.text.trim() === "" ? [] : await this.textIndex.search(query.text);
    const text = new Map(textMatches.map((match) => [match.id, match]));
    // Candidates: the services meeting an asked-for need (from posting lists), or those whose text matched.
    const candidates = query.needs.length > 0 ? [...new Set(query.needs.flatMap((need) => this.byNeed.get(need) ?? []))] : this.services.filter((s) => text.has(s.id));
    return rankServices(
      candidates.map((service) => ({ service, textScore: text.get(service.id)?.score ?? 0, words: text.get(service.id)?.words ?? [] })),
      query,
    );
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
    needTerms: directory.taxonomy.termsText(service.needs),
  };
}
