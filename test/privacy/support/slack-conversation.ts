/**
 * One member of staff's conversation with Signpost in Slack, for the payload scan (issue 19,
 * decision 0023), through the real Bolt app over signed HTTP: a search in a public channel's
 * thread, feedback on it, a referral for a synthetic person (by the card's Refer button, by
 * typing the person's details in the thread, by DM, or by the slash command), a first send with a
 * wrong NHS number and then a good one, the triage channel told, triage moving it (acknowledge,
 * decline, close) from their DM, the status pushed back through the outbox, "my referrals", an
 * outdated-details report, and now and then a message while Signpost is still starting. The
 * variant follows `index`, so a run of n conversations covers every path.
 */
import { agentFixture, type FeedbackElement, feedbackPress, threadMessage } from "../../channels/slack/support/agent-payloads.js";
import type { SentRequest } from "../../channels/slack/support/slack-requests.js";
import { blocksIn, buttonsIn } from "../../channels/slack/support/recorded-messages.js";
import type { RecordedCall } from "../../channels/slack/support/slack-api-recorder.js";
import { type SlackHarness, triageUserId } from "../../channels/slack/support/slack-harness.js";
import { buttonPress, directMessage, mention, slashCommand, viewSubmission } from "../../channels/slack/support/slack-payloads.js";
import { withWrongCheckDigit } from "../../support/synthetic-nhs-number.js";
import { type ConversationRecord, type SyntheticPerson, searches } from "./synthetic-person.js";

type Json = Record<string, unknown>;

/** The agent DM's assistant thread of the documented event: answers there carry the feedback buttons. */
const assistantThread = agentFixture("event_callback.message_im_assistant_thread.bolt-python.json").event as { channel: string; thread_ts: string; user: string };

export type SlackConversationRecord = ConversationRecord<RecordedCall>;

/** A Web API method, or any method starting so ("chat."). */
type Wanted = string;

/** Waits until the app has called `wanted` since `before`, and then until no call comes for 15 ms (a reply may be several messages). */
async function callsSince(harness: SlackHarness, before: number, wanted: Wanted): Promise<RecordedCall[]> {
  await harness.recorder.waitUntil((all) => all.slice(before).some((call) => call.method.startsWith(wanted)), wanted);
  await harness.recorder.settled(15);
  return harness.recorder.calls.slice(before);
}

/** The person's details as typed into the referral modal (by block id). */
function typedReferral(person: SyntheticPerson, nhsNumber: string) {
  return {
    person: person.name,
    phone: person.phone.replace(/\s/g, ""),
    address: person.address,
    nhsNumber,
    age: "81",
    area: "charnwood",
    needs: ["home-safety"],
    whatMatters: person.whatMatters,
    urgency: "routine",
    consent: true,
  };
}

export async function slackConversation(harness: SlackHarness, index: number, person: SyntheticPerson): Promise<SlackConversationRecord> {
  const channel = `C0WARD${index % 4}`;
  const threadTs = `${1_600_000_000 + index}.000100`;
  const user = `U0REF${String(index).padStart(5, "0")}`;
  const dm = `D0REF${String(index).padStart(5, "0")}`;
  const ev = (step: string) => `EvPayload${index}x${step}`;
  const trigger = (step: string) => `${index}.${step}.payload-scan`;
  const record: { confirmations: RecordedCall[]; statuses: RecordedCall[]; listings: RecordedCall[]; triage: RecordedCall[]; responses: { where: string; body: string }[] } = { confirmations: [], statuses: [], listings: [], triage: [], responses: [] };
  const send = async (body: { raw: string; contentType: string }, where: string): Promise<SentRequest> => {
    const sent = await harness.send(body.raw, body.contentType);
    if (sent.status !== 200) throw new Error(`Slack endpoint answered ${sent.status} at ${where}`);
    record.responses.push({ where, body: sent.text });
    return sent;
  };
  const turn = async (body: { raw: string; contentType: string }, where: string, wanted: Wanted) => {
    const before = harness.recorder.calls.length;
    const sent = await send(body, where);
    return { sent, calls: await callsSince(harness, before, wanted) };
  };

  // A search in a public channel's thread; one in the assistant thread, and feedback on its answer.
  const { calls: answer } = await turn(mention(`<@U0LAN0Z89> ${searches[index % searches.length]!}`, ev("search"), { ts: threadTs, user, channel }), channel, "chat.postMessage");
  const ts = `1726133700.${String(100_000 + index)}`;
  const { calls: assisted } = await turn(threadMessage(searches[(index + 1) % searches.length]!, ev("assistant"), { ts, event_ts: ts }), assistantThread.channel, "chat.postMessage");
  const rating = assisted
    .flatMap((call) => blocksIn(call))
    .flatMap((block) => (block.type === "context_actions" ? (block as unknown as { elements: (FeedbackElement & { type: string })[] }).elements : []))
    .find((element) => element.type === "feedback_buttons");
  if (!rating) throw new Error("no feedback buttons under the assistant thread's answer");
  const where = { channel: assistantThread.channel, messageTs: `1700000001.${String(100_000 + index)}`, threadTs: assistantThread.thread_ts, user: assistantThread.user };
  await turn(feedbackPress(rating, index % 2 === 0 ? "positive" : "negative", where), assistantThread.channel, "chat.postEphemeral");

  // Now and then, the person's details typed while Signpost is still starting: a private notice.
  if (index % 5 === 4) {
    harness.setReady(false);
    try {
      await turn(mention(`<@U0LAN0Z89> refer ${person.name} to First Contact, nhs ${person.nhsNumber}, phone ${person.phone}`, ev("starting"), { ts: threadTs, user, channel }), channel, "chat.postEphemeral");
    } finally {
      harness.setReady(true);
    }
  }

  // The referral form opened, one way or another.
  const variant = index % 4;
  let modal: RecordedCall | undefined;
  let dmChannel: string | undefined;
  if (variant === 0) {
    const refer = answer.flatMap((call) => buttonsIn(call)).find((button) => button.action_id.startsWith("refer"));
    if (!refer) throw new Error(`no Refer button on the answer to "${searches[index % searches.length]!}"`);
    const { calls } = await turn(buttonPress(refer, { channel, messageTs: "1700000000.000100", threadTs, user, triggerId: trigger("refer") }), channel, "views.open");
    modal = calls.find((call) => call.method === "views.open");
  } else if (variant === 1 || variant === 2) {
    const text = `refer ${person.name} to First Contact, nhs ${person.nhsNumber}, phone ${person.phone}`;
    dmChannel = variant === 2 ? dm : undefined;
    const asked = variant === 1 ? mention(`<@U0LAN0Z89> ${text}`, ev("refer"), { ts: threadTs, user, channel }) : directMessage(text, ev("refer"), { user, channel: dm });
    const { calls } = await turn(asked, dmChannel ?? channel, variant === 1 ? "chat.postEphemeral" : "chat.postMessage");
    const open = calls.flatMap((call) => buttonsIn(call)).find((button) => button.action_id === "open_form");
    if (!open) throw new Error(`no "Open the form" button after a referral asked for in ${variant === 1 ? "a thread" : "a DM"}`);
    const pressed = variant === 1 ? buttonPress(open, { channel, messageTs: "1700000000.000200", threadTs, user, ephemeral: true, triggerId: trigger("open") }) : buttonPress(open, { channel: dm, messageTs: "1700000000.000200", user, triggerId: trigger("open") });
    modal = (await turn(pressed, dmChannel ?? channel, "views.open")).calls.find((call) => call.method === "views.open");
  } else {
    const { calls } = await turn(slashCommand({ text: `refer ${person.name}, nhs ${person.nhsNumber}`, user_id: user, user_name: `staff${index}`, channel_id: channel, trigger_id: trigger("slash") }), channel, "views.open");
    modal = calls.find((call) => call.method === "views.open");
  }
  if (!modal) throw new Error(`the referral modal did not open (variant ${variant})`);
  const view = modal.args.view as Json;

  // A wrong NHS number first (errors beside the fields, in the HTTP answer), then the good form.
  await send(viewSubmission(view, typedReferral(person, withWrongCheckDigit(person.nhsNumber)), user, trigger("wrong")), "modal");
  const { calls: confirmed } = await turn(viewSubmission(view, typedReferral(person, person.nhsNumber), user, trigger("submit")), "modal", "chat.");
  record.confirmations.push(...confirmed);
  const reference = /FC-[0-9A-Z]{6}/.exec(confirmed.map((call) => String(call.args.text)).join(" "))?.[0];

  // The outbox tells triage; triage moves the referral from their DM; the outbox tells the thread (or the DM).
  let before = harness.recorder.calls.length;
  await harness.sender.runOnce();
  record.triage.push(...harness.recorder.calls.slice(before));
  if (reference) {
    const moves = [`acknowledge ${reference}`, ...(index % 3 === 1 ? [`decline ${reference} because ${person.name} has moved out of the area`] : index % 3 === 2 ? [`accept ${reference} for lightbulb-home-safety-falls`, `close ${reference}: ${person.name} now has support arranged`] : [])];
    for (const [n, move] of moves.entries()) {
      await turn(directMessage(move, ev(`move${n}`), { user: triageUserId, channel: "D0TRIAGEDM" }), "D0TRIAGEDM", "chat.postMessage");
      before = harness.recorder.calls.length;
      await harness.sender.runOnce();
      record.statuses.push(...harness.recorder.calls.slice(before));
    }
  }

  // The referrer's own list, and an outdated-details report in the thread.
  record.listings.push(...(await turn(directMessage("my referrals", ev("list"), { user, channel: dm }), dm, "chat.postMessage")).calls);
  if (index % 2 === 0) await turn(mention("<@U0LAN0Z89> that first one's shut down", ev("outdated"), { ts: threadTs, user, channel }), channel, "chat.postMessage");
  return { ...(reference ? { reference } : {}), ...record };
}
