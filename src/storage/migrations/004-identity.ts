import { type Kysely, type Migration, sql } from "kysely";

/**
 * Who is asking, kept where every instance can see it:
 * - web_sessions: a web chat session (trial or signed in), by a hash of its
 *   cookie's random token, with its namespaced user, roles and timeouts;
 * - sign_in_attempts: an OpenID Connect sign-in between leaving for the
 *   identity provider and coming back (state, PKCE verifier, nonce), used once;
 * - conversations: each conversation's state between turns (the last search,
 *   what is on screen, an open referral dialog with its de-duplication key),
 *   so a crash or a restart loses nothing, and its owner, so one user's
 *   traffic can never push out another's;
 * - rate_limits: counters for the limits when they are shared (PostgreSQL),
 *   in the shape rate-limiter-flexible uses.
 * Existing referrers' ids are namespaced by the channel they came from.
 */
export const migration004: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable("web_sessions")
      .addColumn("token_hash", "text", (c) => c.primaryKey())
      .addColumn("user_id", "text", (c) => c.notNull())
      .addColumn("user_name", "text")
      .addColumn("roles", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("last_seen_at", "text", (c) => c.notNull())
      .addColumn("expires_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("web_sessions_expiry").on("web_sessions").column("expires_at").execute();
    await db.schema
      .createTable("sign_in_attempts")
      .addColumn("state_hash", "text", (c) => c.primaryKey())
      .addColumn("code_verifier", "text", (c) => c.notNull())
      .addColumn("nonce", "text", (c) => c.notNull())
      .addColumn("return_to", "text", (c) => c.notNull())
      .addColumn("expires_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("conversations")
      .addColumn("conversation_id", "text", (c) => c.primaryKey())
      .addColumn("owner_id", "text", (c) => c.notNull())
      .addColumn("state", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .addColumn("expires_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("conversations_owner").on("conversations").columns(["owner_id", "updated_at"]).execute();
    await db.schema.createIndex("conversations_expiry").on("conversations").column("expires_at").execute();
    await db.schema
      .createTable("rate_limits")
      .addColumn("key", "varchar(255)", (c) => c.primaryKey())
      .addColumn("points", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("expire", "bigint")
      .execute();
    // Referrers before namespacing: terminal-1000 becomes terminal:1000, anything else <channel>:<id>.
    await sql`UPDATE referrals SET referrer_id = 'terminal:' || substr(referrer_id, 10) WHERE channel = 'terminal' AND referrer_id LIKE 'terminal-%'`.execute(db);
    await sql`UPDATE referrals SET referrer_id = channel || ':' || referrer_id WHERE referrer_id NOT LIKE '%:%'`.execute(db);
  },

  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of ["web_sessions", "sign_in_attempts", "conversations", "rate_limits"]) await db.schema.dropTable(table).execute();
  },
};
