import type { Clock } from "../time/clock.js";
import type { ConversationState } from "./conversation-state.js";
import type { ConversationStore } from "./conversation-store.js";

/**
 * Conversation state in this process's memory, for one instance: each entry
 * expires `ttlMs` after it was last written, and the oldest are dropped beyond
 * `maxConversations`, so memory stays bounded whatever the traffic.
 */
export class InMemoryConversationStore implements ConversationStore {
  private readonly entries = new Map<string, { state: ConversationState; expires: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs: number,
    private readonly maxConversations = 10_000,
  ) {}

  get(conversationId: string): Promise<ConversationState | undefined> {
    const entry = this.entries.get(conversationId);
    if (!entry) return Promise.resolve(undefined);
    if (entry.expires <= this.clock.now().getTime()) {
      this.entries.delete(conversationId);
      return Promise.resolve(undefined);
    }
    return Promise.resolve(entry.state);
  }

  set(conversationId: string, state: ConversationState): Promise<void> {
    this.entries.delete(conversationId); // re-insert, so Map order is least recently written first
    this.entries.set(conversationId, { state, expires: this.clock.now().getTime() + this.ttlMs });
    while (this.entries.size > this.maxConversations) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return Promise.resolve();
  }

  /** How many conversations are held, for tests and metrics. */
  get size(): number {
    return this.entries.size;
  }
}
