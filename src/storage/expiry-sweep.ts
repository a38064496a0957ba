import type { Kysely } from "kysely";
import type { Database } from "./database-schema.js";

/** The tables whose rows carry an `expires_at` and are swept by this helper. */
export type ExpiringTable = "slack_seen_requests" | "slack_pending_forms" | "teams_private_routes";

/** Expired rows are swept at most this often per instance, by whichever write comes next. */
export const sweepEveryMs = 5 * 60_000;

/**
 * Deletes a table's expired rows now and then. Reads check the expiry
 * themselves, so a row past its time is never used, swept or not; sweeping
 * only keeps the table small. Several instances sweeping at once is harmless.
 */
export class ExpirySweep {
  private next = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly table: ExpiringTable,
    private readonly everyMs = sweepEveryMs,
  ) {}

  /** Called after a write at `now`; sweeps when the last sweep is `everyMs` old. Returns how many rows went. */
  async afterWrite(now: Date): Promise<number> {
    if (now.getTime() < this.next) return 0;
    this.next = now.getTime() + this.everyMs;
    const result = await this.db.deleteFrom(this.table).where("expires_at", "<=", now.toISOString()).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
