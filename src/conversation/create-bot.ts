import type { Bot } from "./bot.js";
import type { BotDependencies } from "./bot-dependencies.js";
import { textReply } from "./build-replies.js";
import { detectFollowUp } from "./follow-ups.js";
import { handleAction } from "./handle-action.js";
import type { IncomingMessage } from "./incoming-message.js";
import type { Reply } from "./reply.js";
import { answerMessage, showMore } from "./search-turns.js";

export type { BotDependencies } from "./bot-dependencies.js";

/**
 * The conversation core: understands each message in the context of the last
 * search, answers, and remembers what a follow-up needs. Channels call
 * `handle` and render the neutral Reply.
 */
export function createBot(deps: BotDependencies): Bot {
  return {
    async handle(message: IncomingMessage): Promise<Reply> {
      const state = await deps.conversations.get(message.conversationId);
      if (message.action) return handleAction(message, message.action, state, deps);
      const text = message.text ?? "";
      const followUp = state ? detectFollowUp(text) : undefined;
      if (state && followUp?.kind === "show_more") return showMore(message.conversationId, state, deps);
      if (state && followUp?.kind === "details") {
        const index = followUp.position === -1 ? state.onScreen.length - 1 : followUp.position - 1;
        const serviceId = state.onScreen[index];
        if (!serviceId) {
          const count = state.onScreen.length === 1 ? "is only 1 service" : `are only ${state.onScreen.length} services`;
          return textReply(message.conversationId, "action", `There ${count} in the last list.`);
        }
        return handleAction(message, { id: "details", value: serviceId }, state, deps);
      }
      return answerMessage(message.conversationId, text, state, deps);
    },
  };
}
