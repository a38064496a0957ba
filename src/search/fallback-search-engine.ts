import type { Directory } from "../directory/directory.js";
import type { Logger } from "../logging/create-logger.js";
import type { Clock } from "../time/clock.js";
import type { EngineHealth, SearchEngine, SearchHit, SearchQuery } from "./search-engine.js";

/**
 * Meilisearch first, the embedded engine when it fails. While degraded, the
 * primary is tried again after `retryAfterMs`; the first success ends the
 * degraded state. Both engines always hold the same directory, so an answer
 * never depends on which one gave it. `kind` tells which answered last.
 */
export class FallbackSearchEngine implements SearchEngine {
  private degradedSince: number | undefined;
  private lastError = "";
  private primaryIndexed = false;
  private directory: Directory | undefined;

  constructor(
    private readonly primary: SearchEngine,
    private readonly fallback: SearchEngine,
    private readonly logger: Logger,
    private readonly clock: Clock,
    private readonly retryAfterMs = 30_000,
  ) {}

  get kind(): SearchEngine["kind"] {
    return this.degradedSince === undefined ? this.primary.kind : this.fallback.kind;
  }

  async index(directory: Directory): Promise<void> {
    this.directory = directory;
    await this.fallback.index(directory);
    try {
      await this.primary.index(directory);
      this.primaryIndexed = true;
      this.recovered();
    } catch (error) {
      this.failed(error, "indexing");
    }
  }

  async search(query: SearchQuery): Promise<SearchHit[]> {
    const due = this.degradedSince === undefined || this.clock.now().getTime() - this.degradedSince >= this.retryAfterMs;
    if ((!this.primaryIndexed || this.degradedSince !== undefined) && due && this.directory) {
      // Meilisearch was down when the directory was loaded, or may have restarted empty: index it again.
      try {
        await this.primary.index(this.directory);
        this.primaryIndexed = true;
      } catch (error) {
        this.failed(error, "indexing");
      }
    }
    if (this.primaryIndexed && due) {
      try {
        const hits = await this.primary.search(query);
        this.recovered();
        return hits;
      } catch (error) {
        this.failed(error, "searching");
      }
    }
    return this.fallback.search(query);
  }

  async health(): Promise<EngineHealth> {
    const fallback = await this.fallback.health();
    if (this.degradedSince === undefined && this.primaryIndexed) return { ...(await this.primary.health()), ready: fallback.ready };
    return { engine: this.primary.kind, ready: fallback.ready, services: fallback.services, degraded: true, detail: `answering from the embedded engine: ${this.lastError}` };
  }

  private failed(error: unknown, during: string): void {
    const first = this.degradedSince === undefined;
    this.degradedSince = this.clock.now().getTime();
    this.lastError = (error as Error).message;
    if (first) this.logger.warn({ engine: this.primary.kind, during, err: error }, "search degraded: answering from the embedded engine");
  }

  private recovered(): void {
    if (this.degradedSince !== undefined) this.logger.info({ engine: this.primary.kind }, "search recovered");
    this.degradedSince = undefined;
  }
}
