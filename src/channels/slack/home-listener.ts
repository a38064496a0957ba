/**
 * App Home: when a person opens the Home tab, publish a short how-to and their
 * own recent referrals with their status, asking the core "my referrals" as
 * that person (so it sees exactly what they may see, and nothing personal).
 */
import type { App } from "@slack/bolt";
import { slackUserId } from "../../identity/user-id.js";
import { answerFromCore, type SlackChannelContext } from "./converse.js";
import { renderHome } from "./render-home.js";
import { conversationIdFor } from "./slack-conversation.js";

export function registerHomeListener(app: App, ctx: SlackChannelContext): void {
  app.event("app_home_opened", async ({ event, body, client }) => {
    if (event.tab !== undefined && event.tab !== "home") return;
    const answer = await answerFromCore(ctx, { channel: "slack", conversationId: conversationIdFor(event.channel), userId: slackUserId(body.team_id, event.user), text: "my referrals" });
    await client.views.publish({ user_id: event.user, view: renderHome(ctx.commandName, answer.ok ? answer.reply.text : [answer.problem]) });
  });
}
