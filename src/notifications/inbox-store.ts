import type { Kysely } from "kysely";
import type { Database } from "../storage/database-schema.js";
import { orderedId } from "../storage/ordered-id.js";
import type { Clock } from "../time/clock.js";

/**
 * Messages waiting for a conversation that cannot be pushed to (the web chat
 * polls; the terminal shows them at the next prompt). Read once, then marked read.
 */
export class InboxStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  /** Adds a message, once per id: a redelivered notification is not shown twice. */
  async add(id: string, conversationId: string, text: string): Promise<void> {
    const existing = await this.db.selectFrom("inbox").select("id").where("id", "=", id).executeTakeFirst();
    if (existing) return;
    await this.db.insertInto("inbox").values({ id, conversation_id: conversationId, text, created_at: this.clock.now().toISOString(), read_at: null }).execute();
  }

  /**
   * Unread messages for a conversation, oldest first, marked read as they are
   * returned, in one statement (UPDATE ... RETURNING): two readers polling at
   * once never both get the same message.
   */
  async takeUnread(conversationId: string): Promise<string[]> {
    const rows = await this.db
      .updateTable("inbox")
      .set({ read_at: this.clock.now().toISOString() })
      .where("conversation_id", "=", conversationId)
      .where("read_at", "is", null)
      .returning(["id", "text", "created_at"])
      .execute();
    return rows.sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id)).map((r) => r.text);
  }

  /** A fresh id for a message that is not a redelivery. */
  newId(): string {
    return orderedId(this.clock.now());
  }
}
