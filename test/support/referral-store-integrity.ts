import { type Kysely, sql } from "kysely";
import type { Database } from "../../src/storage/database-schema.js";

/**
 * The referral store's integrity after a crash, on either database: SQLite's own
 * `PRAGMA integrity_check` (pages, indexes), then what must hold on both because a referral is
 * written in one transaction with its audit events and its notifications (an outbox row):
 * each referral has exactly one `created` and one `consent:confirmed` event and at least one
 * notification, no event or notification belongs to a referral that is not there, and no
 * reference or idempotency key is stored twice. Returns the problems found (none when whole).
 */
export async function referralStoreProblems(db: Kysely<Database>, kind: "sqlite" | "postgres"): Promise<string[]> {
  const problems: string[] = [];
  if (kind === "sqlite") {
    const integrity = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(db);
    for (const row of integrity.rows) if (row.integrity_check !== "ok") problems.push(`integrity_check: ${row.integrity_check}`);
  }
  const referrals = await db.selectFrom("referrals").select(["id", "reference", "idempotency_key"]).execute();
  const ids = new Set(referrals.map((row) => row.id));
  const events = await db.selectFrom("audit_events").select(["referral_id", "action"]).where("action", "in", ["created", "consent:confirmed"]).execute();
  const outbox = await db.selectFrom("outbox").select("referral_id").execute();
  const count = (values: readonly string[]) => values.reduce((map, value) => map.set(value, (map.get(value) ?? 0) + 1), new Map<string, number>());
  const created = count(events.filter((event) => event.action === "created").map((event) => event.referral_id));
  const consented = count(events.filter((event) => event.action === "consent:confirmed").map((event) => event.referral_id));
  const notified = count(outbox.map((row) => row.referral_id));
  for (const { id, reference } of referrals) {
    if (created.get(id) !== 1) problems.push(`${reference}: ${created.get(id) ?? 0} created events`);
    if (consented.get(id) !== 1) problems.push(`${reference}: ${consented.get(id) ?? 0} consent events`);
    if (!notified.has(id)) problems.push(`${reference}: no notification in the outbox`);
  }
  for (const id of new Set([...created.keys(), ...consented.keys(), ...notified.keys()])) if (!ids.has(id)) problems.push(`events or notifications for a referral not stored (${id})`);
  for (const [reference, times] of count(referrals.map((row) => row.reference))) if (times > 1) problems.push(`${reference} stored ${times} times`);
  for (const [, times] of count(referrals.map((row) => row.idempotency_key))) if (times > 1) problems.push(`an idempotency key stored ${times} times`);
  return problems;
}
