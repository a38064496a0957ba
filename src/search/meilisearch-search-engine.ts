import type { Meilisearch, MultiSearchQuery } from "meilisearch";
import type { Directory, Service } from "../directory/directory.js";
import { SearchError } from "../errors/search-error.js";
import { alwaysBuild, type IndexBuilds } from "./index-builds.js";
import { buildAndSwap, holdsDirectory } from "./meilisearch-index-build.js";
import { mostNeeds, orderedTiers } from "./meilisearch-ranking-fields.js";
import { type IndexShape, planSearch, readPlan } from "./meilisearch-search-plan.js";
import { rankServices } from "./rank-services.js";
import { type ServiceFacts, serviceFacts } from "./service-filters.js";
import type { EngineHealth, SearchEngine, SearchHit, SearchQuery } from "./search-engine.js";

/**
 * The production engine: Meilisearch filters and ranks, by its text relevance
 * and by the ranking fields stored in each document, and returns only about
 * what is shown, in one multi-search request per search
 * (meilisearch-search-plan.ts); rank-services.ts, the ranking every engine
 * shares, orders what came back.
 * Indexing a directory the live index already holds (several instances, or a
 * restart) builds nothing; otherwise, when `builds` allows it, a fresh index
 * is built and swapped in (meilisearch-index-build.ts), and a failed build
 * leaves the live index untouched.
 */
export class MeilisearchSearchEngine implements SearchEngine {
  readonly kind = "meilisearch" as const;
  private services = new Map<string, { readonly service: Service; readonly facts: ServiceFacts }>();
  private shape: IndexShape = { tiers: 1, mostNeeds: 1 };
  private generation = 0;

  constructor(
    private readonly client: Meilisearch,
    private readonly indexUid = "services",
    private readonly builds: IndexBuilds = alwaysBuild,
  ) {}

  async index(directory: Directory): Promise<void> {
    const generation = ++this.generation;
    const holds = () => holdsDirectory(this.client, this.indexUid, directory).catch((error: unknown) => Promise.reject(new SearchError("could not read the Meilisearch index", { cause: error })));
    if (!(await holds())) {
      const built = await this.builds.run(directory.fingerprint, async () => {
        // Built by another instance while this one waited for its turn: nothing to do.
        if (!(await holds())) await buildAndSwap(this.client, this.indexUid, directory);
      });
      if (!built) throw new SearchError(`Meilisearch's index ${this.indexUid} does not hold directory version ${directory.fingerprint.slice(0, 12)}, and this process does not rebuild it`);
    }
    // A later index() may have finished first: the services searched are always the latest asked for.
    if (generation === this.generation) {
      this.services = new Map(directory.services.map((service) => [service.id, { service, facts: serviceFacts(service, directory.taxonomy) }]));
      this.shape = { tiers: orderedTiers(directory), mostNeeds: mostNeeds(directory) };
    }
  }

  async search(query: SearchQuery): Promise<SearchHit[]> {
    if (this.services.size === 0) throw new SearchError("Meilisearch engine searched before the directory was indexed");
    try {
      const searches = planSearch(query, this.shape);
      if (searches.length === 0) return [];
      const { results } = await this.client.multiSearch<{ queries: MultiSearchQuery[] }, { id: string }>({ queries: searches.map(({ params }) => ({ indexUid: this.indexUid, ...params })) });
      const candidates = [...readPlan(searches, results)].flatMap(([id, textScore]) => {
        const known = this.services.get(id);
        return known ? [{ ...known, textScore, words: [] }] : [];
      });
      return rankServices(candidates, query);
    } catch (error) {
      if (error instanceof SearchError) throw error;
      throw new SearchError("Meilisearch did not answer a search", { cause: error });
    }
  }

  async health(): Promise<EngineHealth> {
    try {
      await this.client.health();
      const stats = await this.client.index(this.indexUid).getStats();
      return { engine: this.kind, ready: this.services.size > 0, services: stats.numberOfDocuments };
    } catch (error) {
      return { engine: this.kind, ready: false, services: 0, detail: `Meilisearch is unreachable: ${(error as Error).message}` };
    }
  }
}
