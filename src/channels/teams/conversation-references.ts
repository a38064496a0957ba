/**
 * Stored Teams conversation references, so Signpost can write to a
 * conversation later (a referral's status, the triage channel) with
 * `adapter.continueConversationAsync`. Kept, one per conversation id, in the
 * conversation-reference store (src/conversation-references/, which owns the
 * table) as JSON. Only what addressing needs is kept: ids, the service URL and
 * the conversation's type and tenant; no names, no message text.
 */
import type { ConversationReference } from "botbuilder";
import type { ConversationReferenceStore } from "../../conversation-references/conversation-reference-store.js";

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

/**
 * Teams' side of the conversation-reference store: it keeps only what
 * addressing needs, as JSON, and knows how Teams names a channel's threads.
 */
export class TeamsConversationReferences implements ConversationReferences {
  constructor(private readonly store: ConversationReferenceStore) {}

  async save(reference: Partial<ConversationReference>): Promise<void> {
    const minimal = minimalReference(reference);
    if (!minimal) return;
    const personal = minimal.conversation.conversationType === "personal";
    await this.store.save({
      conversationId: minimal.conversation.id,
      tenantId: minimal.conversation.tenantId ?? null,
      userId: personal ? (minimal.user?.aadObjectId ?? minimal.user?.id ?? null) : null,
      reference: JSON.stringify(minimal),
    });
  }

  async find(conversationId: string): Promise<StoredReference | undefined> {
    const saved = await this.store.find(conversationId);
    if (saved) return JSON.parse(saved) as StoredReference;
    if (!conversationId.startsWith("19:") || conversationId.includes(";")) return undefined;
    const thread = await this.store.latestStartingWith(`${conversationId};`);
    if (!thread) return undefined;
    const reference = JSON.parse(thread) as StoredReference;
    return { ...reference, conversation: { ...reference.conversation, id: conversationId } };
  }

  async findPersonalChat(userId: string): Promise<StoredReference | undefined> {
    const saved = await this.store.latestPersonalChat(userId);
    return saved ? (JSON.parse(saved) as StoredReference) : undefined;
  }
}
