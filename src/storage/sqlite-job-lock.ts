import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "./database-schema.js";
import type { Clock } from "../time/clock.js";
import type { JobLock } from "./job-lock.js";

/**
 * A lock row per job in job_locks: taken when absent or lapsed, in one
 * statement, so two takers cannot both win. The lease outlasts any run; if an
 * instance dies holding it, the lock lapses and the job can run again. SQLite
 * serves one instance by design, so this guards against a by-hand run
 * (`npm run job`) meeting a scheduled one.
 */
export class SqliteJobLock implements JobLock {
  private readonly holder = randomUUID();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly leaseMs = 30 * 60_000,
  ) {}

  async withLock<T>(job: string, work: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
    const now = this.clock.now();
    const expires = new Date(now.getTime() + this.leaseMs).toISOString();
    const taken = await this.db
      .insertInto("job_locks")
      .values({ name: job, holder: this.holder, expires_at: expires })
      .onConflict((conflict) => conflict.column("name").doUpdateSet({ holder: this.holder, expires_at: expires }).where("job_locks.expires_at", "<", now.toISOString()))
      .executeTakeFirst();
    if (Number(taken.numInsertedOrUpdatedRows ?? 0) !== 1) return { ran: false };
    try {
      return { ran: true, value: await work() };
    } finally {
      await this.db.deleteFrom("job_locks").where("name", "=", job).where("holder", "=", this.holder).execute();
    }
  }
}
