import type { Kysely, Migration } from "kysely";

/**
 * feedback_reports: what staff reported outdated in a service's details
 * ("Report outdated details"), for the maintainers' weekly digest and review
 * list, owned by src/feedback/kysely-feedback-store.ts. Before this they were
 * appended to DATA_DIR/feedback.jsonl, one file per instance; start-up moves
 * such a file in once (src/feedback/import-feedback-file.ts). Insert-only:
 * a review resolves a report without changing it.
 */
export const migration006: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable("feedback_reports")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("service_id", "text", (c) => c.notNull())
      .addColumn("organization_id", "text", (c) => c.notNull())
      .addColumn("details", "text", (c) => c.notNull())
      .addColumn("channel", "text", (c) => c.notNull())
      .addColumn("reported_by", "text", (c) => c.notNull())
      .addColumn("reported_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("feedback_reports_reported_at").on("feedback_reports").column("reported_at").execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable("feedback_reports").execute();
  },
};
