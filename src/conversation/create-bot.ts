import { assessSafety } from "../understanding/assess-safety.js";
import type { Bot } from "./bot.js";
import type { BotDependencies, TurnDependencies } from "./bot-dependencies.js";
import { memoryFor } from "./conversation-store.js";
import { textReply } from "./build-replies.js";
import { recordChatFeedback } from "./chat-feedback.js";
import { isEngagementReply, recordEngagement } from "./engagement-reply.js";
import { detectFollowUp } from "../understanding/detect-follow-up.js";
import { handleAction } from "./handle-action.js";
import type { IncomingMessage } from "./incoming-message.js";
import type { Reply } from "./reply.js";
import { listReferrals, moveReferral, referralStatus, isStatusMove } from "./referral-commands.js";
import { answerOpenForm, answersByText, continueReferral, openDialog, startReferral } from "./referral-dialog.js";
import { answerMessage, showMore } from "./search-turns.js";

export type { BotDependencies } from "./bot-dependencies.js";

/**
 * An emergency mid-dialog still gets the safety net, and the dialog waits. Short
 * answers ("staying warm and safe at home") are not what the classifier was
 * trained on, so inside a dialog the safety-net rules decide.
 */
function isUrgent(text: string): boolean {
  return assessSafety(text).tier === "emergency";
}

/**
 * The conversation core: understands each message in the context of the last
 * search, answers, and remembers what a follow-up needs. Channels call
 * `handle` and render the neutral Reply.
 */
export function createBot(bot: BotDependencies): Bot {
  return {
    async handle(message: IncomingMessage): Promise<Reply> {
      // This turn writes the conversation's state on behalf of the person taking it.
      const deps: TurnDependencies = { ...bot, conversations: memoryFor(bot.conversations, message.userId) };
      const state = await deps.conversations.get(message.conversationId);
      if (message.action) return handleAction(message, message.action, state, deps);
      const text = message.text ?? "";
      const dialog = openDialog(state);
      if (state && dialog && answersByText(message.channel) && !isUrgent(text)) return continueReferral(message, state, dialog, deps);
      if (isStatusMove(text)) return moveReferral(message, deps);
      if (isEngagementReply(text)) return recordEngagement(message, deps);
      const understood = deps.understander.understand(text);
      // With a referral form open, details typed in chat go into it, and "yes he consents" is answered there.
      if (state && dialog && !isUrgent(text)) {
        const forForm = await answerOpenForm(message, state, dialog, understood, deps);
        if (forForm) return forForm;
      }
      if (understood.intent === "make_referral") return startReferral(message, state, deps, { entities: understood.entities, text });
      if (understood.intent === "referral_status") return referralStatus(message, deps);
      if (understood.intent === "list_referrals") return listReferrals(message, deps);
      const list = state?.list;
      const followUp = list ? detectFollowUp(text) : undefined;
      if (state && list && followUp?.kind === "show_more") return showMore(message.conversationId, state, list, deps);
      if (state && list && followUp?.kind === "details") {
        const index = followUp.position === -1 ? list.onScreen.length - 1 : followUp.position - 1;
        const serviceId = list.onScreen[index];
        if (!serviceId) {
          const count = list.onScreen.length === 1 ? "is only 1 service" : `are only ${list.onScreen.length} services`;
          return textReply(message.conversationId, "action", `There ${count} in the last list.`);
        }
        return handleAction(message, { id: "details", value: serviceId }, state, deps);
      }
      return answerMessage(message.conversationId, text, state, deps, understood, (notes) => recordChatFeedback(message, text, state, deps, notes));
    },
  };
}
