/**
 * Slack's assistant threads (the split view, assistant_view), with Bolt's
 * Assistant class. When a person opens a thread, Signpost sets its suggested
 * prompts; a message in the thread is answered in that thread, as a DM is
 * (the core gets the same message, the person's verified slack: id), with a
 * status while the core works and feedback buttons under the answer. The
 * context Slack sends (the channel the person is looking at) is not used:
 * Signpost never reads other conversations. Apps on agent_view are offered the
 * prompts when the person opens the Messages tab (home-listener.ts) instead.
 */
import { Assistant, type AssistantConfig, type App } from "@slack/bolt";
import { slackUserId } from "../../identity/user-id.js";
import { answeringStatus, suggestedPrompts, suggestedPromptsTitle } from "./agent-view.js";
import { errorSummary } from "./bolt-logger.js";
import { answerFromCore, notice, type SlackChannelContext } from "./converse.js";
import { type Delivery, deliverReply, hasForm } from "./deliver-reply.js";
import { postReply } from "./post-messages.js";
import { renderReply } from "./render-blocks.js";
import { withFeedbackButtons } from "./render-feedback.js";
import { conversationIdFor, type Destination } from "./slack-conversation.js";
import { plainTextFromSlack } from "./slack-text.js";

/** Signpost keeps no thread context (Bolt's default store would write it into the thread's first message). */
const noThreadContext: NonNullable<AssistantConfig["threadContextStore"]> = {
  get: () => Promise.resolve({}),
  save: () => Promise.resolve(),
};

interface ThreadMessage {
  readonly channel: string;
  readonly thread_ts?: string;
  readonly user?: string;
  readonly text?: string;
  readonly bot_id?: string;
  readonly subtype?: string;
}

export function assistantFor(ctx: SlackChannelContext): Assistant {
  return new Assistant({
    threadContextStore: noThreadContext,
    threadStarted: async ({ setSuggestedPrompts }) => {
      await setSuggestedPrompts({ title: suggestedPromptsTitle, prompts: suggestedPrompts.map((p) => ({ ...p })) });
    },
    threadContextChanged: () => Promise.resolve(),
    userMessage: async ({ message, body, client, context, setStatus }) => {
      const event = message as ThreadMessage;
      if (!event.user || event.bot_id || event.subtype !== undefined || !event.thread_ts) return;
      try {
        await setStatus(answeringStatus);
      } catch (error) {
        // Without the status the answer still comes.
        ctx.logger.warn(errorSummary(error), "could not set the Slack assistant status");
      }
      const conversationId = conversationIdFor(event.channel, event.thread_ts);
      const destination: Destination = { channel: event.channel, threadTs: event.thread_ts, userId: event.user, visibility: "dm" };
      const delivery: Delivery = { conversationId, destination };
      const text = plainTextFromSlack(event.text ?? "", context.botUserId) || "help";
      const answer = await answerFromCore(ctx, { channel: "slack", conversationId, userId: slackUserId(body.team_id, event.user), text });
      if (!answer.ok) return notice(client, answer.problem, delivery);
      if (hasForm(answer.reply)) return deliverReply(client, answer.reply, delivery, ctx.pendingForms, ctx.logger);
      await postReply(client, withFeedbackButtons(renderReply(answer.reply, { conversationId }), answer.reply), destination, answer.reply.private === true);
    },
  });
}

export function registerAssistant(app: App, ctx: SlackChannelContext): void {
  app.assistant(assistantFor(ctx));
}
