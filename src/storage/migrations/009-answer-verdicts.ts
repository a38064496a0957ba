import type { Kysely, Migration } from "kysely";

/**
 * answer_verdicts: the thumbs up or down under an answer (Slack's feedback
 * buttons), owned by src/feedback/kysely-answer-verdict-store.ts. The same
 * privacy rules as feedback_reports: no message text, only the services the
 * answer showed (a JSON array of directory ids), the verdict, the channel and
 * who gave it. Insert-only.
 */
export const migration009: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable("answer_verdicts")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("verdict", "text", (c) => c.notNull())
      .addColumn("service_ids", "text", (c) => c.notNull())
      .addColumn("channel", "text", (c) => c.notNull())
      .addColumn("given_by", "text", (c) => c.notNull())
      .addColumn("given_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("answer_verdicts_given_at").on("answer_verdicts").column("given_at").execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable("answer_verdicts").execute();
  },
};
