import type { Kysely, Migration } from "kysely";

/**
 * What the Slack and Teams channels used to keep in one instance's memory,
 * now where every instance sees it. Each row carries its expiry, and expired
 * rows are swept by the module that owns the table:
 * - slack_seen_requests (src/channels/slack/seen-requests.ts): Slack request
 *   signatures and event ids already handled, so a replay or Slack's retry is
 *   dropped whichever instance it reaches;
 * - slack_pending_forms (src/channels/slack/pending-forms.ts): a form offered
 *   with an "Open the form" button, until the button is pressed;
 * - teams_private_routes (src/channels/teams/private-routes.ts): which shared
 *   conversation a privately sent card's buttons belong to, and for whom.
 */
export const migration007: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable("slack_seen_requests")
      .addColumn("key", "text", (c) => c.primaryKey())
      .addColumn("expires_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("slack_pending_forms")
      .addColumn("token", "text", (c) => c.primaryKey())
      .addColumn("form", "text", (c) => c.notNull())
      .addColumn("expires_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("teams_private_routes")
      .addColumn("token", "text", (c) => c.primaryKey())
      .addColumn("conversation_id", "text", (c) => c.notNull())
      .addColumn("user_id", "text", (c) => c.notNull())
      .addColumn("team", "text")
      .addColumn("expires_at", "text", (c) => c.notNull())
      .execute();
    for (const table of ["slack_seen_requests", "slack_pending_forms", "teams_private_routes"]) {
      await db.schema.createIndex(`${table}_expiry`).on(table).column("expires_at").execute();
    }
  },

  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of ["slack_seen_requests", "slack_pending_forms", "teams_private_routes"]) await db.schema.dropTable(table).execute();
  },
};
