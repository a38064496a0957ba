import { type Expression, type Kysely, type RawBuilder, type SqlBool, sql, type Transaction } from "kysely";
import type { Database } from "../storage/database-schema.js";

/**
 * The outbox as other modules' queries and transactions may use it, without
 * naming the table themselves (notifications owns it, decision 0022): a
 * condition for a query (is a notification with this key queued?) and a
 * deletion inside another module's transaction (a retired referral's
 * notifications go with it, as writeOutbox writes them inside the referral's).
 */

/** True where a notification with this key is in the outbox (sent or not). */
export function outboxHasKey(key: Expression<string>): RawBuilder<SqlBool> {
  return sql<SqlBool>`exists (select 1 from ${sql.table("outbox")} where ${sql.ref("outbox.idempotency_key")} = ${key})`;
}

/** Deletes a referral's notifications, sent or not; returns how many went. */
export async function deleteReferralNotifications(db: Kysely<Database> | Transaction<Database>, referralId: string): Promise<number> {
  const result = await db.deleteFrom("outbox").where("referral_id", "=", referralId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
