// The Teams channel end to end, against the real botbuilder CloudAdapter and the real
// conversation core: activities built from what Teams sends (../shared/fixtures/teams)
// are POSTed to /api/messages on a free local port, and what the bot sends back is
// recorded by a local stand-in for the Bot Connector. Search in a personal chat,
// @mentions in a channel, a card button's round trip (Action.Submit, Action.Execute and
// card invoke), emergencies, and the welcome when the bot is added.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allText, buttonsOf, cardsOf, elementsOf, textOf } from "./support/card-helpers.js";
import { botAddedPersonal, botAddedToTeam, cardInvoke, cardSubmit, channelMention, executeInvoke, fixture, personalMessage } from "./support/teams-fixtures.js";
import { startTeamsHarness, type TeamsHarness } from "./support/teams-harness.js";

let harness: TeamsHarness;

beforeAll(async () => {
  harness = await startTeamsHarness();
});

afterAll(async () => {
  await harness.close();
});

const personalConversation = fixture("message.personal.msdocs").conversation!;

describe("a search in a personal chat", () => {
  it("is answered with one Adaptive Card per service, each saying when it was last verified, under the reply's text", async () => {
    const before = harness.connector.calls.length;
    const { status } = await harness.post(personalMessage(harness.serviceUrl, "lonely widower in Loughborough"));
    expect(status).toBe(200);
    const sent = harness.connector.calls.slice(before);
    expect(sent).toHaveLength(1);
    const [reply] = sent;
    expect(reply?.conversationId).toBe(personalConversation.id);
    expect(reply?.method).toBe("POST");
    // A personal chat is its own team; the user is their Entra object id.
    expect(harness.seen.at(-1)).toMatchObject({ channel: "teams", conversationId: personalConversation.id, userId: "teams:72f988bf-86f1-41af-91ab-2d7cd011db47:7faf8ab2-3d56-4244-b585-20c8a42ed2b8" });
    // A personal chat is not a team: the core uses USER_TEAMS, or a team of one.
    expect(harness.seen.at(-1)?.team).toBeUndefined();
    const cards = cardsOf(reply);
    expect(cards.length).toBeGreaterThanOrEqual(2);
    expect(cards.every((c) => c.type === "AdaptiveCard" && c.version === "1.5")).toBe(true);
    expect(textOf(cards[0]!)).toMatch(/services for loneliness and social isolation in Charnwood/);
    const services = cards.filter((c) => buttonsOf(c).some((b) => b.data?.signpost?.id === "refer"));
    expect(services.length).toBeGreaterThanOrEqual(1);
    for (const card of services) expect(textOf(card)).toMatch(/Last verified \d{1,2} \w+ \d{4}/);
  });
});

describe("an @mention in a channel", () => {
  it("reaches the core without the mention text and is answered in the same thread", async () => {
    const before = harness.connector.calls.length;
    const activity = channelMention(harness.serviceUrl, "falls prevention in Melton");
    await harness.post(activity);
    const sent = harness.connector.calls.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.conversationId).toBe(activity.conversation!.id);
    expect(sent[0]?.activityId).toBe(activity.id);
    expect(harness.seen.at(-1)).toEqual({
      channel: "teams",
      conversationId: activity.conversation!.id,
      // The user and the team, namespaced by the tenant the activity came from.
      userId: "teams:50612dbb-0237-4969-b378-8d42590f9c00:b15a9416-0ad3-4172-9210-7beb711d3f70",
      userName: "rido",
      team: "teams:50612dbb-0237-4969-b378-8d42590f9c00:19:66P469zibfbsGI-_a0aN_toLTZpyzS6u7CT3TsXdgPw1@thread.tacv2",
      text: "falls prevention in Melton",
    });
    expect(allText(sent)).toMatch(/Melton/);
  });
});

describe("a card button", () => {
  async function searchCard() {
    const before = harness.connector.calls.length;
    await harness.post(personalMessage(harness.serviceUrl, "help with a cold home in Hinckley"));
    const call = harness.connector.calls[before]!;
    const card = cardsOf(call).find((c) => buttonsOf(c).some((b) => b.data?.signpost?.id === "details"))!;
    const details = buttonsOf(card).find((b) => b.data?.signpost?.id === "details")!;
    return { call, card, details };
  }

  it("pressed as Action.Submit (a message with the card's data) gets the service in full", async () => {
    const { call, card, details } = await searchCard();
    const before = harness.connector.calls.length;
    await harness.post(cardSubmit(harness.serviceUrl, details.data, { conversation: personalConversation, from: fixture("message.personal.msdocs").from!, replyToId: call.sentId!, tenantId: "72f988bf-86f1-41af-91ab-2d7cd011db47" }));
    const sent = harness.connector.calls.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.method).toBe("POST");
    const name = elementsOf(card)[0]?.text as string;
    expect(allText(sent)).toContain(`${name}, in full:`);
  });

  it("pressed as Action.Execute (an adaptiveCard/action invoke) is answered too, with an invoke response", async () => {
    const { details } = await searchCard();
    const before = harness.connector.calls.length;
    const { status, body } = await harness.post(executeInvoke(harness.serviceUrl, details.data));
    expect(status).toBe(200);
    expect(body).toMatchObject({ statusCode: 200, type: "application/vnd.microsoft.activity.message" });
    expect(allText(harness.connector.calls.slice(before))).toMatch(/in full:/);
  });

  it("sent as a card invoke in a channel is answered in the channel", async () => {
    const { details } = await searchCard();
    const before = harness.connector.calls.length;
    const activity = cardInvoke(harness.serviceUrl, details.data);
    const { status } = await harness.post(activity);
    expect(status).toBe(200);
    const sent = harness.connector.calls.slice(before);
    expect(sent[0]?.conversationId).toBe(activity.conversation!.id);
    expect(allText(sent)).toMatch(/in full:/);
  });

  it("from an expired list gets the core's plain answer, and a card that is not Signpost's is ignored", async () => {
    const before = harness.connector.calls.length;
    const where = { conversation: personalConversation, from: fixture("message.personal.msdocs").from!, replyToId: "old", tenantId: "72f988bf-86f1-41af-91ab-2d7cd011db47" };
    await harness.post(cardSubmit(harness.serviceUrl, { signpost: { id: "show_more", value: "an-old-search" } }, where));
    await harness.post(cardSubmit(harness.serviceUrl, { property: "propertyValue" }, where));
    const sent = harness.connector.calls.slice(before);
    expect(sent).toHaveLength(1);
    expect(allText(sent)).toMatch(/That list has expired/);
  });
});

describe("an emergency", () => {
  it("leads with the urgent text in an attention container, and nothing else", async () => {
    const before = harness.connector.calls.length;
    await harness.post(personalMessage(harness.serviceUrl, "he says he will kill himself tonight, any befriending in Blaby?"));
    const sent = harness.connector.calls.slice(before);
    expect(sent).toHaveLength(1);
    const cards = cardsOf(sent[0]);
    expect(cards).toHaveLength(1);
    const first = cards[0]!.body[0]!;
    expect(first).toMatchObject({ type: "Container", style: "attention" });
    expect(textOf(cards[0]!)).toMatch(/999/);
    expect(buttonsOf(cards[0]!)).toEqual([]);
  });
});

describe("the bot being added", () => {
  it("to a team stores the conversation reference and says hello in the channel", async () => {
    const before = harness.connector.calls.length;
    const activity = botAddedToTeam(harness.serviceUrl);
    await harness.post(activity);
    const stored = await harness.references.find(activity.conversation!.id);
    expect(stored?.serviceUrl).toBe(harness.serviceUrl);
    expect(stored?.conversation.tenantId).toBe("b28fdbfd-2b78-4f93-b0f8-8881793f0f8f");
    const sent = harness.connector.calls.slice(before);
    expect(sent).toHaveLength(1);
    expect(allText(sent)).toMatch(/Mention me \(@Signpost\)/);
    expect(allText(sent)).toMatch(/never give clinical advice/);
  });

  it("in a personal chat stores the chat as the user's personal chat", async () => {
    const activity = botAddedPersonal(harness.serviceUrl, "72f988bf-86f1-41af-91ab-2d7cd011db47");
    await harness.post(activity);
    const stored = await harness.references.findPersonalChat("3a1c52f4-0000-4000-8000-000000000001");
    expect(stored?.conversation.id).toBe("a:personal-conversation-from-docs");
  });
});
