import { randomBytes } from "node:crypto";
import type { EnqueuedTask, EnqueuedTaskPromise, Meilisearch, Task } from "meilisearch";
import type { Directory, Service } from "../directory/directory.js";
import { SearchError } from "../errors/search-error.js";
import { buildFilter } from "./meilisearch-filter.js";
import { indexSettings, type ServiceDocument, toDocument } from "./meilisearch-index-settings.js";
import { rankServices } from "./rank-services.js";
import { type ServiceFacts, serviceFacts } from "./service-filters.js";
import type { EngineHealth, SearchEngine, SearchHit, SearchQuery } from "./search-engine.js";

const candidateLimit = 1000;
const batchSize = 2000;
/** How long the whole document load may take before the build is given up (the live index stays). */
const buildTimeoutMs = 15 * 60_000;

/**
 * The production engine: Meilisearch retrieves (filters and text relevance),
 * and rank-services.ts orders the results exactly as the embedded engine does.
 * Reindexing builds a fresh index, waits for it, and swaps it in; a failed
 * build leaves the live index untouched.
 */
export class MeilisearchSearchEngine implements SearchEngine {
  readonly kind = "meilisearch" as const;
  private services = new Map<string, { readonly service: Service; readonly facts: ServiceFacts }>();

  constructor(
    private readonly client: Meilisearch,
    private readonly indexUid = "services",
  ) {}

  async index(directory: Directory): Promise<void> {
    const fresh = `${this.indexUid}_${Date.now()}_${randomBytes(3).toString("hex")}`;
    try {
      await settled(this.client.createIndex(fresh, { primaryKey: "id" }));
      await settled(this.client.index(fresh).updateSettings(indexSettings(directory)));
      // In batches, sent one after another: Meilisearch refuses a payload over 100 MB (100k services
      // in one request is more). It works through them in order, so waiting for each in turn takes
      // no longer than the whole build, which may be minutes for a large directory.
      const documents = directory.services.map((s) => toDocument(s, directory));
      const tasks: EnqueuedTask[] = [];
      for (let start = 0; start < documents.length; start += batchSize) tasks.push(await this.client.index<ServiceDocument>(fresh).addDocuments(documents.slice(start, start + batchSize)));
      for (const task of tasks) checkDone(await this.client.tasks.waitForTask(task, { timeout: buildTimeoutMs, interval: 250 }));
      if (!(await this.exists(this.indexUid))) await settled(this.client.createIndex(this.indexUid, { primaryKey: "id" }));
      await settled(this.client.swapIndexes([{ indexes: [this.indexUid, fresh], rename: false }]));
      await settled(this.client.deleteIndex(fresh)); // after the swap it holds the old documents
    } catch (error) {
      // Waited for as long as any other step (deleteIndexIfExists gives up after 5 s on a busy server, leaving
      // the half-built index behind); a failed delete (the index was never created) is nothing to report.
      await settled(this.client.deleteIndex(fresh)).catch(() => undefined);
      throw new SearchError("could not build the Meilisearch index; the live index is unchanged", { cause: error });
    }
    this.services = new Map(directory.services.map((service) => [service.id, { service, facts: serviceFacts(service, directory.taxonomy) }]));
  }

  async search(query: SearchQuery): Promise<SearchHit[]> {
    if (this.services.size === 0) throw new SearchError("Meilisearch engine searched before the directory was indexed");
    const index = this.client.index<ServiceDocument>(this.indexUid);
    try {
      const text = query.text.trim();
      const [textResult, needResult] = await Promise.all([
        text === ""
          ? undefined
          : index.search(text, { filter: buildFilter(query, { needs: false }), limit: candidateLimit, showRankingScore: true, attributesToRetrieve: ["id"], matchingStrategy: "frequency" }),
        query.needs.length === 0 ? undefined : index.search("", { filter: buildFilter(query, { needs: true }), limit: candidateLimit, attributesToRetrieve: ["id"] }),
      ]);
      const textScores = new Map((textResult?.hits ?? []).map((hit) => [hit.id, hit._rankingScore ?? 0]));
      const ids = new Set([...(needResult?.hits ?? []).map((h) => h.id), ...textScores.keys()]);
      const candidates = [...ids].flatMap((id) => {
        const known = this.services.get(id);
        return known ? [{ ...known, textScore: textScores.get(id) ?? 0, words: [] }] : [];
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

  private async exists(uid: string): Promise<boolean> {
    try {
      await this.client.index(uid).getRawInfo();
      return true;
    } catch {
      return false;
    }
  }
}

/** Waits for a Meilisearch task and throws if it failed. */
async function settled(task: EnqueuedTaskPromise): Promise<void> {
  checkDone(await task.waitTask({ timeout: 60_000 }));
}

function checkDone(done: Task): void {
  if (done.status !== "succeeded") throw new Error(`Meilisearch task ${done.type} ${done.status}: ${done.error?.message ?? "no detail"}`);
}
