/**
 * Puts rendered messages where they belong. Public: in the channel (in the
 * thread). Direct: in the app's DM. Ephemeral: only the asker sees it, in the
 * channel and thread; when Slack will not show it there (the app is not in that
 * channel, or it is a DM between other people) it goes to the app's DM with
 * them instead, so personal data never falls back to a shared place.
 */
import type { webApi } from "@slack/bolt";
import type { SlackMessage } from "./render-blocks.js";
import type { Destination } from "./slack-conversation.js";

type WebClient = webApi.WebClient;

const quiet = { unfurl_links: false, unfurl_media: false } as const;

async function postEach(messages: readonly SlackMessage[], post: (m: SlackMessage) => Promise<unknown>): Promise<void> {
  for (const message of messages) await post(message);
}

export function postInChannel(client: WebClient, messages: readonly SlackMessage[], channel: string, threadTs?: string): Promise<void> {
  return postEach(messages, (m) => client.chat.postMessage({ channel, text: m.text, blocks: m.blocks, ...quiet, ...(threadTs ? { thread_ts: threadTs } : {}) }));
}

/** The app's DM with the person: posting to a user id opens it. */
export function postInDirectMessage(client: WebClient, messages: readonly SlackMessage[], userId: string): Promise<void> {
  return postInChannel(client, messages, userId);
}

export async function postEphemeral(client: WebClient, messages: readonly SlackMessage[], where: Destination): Promise<void> {
  try {
    await postEach(messages, (m) =>
      client.chat.postEphemeral({ channel: where.channel, user: where.userId, text: m.text, blocks: m.blocks, ...(where.threadTs ? { thread_ts: where.threadTs } : {}) }),
    );
  } catch (error) {
    if ((error as { code?: unknown }).code !== "slack_webapi_platform_error") throw error;
    await postInDirectMessage(client, messages, where.userId);
  }
}

/** Private replies never go to a shared place; the rest follow the destination. */
export function postReply(client: WebClient, messages: readonly SlackMessage[], where: Destination, isPrivate: boolean): Promise<void> {
  if (where.visibility === "dm") return postInChannel(client, messages, where.channel, where.threadTs);
  if (where.visibility === "ephemeral" || isPrivate) return postEphemeral(client, messages, where);
  return postInChannel(client, messages, where.channel, where.threadTs);
}
