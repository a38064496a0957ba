import { type Kysely, sql } from "kysely";
import type { Database } from "./database-schema.js";
import type { JobLock } from "./job-lock.js";

/** The first key of every Signpost job lock, so they never meet another application's advisory locks. */
const signpostJobs = 0x53_4a_42; // "SJB"

/**
 * A PostgreSQL advisory lock per job, held on one pinned connection while the
 * job runs. PostgreSQL releases it when that session ends, so an instance
 * that dies mid-run never leaves the job locked.
 */
export class PostgresJobLock implements JobLock {
  constructor(private readonly db: Kysely<Database>) {}

  async withLock<T>(job: string, work: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
    return this.db.connection().execute(async (connection) => {
      const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_lock(${signpostJobs}, hashtext(${job})) as locked`.execute(connection);
      if (rows[0]?.locked !== true) return { ran: false } as const;
      try {
        return { ran: true, value: await work() } as const;
      } finally {
        await sql`select pg_advisory_unlock(${signpostJobs}, hashtext(${job}))`.execute(connection);
      }
    });
  }
}
