import type { Bot } from "../../src/conversation/bot.js";
import { type BotDependencies, createBot } from "../../src/conversation/create-bot.js";
import { InMemoryConversationStore } from "../../src/conversation/in-memory-conversation-store.js";
import type { Reply } from "../../src/conversation/reply.js";
import { KyselyAnswerVerdictStore } from "../../src/feedback/kysely-answer-verdict-store.js";
import { KyselyFeedbackStore } from "../../src/feedback/kysely-feedback-store.js";
import { type RealCore, realDirectoryAndEngine } from "./load-real-directory.js";
import { ManualClock } from "./manual-clock.js";
import { testReferrals } from "./test-referrals.js";

export const conversationTtlMs = 30 * 60 * 1000;

/**
 * The real bot on the real directory, with its own clock, conversation store, and referrals,
 * feedback reports and verdicts on answers in a fresh SQLite database.
 * A test may give it another directory's core, its clock, and something to count unmet searches.
 */
export async function realBot(options: { core?: RealCore; clock?: ManualClock; unmetSearches?: BotDependencies["unmetSearches"] } = {}) {
  const core = options.core ?? (await realDirectoryAndEngine());
  const clock = options.clock ?? new ManualClock();
  const { referrals, inbox, sender, db } = await testReferrals(core.directory, clock);
  const feedback = new KyselyFeedbackStore(db);
  const verdicts = new KyselyAnswerVerdictStore(db);
  const bot = createBot({ ...core, maxResults: 5, conversations: new InMemoryConversationStore(clock, conversationTtlMs), feedback, verdicts, clock, referrals, ...(options.unmetSearches ? { unmetSearches: options.unmetSearches } : {}) });
  return { bot, clock, feedback, verdicts, core, referrals, inbox, sender, db };
}

/** A conversation with the bot: say things, press buttons. */
export function conversation(bot: Bot, conversationId = `c-${Math.random().toString(36).slice(2)}`, who: { userId?: string; channel?: "web" | "terminal" } = {}) {
  const channel = who.channel ?? ("web" as const);
  // Ids are namespaced by their channel, as the channels make them: "u-sam" in the web chat is web:u-sam.
  const userId = who.userId ?? "u-test";
  const base = { channel, conversationId, userId: userId.startsWith(`${channel}:`) ? userId : `${channel}:${userId}` };
  return {
    say: (text: string): Promise<Reply> => bot.handle({ ...base, text }),
    press: (id: Parameters<Bot["handle"]>[0] extends infer M ? (M extends { action?: infer A } ? NonNullable<A> : never) : never): Promise<Reply> =>
      bot.handle({ ...base, action: id }),
  };
}
