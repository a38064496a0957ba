import type { Kysely, Migration } from "kysely";

/**
 * What the scheduled jobs keep:
 * - job_runs: one row per job and scheduled slot (London wall-clock time), so a
 *   slot runs once however many instances tick, and each run's outcome is kept;
 * - job_locks: the SQLite lock rows (PostgreSQL uses advisory locks instead);
 * - unmet_searches: counts of searches that found nothing, by day, need and
 *   area, and never the words searched;
 * - retired_referrals: the anonymous counts a referral leaves behind when the
 *   retention job deletes it;
 * - referrals.engagement: the referrer's answer to the outcome follow-up.
 */
export const migration003: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable("job_runs")
      .addColumn("job", "text", (c) => c.notNull())
      .addColumn("slot", "text", (c) => c.notNull())
      .addColumn("outcome", "text", (c) => c.notNull())
      .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(1))
      .addColumn("started_at", "text", (c) => c.notNull())
      .addColumn("finished_at", "text")
      .addColumn("duration_ms", "integer")
      .addColumn("summary", "text")
      .addPrimaryKeyConstraint("job_runs_pk", ["job", "slot"])
      .execute();
    await db.schema
      .createTable("job_locks")
      .addColumn("name", "text", (c) => c.primaryKey())
      .addColumn("holder", "text", (c) => c.notNull())
      .addColumn("expires_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("unmet_searches")
      .addColumn("day", "text", (c) => c.notNull())
      .addColumn("need", "text", (c) => c.notNull())
      .addColumn("area", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("count", "integer", (c) => c.notNull())
      .addPrimaryKeyConstraint("unmet_searches_pk", ["day", "need", "area", "kind"])
      .execute();
    await db.schema
      .createTable("retired_referrals")
      .addColumn("month", "text", (c) => c.notNull())
      .addColumn("area", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("engagement", "text", (c) => c.notNull())
      .addColumn("count", "integer", (c) => c.notNull())
      .addPrimaryKeyConstraint("retired_referrals_pk", ["month", "area", "status", "engagement"])
      .execute();
    await db.schema.alterTable("referrals").addColumn("engagement", "text").execute();
    await db.schema.alterTable("referrals").addColumn("engagement_recorded_at", "text").execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of ["job_runs", "job_locks", "unmet_searches", "retired_referrals"]) await db.schema.dropTable(table).execute();
    await db.schema.alterTable("referrals").dropColumn("engagement_recorded_at").execute();
    await db.schema.alterTable("referrals").dropColumn("engagement").execute();
  },
};
