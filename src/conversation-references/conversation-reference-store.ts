/**
 * How to reach a conversation later, so Signpost can write to it unprompted (a
 * referral's status, the triage channel, a reply that outlived its turn). A
 * channel that needs this (Teams today) keeps its own description of the
 * conversation here, as JSON text this module stores and never reads: what
 * the description holds is the channel's business, and its SDK's types stay
 * in the channel's folder. This module owns the table (teams_conversations,
 * migration 002); channels reach it only through this interface (decision 0022).
 */

/** One conversation's entry. */
export interface ConversationAddress {
  readonly conversationId: string;
  readonly tenantId: string | null;
  /** The person whose personal chat with the bot this is; null for a channel or a group chat. */
  readonly userId: string | null;
  /** The channel's description of how to reach the conversation, as JSON text. */
  readonly reference: string;
}

export interface ConversationReferenceStore {
  /** Saves the entry, or replaces the one there is for its conversation id. */
  save(address: ConversationAddress): Promise<void>;
  /** The reference saved for exactly this conversation id. */
  find(conversationId: string): Promise<string | undefined>;
  /** The most recently saved reference among the conversation ids that start with `prefix`. */
  latestStartingWith(prefix: string): Promise<string | undefined>;
  /** The most recently saved reference to this person's personal chat. */
  latestPersonalChat(userId: string): Promise<string | undefined>;
}
