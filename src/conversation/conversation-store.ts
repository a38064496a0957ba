import type { ConversationState } from "./conversation-state.js";

/** Where conversation state lives between messages. Entries expire. */
export interface ConversationStore {
  get(conversationId: string): Promise<ConversationState | undefined>;
  set(conversationId: string, state: ConversationState): Promise<void>;
}
