import type { Kysely } from "kysely";
import { StorageError } from "../errors/storage-error.js";
import type { Database } from "../storage/database-schema.js";
import type { Clock } from "../time/clock.js";
import type { ConversationState } from "./conversation-state.js";
import type { ConversationStore } from "./conversation-store.js";
import { conversationsPerOwner } from "./in-memory-conversation-store.js";

/** Expired conversations are swept at most this often, by whichever write comes next. */
const sweepEveryMs = 5 * 60_000;

/**
 * Conversation state in the database (the `conversations` table, owned here):
 * SQLite for one instance, PostgreSQL shared by several. An open referral
 * dialog, with the id that stops it being stored twice, survives a crash or a
 * restart. Each entry expires `ttlMs` after it was last written; each person
 * keeps at most 20 conversations, so nobody's traffic can push out another's.
 */
export class KyselyConversationStore implements ConversationStore {
  private nextSweep = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly ttlMs: number,
    private readonly perOwner = conversationsPerOwner,
  ) {}

  async get(conversationId: string): Promise<ConversationState | undefined> {
    const row = await this.guard("read", () =>
      this.db.selectFrom("conversations").select(["state", "expires_at"]).where("conversation_id", "=", conversationId).executeTakeFirst(),
    );
    if (!row || row.expires_at <= this.clock.now().toISOString()) return undefined;
    return JSON.parse(row.state) as ConversationState;
  }

  async set(conversationId: string, state: ConversationState, ownerId: string): Promise<void> {
    const now = this.clock.now();
    const values = { owner_id: ownerId, state: JSON.stringify(state), updated_at: now.toISOString(), expires_at: new Date(now.getTime() + this.ttlMs).toISOString() };
    await this.guard("write", async () => {
      await this.db
        .insertInto("conversations")
        .values({ conversation_id: conversationId, ...values })
        .onConflict((conflict) => conflict.column("conversation_id").doUpdateSet(values))
        .execute();
      // This owner's conversations beyond the bound, least recently written first.
      const cutoff = await this.db
        .selectFrom("conversations")
        .select("updated_at")
        .where("owner_id", "=", ownerId)
        .orderBy("updated_at", "desc")
        .limit(1)
        .offset(this.perOwner)
        .executeTakeFirst();
      if (cutoff) {
        await this.db.deleteFrom("conversations").where("owner_id", "=", ownerId).where("updated_at", "<=", cutoff.updated_at).where("conversation_id", "!=", conversationId).execute();
      }
      if (now.getTime() >= this.nextSweep) {
        this.nextSweep = now.getTime() + sweepEveryMs;
        await this.db.deleteFrom("conversations").where("expires_at", "<=", now.toISOString()).execute();
      }
    });
  }

  private async guard<T>(what: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw new StorageError(`could not ${what} a conversation's state`, { cause: error });
    }
  }
}
