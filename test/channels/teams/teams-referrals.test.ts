// A referral from a Teams channel, end to end on the real core and the real CloudAdapter:
// "@Signpost refer …" in a channel puts the referral form (personal data) in the user's
// personal chat and only a short notice in the channel; an invalid submit comes back as
// the same card with each error beside its field; a valid submit stores one referral (made
// in the channel's conversation and team) and the confirmation replaces the form in the
// personal chat. Nothing personal is ever posted in the channel.
import type { Activity } from "botbuilder";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { couldNotSendPrivately, sentPrivately } from "../../../src/channels/teams/deliver-reply.js";
import { teamsLimits, jsonBytes } from "../../../src/channels/teams/teams-limits.js";
import { adaptiveCardValidator } from "./support/adaptive-card-schema.js";
import { allText, cardsOf, elementsOf, submitForm, textOf } from "./support/card-helpers.js";
import { cardSubmit, channelMention, channelTenant, channelUser, executeInvoke } from "./support/teams-fixtures.js";
import { startTeamsHarness, type TeamsHarness } from "./support/teams-harness.js";

let harness: TeamsHarness;

beforeAll(async () => {
  harness = await startTeamsHarness();
});

afterAll(async () => {
  await harness.close();
});

async function referralCount(): Promise<number> {
  const row = await harness.db.selectFrom("referrals").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe("a referral asked for in a channel", () => {
  const channel = channelMention("", "");
  const channelId = channel.conversation!.id;
  let personalChat: Activity["conversation"];
  let formCallId: string;

  it("sends the form to the user's personal chat, pre-filled, and only a notice to the channel", async () => {
    const activity = channelMention(harness.serviceUrl, "refer Mrs P in Loughborough to First Contact for a home safety check");
    await harness.post(activity);
    expect(harness.connector.created).toHaveLength(1);
    expect(harness.connector.created[0]).toMatchObject({ isGroup: false, members: [{ id: channelUser.id }], tenantId: channelTenant });
    const inChannel = harness.connector.delivered(channelId);
    expect(inChannel).toHaveLength(1);
    expect(allText(inChannel)).toBe(sentPrivately);
    const personal = harness.connector.delivered().filter((c) => c.conversationId !== channelId);
    expect(personal).toHaveLength(1);
    const [form] = cardsOf(personal[0]);
    const inputs = Object.fromEntries(elementsOf(form!).filter((e) => String(e.type).startsWith("Input.")).map((e) => [String(e.id), e]));
    expect(inputs.field_person).toMatchObject({ type: "Input.Text", value: "Mrs P" });
    expect(inputs.field_area).toMatchObject({ type: "Input.ChoiceSet", style: "compact", value: "charnwood" });
    expect(inputs.field_needs).toMatchObject({ type: "Input.ChoiceSet", isMultiSelect: true, value: "home-safety" });
    expect(inputs.field_whatMatters).toMatchObject({ type: "Input.Text", isMultiline: true });
    expect(inputs.field_consent).toMatchObject({ type: "Input.Toggle", valueOn: "true", valueOff: "false", value: "false" });
    personalChat = { id: personal[0]!.conversationId, conversationType: "personal", isGroup: false, name: "", tenantId: channelTenant };
    formCallId = personal[0]!.sentId!;
  });

  it("says on the card in the personal chat what is really needed: one way to contact them, an age or date of birth, and only the truly optional as optional", () => {
    const sent = harness.connector.delivered().find((c) => c.sentId === formCallId);
    const [form] = cardsOf(sent);
    expect(adaptiveCardValidator()(form)).toEqual([]);
    expect(jsonBytes(sent!.body)).toBeLessThanOrEqual(teamsLimits.activityBytes);
    const body = elementsOf(form!);
    const at = (id: string) => body.findIndex((e) => e.id === id);
    const label = (id: string) => body[at(id)]!.label as string;
    // Each group is introduced once, just before its first field: its heading says one is needed, then its hint.
    expect(body.slice(at("field_phone") - 2, at("field_phone")).map((e) => [e.type, e.text])).toEqual([
      ["TextBlock", "One way to contact them: one is needed"],
      ["TextBlock", "Give at least one: a phone number, an email or an address."],
    ]);
    expect(body.slice(at("field_age") - 2, at("field_age")).map((e) => e.text)).toEqual(["Their age or date of birth: one is needed", "Give one of the two."]);
    expect(body.filter((e) => e.type === "TextBlock" && String(e.text).endsWith("one is needed"))).toHaveLength(2);
    expect([label("field_phone"), label("field_email"), label("field_address")]).toEqual(["Phone (one way to contact them)", "Email (one way to contact them)", "Address (one way to contact them)"]);
    expect([label("field_age"), label("field_dateOfBirth")]).toEqual(["Age (their age or date of birth)", "Date of birth (their age or date of birth)"]);
    // As in the web chat: what is truly optional says so, and nothing needed does.
    const optional = body.filter((e) => String(e.type).startsWith("Input.") && typeof e.label === "string" && e.label.endsWith("(optional)")).map((e) => e.id);
    expect(optional.sort()).toEqual(["field_contactWhen", "field_nhsNumber"]);
    for (const id of ["field_person", "field_area", "field_needs", "field_whatMatters", "field_urgency", "field_consent"]) expect(body[at(id)]!.isRequired, id).toBe(true);
  });

  it("answers an invalid submit on the same card, with each error under its field", async () => {
    const form = cardsOf(harness.connector.delivered().find((c) => c.sentId === formCallId))[0]!;
    const before = harness.connector.calls.length;
    const data = submitForm(form, { phone: "12345", nhsNumber: "943 476 5871" });
    await harness.post(cardSubmit(harness.serviceUrl, data, { conversation: personalChat, from: channelUser, replyToId: formCallId, tenantId: channelTenant }));
    const sent = harness.connector.calls.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ method: "PUT", conversationId: personalChat.id, activityId: formCallId });
    const updated = cardsOf(sent[0])[0]!;
    const body = elementsOf(updated);
    const errorAfter = (id: string) => {
      const at = body.findIndex((e) => e.id === id);
      const next = body.slice(at + 1).find((e) => e.type !== "TextBlock" || e.color === "attention");
      return next?.type === "TextBlock" ? (next.text as string) : undefined;
    };
    expect(errorAfter("field_phone")).toMatch(/UK phone number/);
    expect(errorAfter("field_nhsNumber")).toMatch(/check digit/);
    expect(errorAfter("field_person")).toBeUndefined();
    expect(textOf(updated)).toMatch(/Please check the fields marked below/);
    expect(await referralCount()).toBe(0);
    expect(harness.connector.delivered(channelId)).toHaveLength(1);
  });

  it("stores one referral from a valid submit, made in the channel's conversation, and confirms it privately", async () => {
    const form = cardsOf(harness.connector.calls.filter((c) => c.activityId === formCallId).at(-1))[0]!;
    const data = submitForm(form, { phone: "01632 960123", nhsNumber: "", age: "84", whatMatters: "Staying warm and safe at home", consent: "true" });
    const before = harness.connector.calls.length;
    await harness.post(cardSubmit(harness.serviceUrl, data, { conversation: personalChat, from: channelUser, replyToId: formCallId, tenantId: channelTenant }));
    // Sending twice (a double click) stores one referral.
    await harness.post(cardSubmit(harness.serviceUrl, data, { conversation: personalChat, from: channelUser, replyToId: formCallId, tenantId: channelTenant }));
    const sent = harness.connector.calls.slice(before);
    expect(sent.every((c) => c.conversationId === personalChat.id)).toBe(true);
    expect(allText(sent.slice(0, 1))).toMatch(/^Referral FC-[0-9A-Z]{6} has been sent to First Contact Plus/);
    expect(allText(sent.slice(1))).toMatch(/already sent as FC-[0-9A-Z]{6}; it has not been sent twice/);
    expect(await referralCount()).toBe(1);
    const stored = await harness.db.selectFrom("referrals").selectAll().executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ channel: "teams", origin_conversation_id: channelId, referrer_id: `teams:50612dbb-0237-4969-b378-8d42590f9c00:${channelUser.aadObjectId!}`, referrer_team: "teams:50612dbb-0237-4969-b378-8d42590f9c00:19:66P469zibfbsGI-_a0aN_toLTZpyzS6u7CT3TsXdgPw1@thread.tacv2" });
    const channelText = allText(harness.connector.delivered(channelId));
    expect(channelText).toBe(sentPrivately);
    expect(channelText).not.toMatch(/Mrs P|01632|FC-/);
  });

  it("says so in the channel, without the details, when the personal chat cannot be opened", async () => {
    harness.connector.failWith({ status: 403 }, (conversationId) => conversationId.startsWith("a:personal-"));
    const before = harness.connector.calls.length;
    try {
      await harness.post(channelMention(harness.serviceUrl, "refer Mr Q to First Contact, he lives in Melton"));
    } finally {
      harness.connector.succeed();
    }
    const sent = harness.connector.calls.slice(before);
    expect(sent.filter((c) => c.status === 403)).toHaveLength(1);
    const delivered = sent.filter((c) => c.status === 200);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]?.conversationId).toBe(channelId);
    expect(allText(delivered)).toBe(couldNotSendPrivately);
    const logged = JSON.stringify(harness.logs());
    expect(logged).toMatch(/could not open the user's personal chat/);
    expect(logged).not.toMatch(/Mr Q|Mrs P|01632/);
  });
});

describe("a form submitted with Action.Execute", () => {
  it("gets the card back as the invoke response, with the errors on it, and nothing stored", async () => {
    // A personal chat captured from a real tenant: the user asks, then presses the form's button.
    const envelope = executeInvoke(harness.serviceUrl, {});
    const ask: Partial<Activity> = { ...envelope, type: "message", text: "refer Mr R to First Contact for help with a cold home, he lives in Oadby" };
    delete ask.name;
    delete ask.value;
    const before = harness.connector.calls.length;
    await harness.post(ask);
    const form = cardsOf(harness.connector.calls[before])[0]!;
    const { status, body } = await harness.post(executeInvoke(harness.serviceUrl, submitForm(form, { person: "", phone: "not a phone" })));
    expect(status).toBe(200);
    const response = body as { statusCode: number; type: string; value: Parameters<typeof elementsOf>[0] };
    expect(response).toMatchObject({ statusCode: 200, type: "application/vnd.microsoft.card.adaptive" });
    expect(textOf(response.value)).toMatch(/UK phone number/);
    expect(elementsOf(response.value).some((e) => e.id === "field_person")).toBe(true);
    expect(harness.connector.calls.length).toBe(before + 1);
  });
});
