import type { Kysely } from "kysely";
import type { Logger } from "../logging/create-logger.js";
import type { Database } from "../storage/database-schema.js";
import type { Clock } from "../time/clock.js";
import type { Notifier } from "./notifier.js";
import { NotificationError } from "../errors/notification-error.js";

export interface OutboxSenderOptions {
  /** How many notifications one run sends at most. */
  readonly batch: number;
  /** How long a claimed notification is reserved for the instance sending it. */
  readonly leaseMs: number;
}

/** 5 s, 10 s, 20 s ... doubling, at most an hour between tries. Nothing is ever given up. */
export function backoffMs(attempts: number): number {
  return Math.min(5000 * 2 ** Math.max(0, attempts - 1), 60 * 60 * 1000);
}

/**
 * Delivers what the outbox holds. Each due notification is first claimed (its
 * next attempt pushed past a lease, only if nobody else moved it), so several
 * instances never send the same one at once; then sent; then marked delivered,
 * or rescheduled with backoff. A notifier that is down delays notifications and
 * never loses them.
 */
export class OutboxSender {
  private readonly notifiers: ReadonlyMap<string, Notifier>;
  /** Sent, but the database refused to record it: recorded at the next run, never sent again by this instance. */
  private readonly unrecorded = new Map<string, { readonly notifier: string; readonly attempts: number }>();

  constructor(
    private readonly db: Kysely<Database>,
    notifiers: readonly Notifier[],
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: OutboxSenderOptions = { batch: 20, leaseMs: 60_000 },
  ) {
    this.notifiers = new Map(notifiers.map((n) => [n.name, n]));
  }

  /** One pass over the due notifications. Returns how many were delivered. */
  async runOnce(): Promise<number> {
    for (const [id, { notifier, attempts }] of this.unrecorded) await this.record(id, notifier, attempts);
    const now = this.clock.now();
    const due = await this.db
      .selectFrom("outbox")
      .selectAll()
      .where("delivered_at", "is", null)
      .where("next_attempt_at", "<=", now.toISOString())
      .orderBy("id")
      .limit(this.options.batch)
      .execute();
    let delivered = 0;
    for (const item of due) {
      if (this.unrecorded.has(item.id)) continue; // sent already; only its record is missing
      const lease = new Date(now.getTime() + this.options.leaseMs).toISOString();
      const claimed = await this.db
        .updateTable("outbox")
        .set({ next_attempt_at: lease })
        .where("id", "=", item.id)
        .where("next_attempt_at", "=", item.next_attempt_at)
        .where("delivered_at", "is", null)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) continue; // another instance has it
      const attempts = item.attempts + 1;
      try {
        const notifier = this.notifiers.get(item.notifier);
        if (!notifier) throw new NotificationError(`no notifier called ${item.notifier} is configured`);
        await notifier.send({
          idempotencyKey: item.idempotency_key,
          destination: JSON.parse(item.destination) as Record<string, string>,
          payload: JSON.parse(item.payload) as Record<string, unknown>,
        });
      } catch (error) {
        const next = new Date(this.clock.now().getTime() + backoffMs(attempts)).toISOString();
        const reason = (error as Error).message.slice(0, 300);
        await this.db.updateTable("outbox").set({ attempts, next_attempt_at: next, last_error: reason }).where("id", "=", item.id).execute();
        // The reason is about the channel, never the referral's contents.
        this.logger.warn({ notifier: item.notifier, attempts, retryAt: next, reason }, "notification not delivered; will retry");
        continue;
      }
      await this.record(item.id, item.notifier, attempts);
      delivered++;
    }
    return delivered;
  }

  /** Marks a sent notification delivered; if the database refuses, remembers it so the next run records it rather than sending it again. */
  private async record(id: string, notifier: string, attempts: number): Promise<void> {
    try {
      await this.db.updateTable("outbox").set({ attempts, delivered_at: this.clock.now().toISOString(), last_error: null }).where("id", "=", id).execute();
      this.unrecorded.delete(id);
      // Which notifier and how many tries: never the destination or the payload.
      this.logger.debug({ notifier, attempts }, "notification delivered");
    } catch (error) {
      this.unrecorded.set(id, { notifier, attempts });
      this.logger.warn({ notifier, attempts, reason: (error as Error).message.slice(0, 300) }, "notification delivered but not recorded; it is recorded at the next run, not sent again");
    }
  }
}
