/**
 * Test activities built from the activities Teams really sends, in
 * ../shared/fixtures/teams/ (SOURCE.md there says where each came from: a real
 * tenant's captures in microsoft/teams.net and Microsoft's documentation).
 * Each builder starts from a fixture and changes only what the test is about
 * (the text, the card data, the service URL pointing at the local connector).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Activity, ChannelAccount } from "botbuilder";

const folder = path.join(import.meta.dirname, "../../../../../shared/fixtures/teams");

/** A fixture as published, without the keys our fixture notes added (they start with "_"). */
export function fixture(name: string): Record<string, unknown> & Partial<Activity> {
  const parsed = JSON.parse(readFileSync(path.join(folder, `${name}.json`), "utf8")) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(parsed).filter(([key]) => !key.startsWith("_")));
}

/** Every tenant the fixtures come from: the allowlist for tests that are not about tenants. */
export const fixtureTenants = [
  "72f988bf-86f1-41af-91ab-2d7cd011db47", // message.personal (Microsoft docs)
  "50612dbb-0237-4969-b378-8d42590f9c00", // message.channel_mention (teams.net capture)
  "56653e9d-2158-46ee-90d7-675c39642038", // invoke.adaptiveCard_action (teams.net capture)
  "b28fdbfd-2b78-4f93-b0f8-8881793f0f8f", // conversationUpdate.bot_added_to_team (Microsoft docs)
  "bec8e231-67ad-484e-87f4-3e5438390a77", // message.card_messageBack_value (Microsoft docs)
];

let sequence = 0;
const nextId = () => `test-activity-${++sequence}`;

/** The staff member in the channel capture: they use Signpost in a channel and in their personal chat. */
export const channelUser = fixture("message.channel_mention.teams-net").from as ChannelAccount;
export const channelTenant = "50612dbb-0237-4969-b378-8d42590f9c00";

/** A personal-chat message (Microsoft's documented inbound example). */
export function personalMessage(serviceUrl: string, text: string, conversationId?: string): Partial<Activity> {
  const base = fixture("message.personal.msdocs");
  return { ...base, id: nextId(), serviceUrl, text, ...(conversationId ? { conversation: { ...base.conversation!, id: conversationId } } : {}) };
}

/** A channel reply-thread message @mentioning the bot, as captured from a real tenant. */
export function channelMention(serviceUrl: string, text: string): Partial<Activity> {
  const base = fixture("message.channel_mention.teams-net");
  return { ...base, id: nextId(), serviceUrl, text: `<at>ridotest</at> ${text}` };
}

/**
 * An Action.Submit press: a message whose `value` is the card's data merged with its inputs
 * (Microsoft's documented messageBack example), sent from the given conversation by the given user.
 */
export function cardSubmit(serviceUrl: string, value: unknown, where: { conversation: Activity["conversation"]; from: ChannelAccount; replyToId: string; tenantId: string }): Partial<Activity> {
  const base = fixture("message.card_messageBack_value.channel.msdocs");
  delete base.text;
  return {
    ...base,
    id: nextId(),
    serviceUrl,
    value,
    from: where.from,
    conversation: where.conversation,
    replyToId: where.replyToId,
    channelData: where.conversation.conversationType === "personal" ? { tenant: { id: where.tenantId } } : (base.channelData as unknown),
  };
}

/** An Action.Execute press: an `adaptiveCard/action` invoke (captured from a real tenant) carrying `data`. */
export function executeInvoke(serviceUrl: string, data: unknown): Partial<Activity> {
  const base = fixture("invoke.adaptiveCard_action.personal.teams-net");
  const value = base.value as { action: Record<string, unknown> };
  return { ...base, id: nextId(), serviceUrl, value: { ...value, action: { ...value.action, data } } };
}

/** A card `invoke` action in a channel (Microsoft's documented example) carrying `value`. */
export function cardInvoke(serviceUrl: string, value: unknown): Partial<Activity> {
  return { ...fixture("invoke.card_invoke_action.channel.msdocs"), id: nextId(), serviceUrl, value };
}

/**
 * A composeExtension/query invoke, in the shape Microsoft documents for search commands
 * (learn.microsoft.com/microsoftteams/platform/messaging-extensions/how-to/search-commands/respond-to-search:
 * name "composeExtension/query", value {commandId, parameters: [{name, value}], queryOptions: {skip, count}}),
 * on the envelope of the documented personal message.
 */
export function extensionQuery(serviceUrl: string, parameters: { name: string; value: string }[], skip = 0): Partial<Activity> {
  const base = fixture("message.personal.msdocs");
  delete base.text;
  delete base.textFormat;
  return { ...base, id: nextId(), serviceUrl, type: "invoke", name: "composeExtension/query", value: { commandId: "searchServices", parameters, queryOptions: { skip, count: 25 } } };
}

/** The bot added to a team (Microsoft's documented example). */
export function botAddedToTeam(serviceUrl: string): Partial<Activity> {
  return { ...fixture("conversationUpdate.bot_added_to_team.msdocs"), serviceUrl };
}

/**
 * The bot added in personal scope (Microsoft's documented example), with the placeholders the docs
 * publish ("***", "<TENANT ID>", "28:<BOT ID>") filled in: the bot is the member added.
 */
export function botAddedPersonal(serviceUrl: string, tenantId: string): Partial<Activity> {
  const base = fixture("conversationUpdate.bot_added_personal.msdocs");
  const bot = (base.membersAdded ?? [])[0]!;
  return {
    ...base,
    serviceUrl,
    from: { id: "29:personal-user", name: "", aadObjectId: "3a1c52f4-0000-4000-8000-000000000001" },
    conversation: { ...base.conversation!, id: "a:personal-conversation-from-docs" },
    recipient: { id: bot.id, name: "Signpost" },
    channelData: { tenant: { id: tenantId } },
  };
}
