import type { AreaId, NeedId } from "../directory/ids.js";
import type { Logger } from "../logging/create-logger.js";
import type { SearchEngine } from "../search/search-engine.js";
import type { Clock } from "../time/clock.js";
import { londonDate } from "../time/wall-clock.js";
import type { UnmetKind, UnmetSearch, UnmetSearchLog } from "./unmet-search-log.js";

/** The search a conversation ran: its words (for relevance only), its ids and the person's age. */
export interface SearchAsked {
  readonly text: string;
  readonly needs: readonly NeedId[];
  readonly areas: readonly AreaId[];
  readonly age: number | null;
}

/** More counts than this waiting (the database is slow or down) and new ones are dropped, not queued without end. */
const maxPending = 100;

/**
 * Counts the conversation core's searches that found nothing, off the answer's
 * path: `note` returns at once, and the work (one search per need without the
 * area, to tell "nothing anywhere" from "nothing in this area", then one
 * upsert) starts after the answer has gone. A failure is logged without the
 * words searched and costs the answer nothing.
 */
export class UnmetSearchRecorder {
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly log: UnmetSearchLog,
    private readonly engine: SearchEngine,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Called after every find_service search with how many services it found. */
  note(search: SearchAsked, found: number): void {
    if (found > 0 || (search.needs.length === 0 && search.areas.length === 0)) return;
    if (this.pending.size >= maxPending) {
      this.logger.warn({ pending: this.pending.size }, "an unmet search was not counted: too many counts waiting");
      return;
    }
    // The London day of the search, not of the write.
    const day = londonDate(this.clock.now());
    const asked: SearchAsked = { text: search.text, needs: [...search.needs], areas: [...search.areas], age: search.age };
    const work = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.record(day, asked))
      .finally(() => this.pending.delete(work));
    this.pending.add(work);
  }

  /** Resolves when every count noted so far is written or given up on (for shutdown, and for tests). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all(this.pending);
  }

  private async record(day: string, search: SearchAsked): Promise<void> {
    let rows: UnmetSearch[];
    try {
      rows = await this.classify(search);
    } catch (error) {
      // The engine's error may quote the query: log what kind of failure it was, not its message.
      this.logger.error({ error: (error as Error).name }, "an unmet search was not counted: the search without its area failed");
      return;
    }
    try {
      await this.log.record(day, rows);
    } catch (error) {
      // Only ids and counts reach the log, so its error holds none of the words searched.
      this.logger.error({ err: error }, "an unmet search was not counted");
    }
  }

  /** One row per need and area asked ("" for none), each need's kind found by the same search without its area. */
  private async classify(search: SearchAsked): Promise<UnmetSearch[]> {
    const needs: (NeedId | "")[] = search.needs.length > 0 ? [...search.needs] : [""];
    const areas: (AreaId | "")[] = search.areas.length > 0 ? [...search.areas] : [""];
    const kinds = await Promise.all(needs.map((need) => this.kindFor(search, need)));
    return needs.flatMap((need, i) => areas.map((area) => ({ need, area, kind: kinds[i] ?? "nothing" })));
  }

  private async kindFor(search: SearchAsked, need: NeedId | ""): Promise<UnmetKind> {
    if (search.areas.length === 0) return "nothing";
    const elsewhere = await this.engine.search({ text: search.text, needs: need === "" ? [] : [need], areas: [], age: search.age, limit: 1 });
    return elsewhere.length > 0 ? "nothing-in-area" : "nothing";
  }
}
