/**
 * Everything Signpost sent to Slack and Teams, sorted by who can read it, for the payload scan
 * (issue 19, decision 0023). Each payload is one Web API call the Slack stand-in recorded, one
 * activity (or created conversation) the recording Bot Connector received, or one HTTP answer
 * Signpost gave the platform (Slack's acks, Teams' invoke responses).
 *
 * - **public**: a Slack channel or thread (chat.postMessage or a file to a channel that is not a
 *   DM), a Teams channel or group chat: anyone in it reads it.
 * - **triage**: the configured triage destination, where a referral's details go by design.
 * - **private**: for the one member of staff only: Slack ephemerals, DMs, modals, App Home and
 *   acks; Teams personal chats and invoke responses.
 *
 * Every outgoing HTTP request the process makes while recording is kept too, by its URL, through
 * Node's diagnostics channels: `undici:request:create` for fetch (Slack's Web API client, and the
 * test's own requests to Signpost) and `http.client.request.start` for the http module
 * (botbuilder's connector client): no personal detail may travel in a URL.
 */
import diagnostics from "node:diagnostics_channel";
import type { ClientRequest } from "node:http";
import type { RecordedCall as SlackCall } from "../../channels/slack/support/slack-api-recorder.js";
import type { RecordedCall as TeamsCall } from "../../channels/teams/support/recording-connector.js";

export type Audience = "public" | "triage" | "private";

export interface Payload {
  readonly platform: "slack" | "teams";
  readonly audience: Audience;
  /** The Web API method, "activity", "conversation" or "response". */
  readonly kind: string;
  /** The channel or conversation it went to. */
  readonly where: string;
  /** True for a form the referrer fills in (a modal, a card with inputs): it shows what they typed. */
  readonly form: boolean;
  readonly text: string;
}

const slackPrivateMethods = new Set(["chat.postEphemeral", "views.open", "views.update", "views.push", "views.publish", "conversations.open", "auth.test"]);

/** A Slack DM: the app's DM channel (D…), or a user id chat.postMessage opens one with (U…, W…). */
const isSlackDirect = (channel: string) => /^[DUW]/.test(channel);

export function slackPayload(call: SlackCall, triageChannel: string): Payload {
  const text = JSON.stringify(call.args);
  const named = call.args.channel ?? call.args.channel_id;
  const channel = typeof named === "string" ? named : "";
  const form = call.method.startsWith("views.") && call.method !== "views.publish";
  const audience: Audience = slackPrivateMethods.has(call.method) || (channel !== "" && isSlackDirect(channel)) ? "private" : channel === triageChannel ? "triage" : "public";
  return { platform: "slack", audience, kind: call.method, where: channel, form, text };
}

const hasInputs = (body: unknown) => /"type":"Input\./.test(JSON.stringify(body));

export function teamsPayload(call: TeamsCall, triageConversation: string): Payload {
  const conversation = call.body.conversation as { conversationType?: string; isGroup?: boolean } | undefined;
  const personal = conversation?.conversationType === "personal" || call.conversationId.startsWith("a:");
  const audience: Audience = call.conversationId === triageConversation ? "triage" : personal ? "private" : "public";
  return { platform: "teams", audience, kind: "activity", where: call.conversationId, form: hasInputs(call.body), text: JSON.stringify(call.body) };
}

/** An answer Signpost gave the platform over HTTP: it goes only to the person whose action it answers. */
export function responsePayload(platform: "slack" | "teams", where: string, body: string): Payload {
  return { platform, audience: "private", kind: "response", where, form: /"view"|"type":"Input\./.test(body), text: body };
}

/** Links in a payload: web, phone and mail links in text, buttons, cards and markup. */
export function urlsIn(text: string): string[] {
  return [...text.matchAll(/\b(?:https?:\/\/|tel:|mailto:)[^\s"'<>|\\)\]]+/g)].map((match) => match[0]);
}

/** Records the URL of every HTTP request this process sends (fetch, and the http and https modules) until stopped. */
export function recordOutgoingUrls(): { urls: string[]; stop(): void } {
  const urls: string[] = [];
  const onHttp = (message: unknown) => {
    const request = (message as { request: ClientRequest }).request;
    urls.push(`${request.protocol}//${request.host}${request.path}`);
  };
  const onFetch = (message: unknown) => {
    const request = (message as { request: { origin: string | URL; path: string } }).request;
    urls.push(`${String(request.origin)}${request.path}`);
  };
  diagnostics.subscribe("http.client.request.start", onHttp);
  diagnostics.subscribe("undici:request:create", onFetch);
  return {
    urls,
    stop() {
      diagnostics.unsubscribe("http.client.request.start", onHttp);
      diagnostics.unsubscribe("undici:request:create", onFetch);
    },
  };
}
