/**
 * Slack's feedback buttons under an answer: a context_actions block holding
 * one feedback_buttons element (docs.slack.dev/reference/block-kit/blocks/
 * context-actions-block). Each button's value is the core's own
 * (rate_answer's "helpful|<service ids>"), so a press records the services the
 * answer showed and nothing of the conversation. They go under the answer's
 * last message, or in a message of their own when that one is full.
 */
import type { types } from "@slack/bolt";
import { rateAnswerValue } from "../../conversation/rate-answer.js";
import type { Reply } from "../../conversation/reply.js";
import { blockKit } from "./block-kit-limits.js";
import type { SlackMessage } from "./render-blocks.js";

/** The action_id of the feedback buttons (the listener in feedback-listener.ts matches it). */
export const rateAnswerActionId = "rate_answer";

export function feedbackBlock(serviceIds: readonly string[]): types.ContextActionsBlock {
  return {
    type: "context_actions",
    elements: [
      {
        type: "feedback_buttons",
        action_id: rateAnswerActionId,
        positive_button: { text: { type: "plain_text", text: "Helpful" }, accessibility_label: "This answer was helpful", value: rateAnswerValue("helpful", serviceIds) },
        negative_button: { text: { type: "plain_text", text: "Not helpful" }, accessibility_label: "This answer was not helpful", value: rateAnswerValue("not_helpful", serviceIds) },
      },
    ],
  };
}

/** The rendered answer with the feedback buttons under it. */
export function withFeedbackButtons(messages: readonly SlackMessage[], reply: Reply): SlackMessage[] {
  const block = feedbackBlock(reply.cards.map((card) => card.id));
  const last = messages.at(-1);
  if (!last || last.blocks.length >= blockKit.blocksPerMessage) return [...messages, { text: "Was this answer helpful?", blocks: [block] }];
  return [...messages.slice(0, -1), { ...last, blocks: [...last.blocks, block] }];
}
