import { type Kysely, sql } from "kysely";
import type { ConversationAddress, ConversationReferenceStore } from "./conversation-reference-store.js";
import type { Database } from "../storage/database-schema.js";
import type { Clock } from "../time/clock.js";

/** The conversation references in the teams_conversations table, on SQLite or PostgreSQL (the same queries on both). */
export class KyselyConversationReferenceStore implements ConversationReferenceStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async save(address: ConversationAddress): Promise<void> {
    const row = { tenant_id: address.tenantId, user_id: address.userId, reference: address.reference, updated_at: this.clock.now().toISOString() };
    await this.db
      .insertInto("teams_conversations")
      .values({ conversation_id: address.conversationId, ...row })
      .onConflict((conflict) => conflict.column("conversation_id").doUpdateSet(row))
      .execute();
  }

  async find(conversationId: string): Promise<string | undefined> {
    const row = await this.db.selectFrom("teams_conversations").select("reference").where("conversation_id", "=", conversationId).executeTakeFirst();
    return row?.reference;
  }

  async latestStartingWith(prefix: string): Promise<string | undefined> {
    // substr rather than LIKE: a conversation id may hold % or _, which LIKE would read as wildcards.
    const row = await this.db
      .selectFrom("teams_conversations")
      .select("reference")
      .where(sql<string>`substr(conversation_id, 1, ${prefix.length})`, "=", prefix)
      .orderBy("updated_at", "desc")
      .limit(1)
      .executeTakeFirst();
    return row?.reference;
  }

  async latestPersonalChat(userId: string): Promise<string | undefined> {
    const row = await this.db.selectFrom("teams_conversations").select("reference").where("user_id", "=", userId).orderBy("updated_at", "desc").limit(1).executeTakeFirst();
    return row?.reference;
  }
}
