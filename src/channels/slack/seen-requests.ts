/**
 * Slack requests already handled, for every instance: a request signature
 * (a captured request sent again is a replay) and an event id (Slack delivers
 * an event again when it did not see our 200 in time, often to another
 * instance behind the load balancer). Each is remembered for a while in the
 * `slack_seen_requests` table (owned here), so the second sighting, wherever
 * it lands, is dropped.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../storage/database-schema.js";
import { ExpirySweep } from "../../storage/expiry-sweep.js";
import { guarded } from "../../storage/guarded.js";
import type { Clock } from "../../time/clock.js";

export interface SeenRequests {
  /**
   * Records `key` as seen for `ttlMs`. True the first time (or once an earlier
   * sighting has expired); false when any instance has seen it within its time.
   * Two instances asking at the same moment: exactly one gets true.
   */
  firstSighting(key: string, ttlMs: number): Promise<boolean>;
}

export class KyselySeenRequests implements SeenRequests {
  private readonly sweep: ExpirySweep;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {
    this.sweep = new ExpirySweep(db, "slack_seen_requests");
  }

  async firstSighting(key: string, ttlMs: number): Promise<boolean> {
    const now = this.clock.now();
    const expires_at = new Date(now.getTime() + ttlMs).toISOString();
    return guarded("check a Slack request against those already handled", async () => {
      // One statement: a new key is inserted, an expired one taken over, a current one left alone (no row back).
      const row = await this.db
        .insertInto("slack_seen_requests")
        .values({ key, expires_at })
        .onConflict((conflict) => conflict.column("key").doUpdateSet({ expires_at }).where("slack_seen_requests.expires_at", "<=", now.toISOString()))
        .returning("key")
        .executeTakeFirst();
      await this.sweep.afterWrite(now);
      return row !== undefined;
    });
  }
}
