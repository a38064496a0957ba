/**
 * Questions from Slack to the core: the slash command (answered only to the
 * person, since nobody else saw the question), a mention in a channel (answered
 * in its thread), a direct message (answered in the DM), and the message
 * shortcut "Find services for this" (the message's text becomes the question,
 * answered only to the person in that message's thread). Each acknowledges
 * first and does the slow work after.
 */
import type { App } from "@slack/bolt";
import { slackUserId } from "../../identity/user-id.js";
import { conversationIdFor, type Destination, isDirectMessage } from "./slack-conversation.js";
import { converse, type SlackChannelContext } from "./converse.js";
import { plainTextFromSlack } from "./slack-text.js";

/** The callback_id of the message shortcut in deploy/slack/manifest.yml. */
export const findServicesCallbackId = "find_services";

/**
 * The team a message comes from: the channel the team works in, namespaced by
 * its workspace (slack:T0123:C0456). A DM has none (the whole workspace is not
 * a team): the core then uses USER_TEAMS, or a team of one.
 */
export function teamFor(channel: string, workspace: string | undefined): string | undefined {
  return isDirectMessage(channel) ? undefined : slackUserId(workspace, channel);
}

const leadingMentions = /^\s*(?:<@[A-Z0-9]+(?:\|[^>]*)?>[\s,:]*)+/;

export function registerMessageListeners(app: App, ctx: SlackChannelContext): void {
  app.command(ctx.commandName, async ({ command, ack, client }) => {
    await ack();
    const conversationId = conversationIdFor(command.channel_id);
    const team = teamFor(command.channel_id, command.team_id);
    const destination: Destination = { channel: command.channel_id, userId: command.user_id, visibility: "ephemeral" };
    const text = plainTextFromSlack(command.text) || "help";
    await converse(ctx, client, { channel: "slack", conversationId, userId: slackUserId(command.team_id, command.user_id), userName: command.user_name, ...(team ? { team } : {}), text }, { conversationId, destination, triggerId: command.trigger_id, ...(team ? { team } : {}) });
  });

  app.event("app_mention", async ({ event, body, client, context }) => {
    if (!event.user || event.bot_id) return;
    const threadTs = event.thread_ts ?? event.ts;
    const conversationId = conversationIdFor(event.channel, threadTs);
    const team = teamFor(event.channel, body.team_id);
    const destination: Destination = { channel: event.channel, threadTs, userId: event.user, visibility: "public" };
    const text = plainTextFromSlack(event.text.replace(leadingMentions, ""), context.botUserId) || "help";
    await converse(ctx, client, { channel: "slack", conversationId, userId: slackUserId(body.team_id, event.user), ...(team ? { team } : {}), text }, { conversationId, destination, ...(team ? { team } : {}) });
  });

  app.event("message", async ({ event, body, client, context }) => {
    if (event.channel_type !== "im" || event.subtype !== undefined || event.bot_id || !event.user) return;
    const conversationId = conversationIdFor(event.channel, event.thread_ts);
    // A DM has no team: the core uses USER_TEAMS, or a team of one.
    const destination: Destination = { channel: event.channel, userId: event.user, visibility: "dm", ...(event.thread_ts ? { threadTs: event.thread_ts } : {}) };
    const text = plainTextFromSlack(event.text ?? "", context.botUserId) || "help";
    await converse(ctx, client, { channel: "slack", conversationId, userId: slackUserId(body.team_id, event.user), text }, { conversationId, destination });
  });

  app.shortcut({ callback_id: findServicesCallbackId, type: "message_action" }, async ({ shortcut, ack, client, context }) => {
    await ack();
    const message = shortcut.message as { ts: string; thread_ts?: string; text?: string };
    const threadTs = message.thread_ts ?? message.ts;
    const conversationId = conversationIdFor(shortcut.channel.id, threadTs);
    const workspace = shortcut.team?.id ?? shortcut.user.team_id;
    const team = teamFor(shortcut.channel.id, workspace);
    const destination: Destination = { channel: shortcut.channel.id, threadTs, userId: shortcut.user.id, visibility: "ephemeral" };
    const text = plainTextFromSlack(message.text ?? "", context.botUserId) || "help";
    await converse(ctx, client, { channel: "slack", conversationId, userId: slackUserId(workspace, shortcut.user.id), ...(team ? { team } : {}), text }, { conversationId, destination, triggerId: shortcut.trigger_id, ...(team ? { team } : {}) });
  });
}
