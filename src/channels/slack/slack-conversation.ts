/**
 * How Slack places map to the core's conversation ids, and back: a DM or App
 * Home is its channel id ("D024BE91L"); a thread is "<channel>:<thread ts>"
 * ("C123ABC456:1515449522.000016"), so follow-ups, replies and status
 * notifications all go back to the same thread.
 */

export interface SlackPlace {
  readonly channel: string;
  readonly threadTs?: string;
}

export function conversationIdFor(channel: string, threadTs?: string): string {
  return threadTs ? `${channel}:${threadTs}` : channel;
}

export function placeOf(conversationId: string): SlackPlace {
  const [channel = conversationId, threadTs] = conversationId.split(":", 2);
  return threadTs ? { channel, threadTs } : { channel };
}

/** Who sees a reply: everyone in the channel (in the thread), only the asker (ephemeral), or the app's DM with them. */
export type Visibility = "public" | "ephemeral" | "dm";

/** Where a reply is shown: the Slack place, the person it is for, and who else may see it. */
export interface Destination extends SlackPlace {
  readonly userId: string;
  readonly visibility: Visibility;
}

/** A direct message channel (the app's DM with a person, or a DM between people). */
export function isDirectMessage(channel: string): boolean {
  return channel.startsWith("D");
}
