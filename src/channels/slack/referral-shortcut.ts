/**
 * The global shortcut "Log a First Contact referral": opens the app's DM with
 * the person (so the confirmation and later status changes have somewhere
 * private to go), asks the core to start a referral there as that person, and
 * opens its form as a modal with the shortcut's trigger id.
 */
import type { App } from "@slack/bolt";
import { slackUserId } from "../../identity/user-id.js";
import { converse, notice, type SlackChannelContext } from "./converse.js";
import { conversationIdFor, type Destination } from "./slack-conversation.js";

/** The callback_id of the global shortcut in deploy/slack/manifest.yml. */
export const logReferralCallbackId = "log_referral";

/** What the person is asking for, in the words the core understands. */
export const referralRequest = "Log a First Contact referral";

export function registerReferralShortcut(app: App, ctx: SlackChannelContext): void {
  app.shortcut({ callback_id: logReferralCallbackId, type: "shortcut" }, async ({ shortcut, ack, client }) => {
    await ack();
    const userId = shortcut.user.id;
    const opened = await client.conversations.open({ users: userId });
    const channel = opened.channel?.id ?? userId;
    const conversationId = conversationIdFor(channel);
    const destination: Destination = { channel, userId, visibility: "dm" };
    // A global shortcut comes from no channel, so it names no team (see teamFor).
    const delivery = { conversationId, destination, triggerId: shortcut.trigger_id };
    if (!opened.channel?.id) {
      await notice(client, "I couldn't open our direct messages, so the referral can't be confirmed privately. Please try again.", delivery);
      return;
    }
    await converse(ctx, client, { channel: "slack", conversationId, userId: slackUserId(shortcut.team?.id ?? shortcut.user.team_id, userId), ...(shortcut.user.username ? { userName: shortcut.user.username } : {}), text: referralRequest }, delivery);
  });
}
