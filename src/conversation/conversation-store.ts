import type { ConversationState } from "./conversation-state.js";

/**
 * Where conversation state lives between messages. Entries expire, and each
 * remembers who last wrote it (a namespaced user id), so a store can bound how
 * many conversations one person keeps: one user's traffic never pushes out
 * another's open referral form.
 */
export interface ConversationStore {
  get(conversationId: string): Promise<ConversationState | undefined>;
  set(conversationId: string, state: ConversationState, ownerId: string): Promise<void>;
}

/** What one turn sees: its conversation's state, written back on behalf of whoever is taking the turn. */
export interface ConversationMemory {
  get(conversationId: string): Promise<ConversationState | undefined>;
  set(conversationId: string, state: ConversationState): Promise<void>;
}

export function memoryFor(store: ConversationStore, ownerId: string): ConversationMemory {
  return {
    get: (conversationId) => store.get(conversationId),
    set: (conversationId, state) => store.set(conversationId, state, ownerId),
  };
}
