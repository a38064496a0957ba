import type { Kysely, Migration } from "kysely";

/**
 * Teams conversation references: how to reach a Teams conversation later (a
 * referral's status, the triage channel). One row per conversation, replaced
 * whenever the bot hears from it; `user_id` is set for personal chats so a
 * user's own chat can be found.
 */
export const migration002: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable("teams_conversations")
      .addColumn("conversation_id", "text", (c) => c.primaryKey())
      .addColumn("tenant_id", "text")
      .addColumn("user_id", "text")
      .addColumn("reference", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("teams_conversations_user").on("teams_conversations").columns(["user_id", "updated_at"]).execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable("teams_conversations").execute();
  },
};
