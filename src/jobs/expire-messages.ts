import type { Kysely } from "kysely";
import type { Database } from "../storage/database-schema.js";

/**
 * Deletes the copies of messages Signpost keeps after sending them, once they
 * are older than the retention period: inbox messages (the triage inbox holds
 * a new referral's details, with no link back to the referral, so deleting
 * the referral alone would leave them) and delivered outbox entries. A
 * notification not yet delivered is kept, however old: it has not done its job.
 */
export async function expireMessages(db: Kysely<Database>, cutoff: Date): Promise<{ inbox: number; outbox: number }> {
  const before = cutoff.toISOString();
  const inbox = await db.deleteFrom("inbox").where("created_at", "<", before).executeTakeFirst();
  const outbox = await db.deleteFrom("outbox").where("delivered_at", "is not", null).where("created_at", "<", before).executeTakeFirst();
  return { inbox: Number(inbox.numDeletedRows), outbox: Number(outbox.numDeletedRows) };
}
