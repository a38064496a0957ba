/**
 * Stored Teams conversation references, so Signpost can write to a
 * conversation later (a referral's status, the triage channel) with
 * `adapter.continueConversationAsync`. One row per conversation id, in the
 * `teams_conversations` table (migration 002), on SQLite or PostgreSQL through
 * Kysely. Only what addressing needs is kept: ids, the service URL and the
 * conversation's type and tenant; no names, no message text.
 */
import type { ConversationReference } from "botbuilder";
import { type Kysely, sql } from "kysely";
import type { Database } from "../../storage/database-schema.js";
import type { Clock } from "../../time/clock.js";

export type StoredReference = Partial<ConversationReference> & { conversation: ConversationReference["conversation"]; serviceUrl: string };

export interface ConversationReferences {
  /** Saves (or replaces) how to reach the reference's conversation. */
  save(reference: Partial<ConversationReference>): Promise<void>;
  /**
   * How to reach a conversation. A channel (19:…@thread…) the bot has only heard from in
   * threads (19:…;messageid=…) is reached through one of those threads' references.
   */
  find(conversationId: string): Promise<StoredReference | undefined>;
  /** The user's personal chat with the bot, by their Entra object id. */
  findPersonalChat(userId: string): Promise<StoredReference | undefined>;
}

/** The parts of a reference that addressing needs, and nothing else. */
export function minimalReference(reference: Partial<ConversationReference>): StoredReference | undefined {
  const conversation = reference.conversation;
  if (!conversation?.id || !reference.serviceUrl) return undefined;
  const { id, conversationType, tenantId, isGroup } = conversation;
  return {
    channelId: reference.channelId ?? "msteams",
    serviceUrl: reference.serviceUrl,
    conversation: { id, conversationType, isGroup, name: "", ...(tenantId ? { tenantId } : {}) },
    ...(reference.bot ? { bot: { id: reference.bot.id, name: reference.bot.name } } : {}),
    ...(reference.user ? { user: { id: reference.user.id, name: "", ...(reference.user.aadObjectId ? { aadObjectId: reference.user.aadObjectId } : {}) } } : {}),
  };
}

export class KyselyConversationReferences implements ConversationReferences {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async save(reference: Partial<ConversationReference>): Promise<void> {
    const minimal = minimalReference(reference);
    if (!minimal) return;
    const personal = minimal.conversation.conversationType === "personal";
    const row = {
      tenant_id: minimal.conversation.tenantId ?? null,
      user_id: personal ? (minimal.user?.aadObjectId ?? minimal.user?.id ?? null) : null,
      reference: JSON.stringify(minimal),
      updated_at: this.clock.now().toISOString(),
    };
    await this.db
      .insertInto("teams_conversations")
      .values({ conversation_id: minimal.conversation.id, ...row })
      .onConflict((conflict) => conflict.column("conversation_id").doUpdateSet(row))
      .execute();
  }

  async find(conversationId: string): Promise<StoredReference | undefined> {
    const row = await this.db.selectFrom("teams_conversations").select("reference").where("conversation_id", "=", conversationId).executeTakeFirst();
    if (row) return JSON.parse(row.reference) as StoredReference;
    if (!conversationId.startsWith("19:") || conversationId.includes(";")) return undefined;
    const prefix = `${conversationId};`;
    const thread = await this.db
      .selectFrom("teams_conversations")
      .select("reference")
      .where(sql<string>`substr(conversation_id, 1, ${prefix.length})`, "=", prefix)
      .orderBy("updated_at", "desc")
      .limit(1)
      .executeTakeFirst();
    if (!thread) return undefined;
    const reference = JSON.parse(thread.reference) as StoredReference;
    return { ...reference, conversation: { ...reference.conversation, id: conversationId } };
  }

  async findPersonalChat(userId: string): Promise<StoredReference | undefined> {
    const row = await this.db.selectFrom("teams_conversations").select("reference").where("user_id", "=", userId).orderBy("updated_at", "desc").limit(1).executeTakeFirst();
    return row ? (JSON.parse(row.reference) as StoredReference) : undefined;
  }
}
