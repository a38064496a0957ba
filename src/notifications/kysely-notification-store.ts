import type { Kysely } from "kysely";
import type { ExpiredMessages, NotificationStore } from "./notification-store.js";
import type { OutboxDraft } from "./outbox-draft.js";
import { writeOutbox } from "./write-outbox.js";
import type { Database } from "../storage/database-schema.js";

/**
 * The notification tables on SQLite or PostgreSQL (the same queries on both).
 * Expiry removes the copies of messages Signpost keeps after sending them:
 * inbox messages (the triage inbox holds a new referral's details, with no
 * link back to the referral, so deleting the referral alone would leave them)
 * and delivered outbox entries.
 */
export class KyselyNotificationStore implements NotificationStore {
  constructor(private readonly db: Kysely<Database>) {}

  queue(at: Date, referralId: string, drafts: readonly OutboxDraft[], options: { readonly skipRepeats?: boolean } = {}): Promise<number> {
    return writeOutbox(this.db, at, referralId, drafts, options);
  }

  async expireBefore(cutoff: Date): Promise<ExpiredMessages> {
    const before = cutoff.toISOString();
    const inbox = await this.db.deleteFrom("inbox").where("created_at", "<", before).executeTakeFirst();
    const outbox = await this.db.deleteFrom("outbox").where("delivered_at", "is not", null).where("created_at", "<", before).executeTakeFirst();
    return { inbox: Number(inbox.numDeletedRows), outbox: Number(outbox.numDeletedRows) };
  }
}
