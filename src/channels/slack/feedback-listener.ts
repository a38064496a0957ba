/**
 * A press of the feedback buttons under an answer (block_actions with a
 * feedback_buttons action). The core records the verdict and the services the
 * answer showed (rate-answer.ts: never the conversation's text), and the
 * person alone is thanked, in the answer's thread: a press is never a second
 * answer.
 */
import type { App, BlockAction, FeedbackButtonsAction } from "@slack/bolt";
import { slackUserId } from "../../identity/user-id.js";
import { answerFromCore, notice, type SlackChannelContext } from "./converse.js";
import { rateAnswerActionId } from "./render-feedback.js";
import { conversationIdFor, type Destination } from "./slack-conversation.js";

export function registerFeedbackListener(app: App, ctx: SlackChannelContext): void {
  app.action<BlockAction<FeedbackButtonsAction>>({ type: "block_actions", action_id: rateAnswerActionId }, async ({ ack, body, action, client }) => {
    await ack();
    const container = body.container as { channel_id?: unknown; thread_ts?: unknown };
    const channel = body.channel?.id ?? (typeof container.channel_id === "string" ? container.channel_id : undefined);
    if (!channel || action.type !== "feedback_buttons") return;
    const threadTs = typeof body.message?.thread_ts === "string" ? body.message.thread_ts : typeof container.thread_ts === "string" ? container.thread_ts : undefined;
    const conversationId = conversationIdFor(channel, threadTs);
    const destination: Destination = { channel, userId: body.user.id, visibility: "ephemeral", ...(threadTs ? { threadTs } : {}) };
    const answer = await answerFromCore(ctx, { channel: "slack", conversationId, userId: slackUserId(body.team?.id ?? body.user.team_id, body.user.id), action: { id: "rate_answer", value: action.value } });
    await notice(client, answer.ok ? answer.reply.text.join("\n\n") : answer.problem, { conversationId, destination });
  });
}
