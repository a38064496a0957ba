import type { Kysely, Migration } from "kysely";

/**
 * directory_versions: the directory every instance should be answering from
 * (src/directory-version/), one row each time a new one is recorded, so the
 * table says when each came in and which instance made it. The latest row is
 * the shared version; rows are never changed afterwards.
 *
 * Numbered 008: 006 and 007 are taken by the work moving feedback reports and
 * Slack and Teams state into the database.
 */
export const migration008: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable("directory_versions")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("fingerprint", "text", (c) => c.notNull())
      .addColumn("services", "integer", (c) => c.notNull())
      .addColumn("made_at", "text", (c) => c.notNull())
      .addColumn("made_by", "text", (c) => c.notNull())
      .addColumn("reason", "text", (c) => c.notNull())
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable("directory_versions").execute();
  },
};
