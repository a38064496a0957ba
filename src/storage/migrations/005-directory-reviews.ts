import type { Kysely, Migration } from "kysely";

/**
 * directory_reviews: the maintainers' review of directory records
 * (`npm run directory -- review`), append-only, so it is its own audit trail.
 * One row per action (verified, corrected, closed) on one service, with who
 * recorded it, when, and the date it counts as a verification. The review
 * list reads the latest row per service; nothing is ever updated or deleted.
 */
export const migration005: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable("directory_reviews")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("service_id", "text", (c) => c.notNull())
      .addColumn("action", "text", (c) => c.notNull())
      .addColumn("reviewed_by", "text", (c) => c.notNull())
      .addColumn("note", "text")
      .addColumn("at", "text", (c) => c.notNull())
      .addColumn("verified_on", "text")
      .addColumn("record_kind", "text", (c) => c.notNull())
      .addColumn("file", "text")
      .execute();
    await db.schema.createIndex("directory_reviews_service").on("directory_reviews").columns(["service_id", "id"]).execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable("directory_reviews").execute();
  },
};
