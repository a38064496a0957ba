/**
 * App Home: when a person opens the Home tab, publish a short how-to and their
 * own recent referrals with their status, asking the core "my referrals" as
 * that person (so it sees exactly what they may see, and nothing personal).
 * When they open the Messages tab (Slack's agent messaging experience,
 * agent_view, where that is the DM with Signpost), set the suggested prompts at
 * its top; an app without agent features is refused by Slack, which is logged
 * and changes nothing.
 */
import type { App } from "@slack/bolt";
import { slackUserId } from "../../identity/user-id.js";
import { suggestedPrompts, suggestedPromptsTitle } from "./agent-view.js";
import { errorSummary } from "./bolt-logger.js";
import { answerFromCore, type SlackChannelContext } from "./converse.js";
import { renderHome } from "./render-home.js";
import { conversationIdFor } from "./slack-conversation.js";

export function registerHomeListener(app: App, ctx: SlackChannelContext): void {
  app.event("app_home_opened", async ({ event, body, client }) => {
    if (event.tab === "messages") {
      try {
        await client.assistant.threads.setSuggestedPrompts({ channel_id: event.channel, title: suggestedPromptsTitle, prompts: suggestedPrompts.map((p) => ({ ...p })) });
      } catch (error) {
        ctx.logger.debug(errorSummary(error), "Slack did not take the suggested prompts");
      }
      return;
    }
    if (event.tab !== undefined && event.tab !== "home") return;
    const answer = await answerFromCore(ctx, { channel: "slack", conversationId: conversationIdFor(event.channel), userId: slackUserId(body.team_id, event.user), text: "my referrals" });
    await client.views.publish({ user_id: event.user, view: renderHome(ctx.commandName, answer.ok ? answer.reply.text : [answer.problem]) });
  });
}
