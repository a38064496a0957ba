import type { Kysely } from "kysely";
import type { Database, JobRunsTable } from "../storage/database-schema.js";

/** A failed slot is tried again after this long, up to `maxAttempts` times in all. */
export const retryAfterMs = 15 * 60_000;
export const maxAttempts = 4;

/** The record of each job's runs, one row per slot (job_runs). */
export class JobRuns {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Whether a slot should run now: never tried; tried and crashed (a "running"
   * row while its lock is free); or failed, at least `retryAfterMs` ago and
   * fewer than `maxAttempts` times. A slot that succeeded never runs again.
   */
  async due(job: string, slot: string, now: Date): Promise<boolean> {
    const row = await this.db.selectFrom("job_runs").selectAll().where("job", "=", job).where("slot", "=", slot).executeTakeFirst();
    if (!row || row.outcome === "running") return true;
    if (row.outcome === "succeeded") return false;
    return row.attempts < maxAttempts && now.getTime() - Date.parse(row.finished_at ?? row.started_at) >= retryAfterMs;
  }

  /** Marks a slot as running; a slot tried before (a crash, a failure) counts one more attempt. */
  async start(job: string, slot: string, at: Date): Promise<void> {
    await this.db
      .insertInto("job_runs")
      .values({ job, slot, outcome: "running", attempts: 1, started_at: at.toISOString(), finished_at: null, duration_ms: null, summary: null })
      .onConflict((conflict) =>
        conflict.columns(["job", "slot"]).doUpdateSet((eb) => ({ outcome: "running", attempts: eb("job_runs.attempts", "+", 1), started_at: at.toISOString(), finished_at: null, duration_ms: null, summary: null })),
      )
      .execute();
  }

  async finish(job: string, slot: string, outcome: "succeeded" | "failed", summary: string, at: Date, durationMs: number): Promise<void> {
    await this.db.updateTable("job_runs").set({ outcome, summary: summary.slice(0, 500), finished_at: at.toISOString(), duration_ms: Math.round(durationMs) }).where("job", "=", job).where("slot", "=", slot).execute();
  }

  /** The most recent runs, newest first (for `npm run job -- list` and the tests). */
  async recent(job: string, limit = 10): Promise<JobRunsTable[]> {
    return this.db.selectFrom("job_runs").selectAll().where("job", "=", job).orderBy("started_at", "desc").limit(limit).execute();
  }
}
