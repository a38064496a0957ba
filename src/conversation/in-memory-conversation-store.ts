import type { Clock } from "../time/clock.js";
import type { ConversationState } from "./conversation-state.js";
import type { ConversationStore } from "./conversation-store.js";

/** How many conversations one person keeps; beyond it, their own least recently used one goes. */
export const conversationsPerOwner = 20;

/**
 * Conversation state in this process's memory, for tests and tools: each entry
 * expires `ttlMs` after it was last written. Each person keeps at most
 * `perOwner` conversations, so one person's traffic never pushes out another's;
 * `maxConversations` bounds the whole map as a last resort. Signpost itself
 * keeps conversations in its database (KyselyConversationStore).
 */
export class InMemoryConversationStore implements ConversationStore {
  private readonly entries = new Map<string, { state: ConversationState; owner: string; expires: number }>();
  private readonly byOwner = new Map<string, Set<string>>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs: number,
    private readonly maxConversations = 100_000,
    private readonly perOwner = conversationsPerOwner,
  ) {}

  get(conversationId: string): Promise<ConversationState | undefined> {
    const entry = this.entries.get(conversationId);
    if (!entry) return Promise.resolve(undefined);
    if (entry.expires <= this.clock.now().getTime()) {
      this.remove(conversationId);
      return Promise.resolve(undefined);
    }
    return Promise.resolve(entry.state);
  }

  set(conversationId: string, state: ConversationState, ownerId: string): Promise<void> {
    this.remove(conversationId); // re-insert, so Map order is least recently written first
    this.entries.set(conversationId, { state, owner: ownerId, expires: this.clock.now().getTime() + this.ttlMs });
    const owned = this.byOwner.get(ownerId) ?? new Set<string>();
    owned.add(conversationId);
    this.byOwner.set(ownerId, owned);
    // Sets keep insertion order too: the first is this owner's least recently written.
    while (owned.size > this.perOwner) this.removeFirst(owned);
    while (this.entries.size > this.maxConversations) this.removeFirst(this.entries.keys());
    return Promise.resolve();
  }

  /** How many conversations are held, for tests and metrics. */
  get size(): number {
    return this.entries.size;
  }

  private removeFirst(ids: Iterable<string>): void {
    for (const id of ids) {
      this.remove(id);
      return;
    }
  }

  private remove(conversationId: string): void {
    const entry = this.entries.get(conversationId);
    if (!entry) return;
    this.entries.delete(conversationId);
    const owned = this.byOwner.get(entry.owner);
    owned?.delete(conversationId);
    if (owned?.size === 0) this.byOwner.delete(entry.owner);
  }
}
