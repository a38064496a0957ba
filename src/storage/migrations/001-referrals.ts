import type { Kysely, Migration } from "kysely";

/** The first schema: referrals, their audit trail, the outbox and the inbox. */
export const migration001: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable("referrals")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("reference", "text", (c) => c.notNull().unique())
      .addColumn("idempotency_key", "text", (c) => c.notNull().unique())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("person", "text", (c) => c.notNull())
      .addColumn("contact_phone", "text")
      .addColumn("contact_email", "text")
      .addColumn("contact_address", "text")
      .addColumn("contact_when", "text")
      .addColumn("age", "integer")
      .addColumn("date_of_birth", "text")
      .addColumn("nhs_number", "text")
      .addColumn("area", "text", (c) => c.notNull())
      .addColumn("needs", "text", (c) => c.notNull())
      .addColumn("what_matters", "text", (c) => c.notNull())
      .addColumn("urgency", "text", (c) => c.notNull())
      .addColumn("suggested_services", "text", (c) => c.notNull())
      .addColumn("consent_confirmed_by", "text", (c) => c.notNull())
      .addColumn("consent_confirmed_at", "text", (c) => c.notNull())
      .addColumn("referrer_id", "text", (c) => c.notNull())
      .addColumn("referrer_name", "text")
      .addColumn("referrer_team", "text", (c) => c.notNull())
      .addColumn("channel", "text", (c) => c.notNull())
      .addColumn("origin_conversation_id", "text", (c) => c.notNull())
      .addColumn("accepted_service", "text")
      .addColumn("decline_reason", "text")
      .addColumn("outcome", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("referrals_referrer").on("referrals").columns(["referrer_id", "created_at"]).execute();
    await db.schema.createIndex("referrals_team_status").on("referrals").columns(["referrer_team", "status"]).execute();

    await db.schema
      .createTable("audit_events")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("referral_id", "text", (c) => c.notNull())
      .addColumn("action", "text", (c) => c.notNull())
      .addColumn("actor_id", "text", (c) => c.notNull())
      .addColumn("actor_team", "text", (c) => c.notNull())
      .addColumn("channel", "text", (c) => c.notNull())
      .addColumn("at", "text", (c) => c.notNull())
      .addColumn("detail", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("audit_events_referral").on("audit_events").columns(["referral_id", "at"]).execute();

    await db.schema
      .createTable("outbox")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("idempotency_key", "text", (c) => c.notNull().unique())
      .addColumn("referral_id", "text", (c) => c.notNull())
      .addColumn("notifier", "text", (c) => c.notNull())
      .addColumn("destination", "text", (c) => c.notNull())
      .addColumn("payload", "text", (c) => c.notNull())
      .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("next_attempt_at", "text", (c) => c.notNull())
      .addColumn("delivered_at", "text")
      .addColumn("last_error", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("outbox_due").on("outbox").columns(["delivered_at", "next_attempt_at"]).execute();

    await db.schema
      .createTable("inbox")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("conversation_id", "text", (c) => c.notNull())
      .addColumn("text", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("read_at", "text")
      .execute();
    await db.schema.createIndex("inbox_conversation").on("inbox").columns(["conversation_id", "read_at"]).execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of ["inbox", "outbox", "audit_events", "referrals"]) await db.schema.dropTable(table).execute();
  },
};
