/**
 * One member of staff's conversation with Signpost in Teams, for the payload scan (issue 19,
 * decision 0023), through the botbuilder adapter over HTTP to the recording Bot Connector: a search
 * @mentioning the bot in a team's channel, a referral for a synthetic person (the details typed in
 * the channel, the card's Refer button pressed in the channel, or asked for in the personal chat),
 * the form sent first with a wrong NHS number and then filled in properly, the triage channel told,
 * triage moving it from their personal chat, the status pushed back through the outbox, "my
 * referrals", an outdated-details report, and now and then a message while Signpost is starting.
 * The variant follows `index`.
 */
import type { Activity, ChannelAccount, ConversationAccount } from "botbuilder";
import type { RecordedCall } from "../../channels/teams/support/recording-connector.js";
import { buttonsOf, cardsOf, submitForm } from "../../channels/teams/support/card-helpers.js";
import { cardSubmit, channelMention, channelTenant } from "../../channels/teams/support/teams-fixtures.js";
import { withWrongCheckDigit } from "../../support/synthetic-nhs-number.js";
import { type ConversationRecord, type SyntheticPerson, searches } from "./synthetic-person.js";
import type { TeamsNotifyingHarness } from "./teams-notifying-harness.js";

/** The triage team member: moves referrals from their personal chat. */
export const teamsTriageUser: ChannelAccount = { id: "29:payload-triage", name: "Triage Desk", aadObjectId: "7e1a9e00-0000-4000-8000-000000000001" };
export const teamsTriageUserId = `teams:${channelTenant}:${teamsTriageUser.aadObjectId!}`;

export type TeamsConversationRecord = ConversationRecord<RecordedCall>;

const personal = (id: string): ConversationAccount => ({ id, conversationType: "personal", isGroup: false, name: "", tenantId: channelTenant });

export async function teamsConversation(harness: TeamsNotifyingHarness, index: number, person: SyntheticPerson): Promise<TeamsConversationRecord> {
  const user: ChannelAccount = { id: `29:payload-user-${index}`, name: `Staff Member ${index}`, aadObjectId: `00000000-0000-4000-8000-${String(index).padStart(12, "0")}` };
  const channel: ConversationAccount = { id: `19:6848757105754c8981c67612732d9aa7@thread.tacv2;messageid=${1_759_881_600_000 + index}`, isGroup: true, conversationType: "channel", name: "", tenantId: channelTenant };
  const personalChat = personal(`a:personal-${user.id}`);
  const record = { confirmations: [] as RecordedCall[], statuses: [] as RecordedCall[], listings: [] as RecordedCall[], triage: [] as RecordedCall[], responses: [] as { where: string; body: string }[] };
  const turn = async (activity: Partial<Activity>, where: string): Promise<RecordedCall[]> => {
    const before = harness.connector.calls.length;
    const answer = await harness.post(activity);
    if (answer.status >= 300) throw new Error(`the Teams endpoint answered ${answer.status} at ${where}`);
    if (answer.text !== "") record.responses.push({ where, body: answer.text });
    return harness.connector.calls.slice(before);
  };
  const inChannel = (text: string): Partial<Activity> => ({ ...channelMention(harness.serviceUrl, text), from: user, conversation: channel });
  const inPersonalChat = (text: string, from = user, conversation = personalChat): Partial<Activity> => {
    const base = channelMention(harness.serviceUrl, "");
    return { ...base, text, from, conversation, entities: [], attachments: [], channelData: { tenant: { id: channelTenant } } };
  };

  const answer = await turn(inChannel(searches[index % searches.length]!), channel.id);

  if (index % 5 === 4) {
    harness.setReady(false);
    try {
      await turn(inChannel(`refer ${person.name} to First Contact, nhs ${person.nhsNumber}, phone ${person.phone}`), channel.id);
    } finally {
      harness.setReady(true);
    }
  }

  // The referral form, in the personal chat, one way or another.
  const variant = index % 3;
  const text = `refer ${person.name} to First Contact, nhs ${person.nhsNumber}, phone ${person.phone}`;
  let opened: RecordedCall[];
  if (variant === 0) opened = await turn(inChannel(text), channel.id);
  else if (variant === 1) {
    const refer = answer.flatMap((call) => cardsOf(call).flatMap(buttonsOf)).find((button) => button.data?.signpost?.id === "refer");
    if (!refer?.data) throw new Error(`no Refer button on the answer to "${searches[index % searches.length]!}"`);
    const replyTo = answer.find((call) => cardsOf(call).some((card) => buttonsOf(card).includes(refer)))?.sentId ?? "";
    opened = await turn(cardSubmit(harness.serviceUrl, refer.data, { conversation: channel, from: user, replyToId: replyTo, tenantId: channelTenant }), channel.id);
  } else opened = await turn(inPersonalChat(text), personalChat.id);
  // The form is expected in the personal chat; wherever it went, it is filled in there, so the scan sees what followed.
  const forms = opened.filter((call) => cardsOf(call).some((card) => JSON.stringify(card).includes("field_nhsNumber")));
  const formCall = forms.find((call) => call.conversationId === personalChat.id) ?? forms[0];
  const form = formCall ? cardsOf(formCall).find((card) => JSON.stringify(card).includes("field_nhsNumber")) : undefined;
  if (!formCall?.sentId || !form) throw new Error(`no referral form was sent (variant ${variant})`);
  const formConversation = formCall.conversationId === personalChat.id ? personalChat : channel;
  const fields = { person: person.name, phone: person.phone.replace(/\s/g, ""), address: person.address, age: "81", area: "charnwood", needs: "home-safety", whatMatters: person.whatMatters, urgency: "routine", consent: "true" };
  const where = { conversation: formConversation, from: user, replyToId: formCall.sentId, tenantId: channelTenant };
  const wrong = await turn(cardSubmit(harness.serviceUrl, submitForm(form, { ...fields, nhsNumber: withWrongCheckDigit(person.nhsNumber) }), where), formConversation.id);
  const again = cardsOf(wrong.at(-1)).find((card) => JSON.stringify(card).includes("field_nhsNumber")) ?? form;
  const confirmed = await turn(cardSubmit(harness.serviceUrl, submitForm(again, { ...fields, nhsNumber: person.nhsNumber }), where), formConversation.id);
  record.confirmations.push(...confirmed);
  const reference = /FC-[0-9A-Z]{6}/.exec(JSON.stringify(confirmed.map((call) => call.body)))?.[0];

  let before = harness.connector.calls.length;
  await harness.sender.runOnce();
  record.triage.push(...harness.connector.calls.slice(before));
  if (reference) {
    const moves = [`acknowledge ${reference}`, ...(index % 3 === 1 ? [`decline ${reference} because ${person.name} has moved out of the area`] : index % 3 === 2 ? [`accept ${reference} for lightbulb-home-safety-falls`, `close ${reference}: ${person.name} now has support arranged`] : [])];
    for (const move of moves) {
      await turn(inPersonalChat(move, teamsTriageUser, personal("a:personal-triage")), "a:personal-triage");
      before = harness.connector.calls.length;
      await harness.sender.runOnce();
      record.statuses.push(...harness.connector.calls.slice(before));
    }
  }

  record.listings.push(...(await turn(inPersonalChat("my referrals"), personalChat.id)));
  if (index % 2 === 0) await turn(inChannel("that first one's shut down"), channel.id);
  return { ...(reference ? { reference } : {}), ...record };
}
