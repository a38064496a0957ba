import type { NoticeTarget } from "./notices.js";

/**
 * Where a message for a referrer alone goes, by the channel they referred
 * from: the web chat, and the terminal have one person per
 * conversation, so their own conversation's inbox; Slack and Teams have
 * shared channels, so the referrer's direct message or personal chat, found
 * by their user id and never by the conversation the referral came from.
 * Notifiers treat payload kind "private" as "to this person only".
 */
export function privateTarget(referrer: { readonly id: string; readonly channel: string; readonly conversationId: string }): NoticeTarget | undefined {
  switch (referrer.channel) {
    case "web":
    case "terminal":
      return { notifier: "inbox", destination: { conversationId: referrer.conversationId } };
    case "slack":
    case "teams":
      return { notifier: referrer.channel, destination: { userId: referrer.id } };
    default:
      return undefined;
  }
}
