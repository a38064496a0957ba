// Slack's agent features on the real Bolt app and the real core, through signed HTTP requests built
// from Slack's documented payloads (test/fixtures/slack/SOURCE.md), against the recording server
// that speaks Slack's Web API: suggested prompts when a thread starts or the agent DM opens, a
// status before the answer in the thread, feedback buttons under it, and a press recorded with
// the services shown and the verdict only, acknowledged to the person alone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answeringStatus, suggestedPrompts } from "../../../src/channels/slack/agent-view.js";
import { slackUserId } from "../../../src/identity/user-id.js";
import { checkMessage } from "./support/block-kit-checks.js";
import { blocksIn, buttonsIn, headingsIn } from "./support/recorded-messages.js";
import { type SlackHarness, startSlackHarness } from "./support/slack-harness.js";
import { agentFixture, type FeedbackElement, feedbackPress, threadContextChanged, threadMessage, threadStarted } from "./support/agent-payloads.js";
import { directMessage, homeOpened, workspace } from "./support/slack-payloads.js";
import type { RecordedCall } from "./support/slack-api-recorder.js";

const started = agentFixture("event_callback.assistant_thread_started.docs.json").event as { assistant_thread: { channel_id: string; thread_ts: string } };
const threadEvent = agentFixture("event_callback.message_im_assistant_thread.bolt-python.json").event as { channel: string; thread_ts: string; user: string };
const question = "lonely widower in Loughborough";

let harness: SlackHarness;
beforeAll(async () => {
  harness = await startSlackHarness();
});
afterAll(async () => {
  for (const call of harness.recorder.calls.filter((c) => c.method.startsWith("chat."))) checkMessage(call.args);
  await harness.close();
});

function feedbackIn(call: RecordedCall | undefined): FeedbackElement[] {
  return blocksIn(call).flatMap((b) => (b.type === "context_actions" ? ((b as unknown as { elements: (FeedbackElement & { type: string })[] }).elements.filter((e) => e.type === "feedback_buttons")) : []));
}

/** Sends one thread message and returns the answer it got (and the calls made for it). */
async function ask(text: string, eventId: string, ts: string) {
  const before = harness.recorder.calls.length;
  const answer = harness.recorder.next("chat.postMessage");
  const body = threadMessage(text, eventId, { ts, event_ts: ts });
  const sent = await harness.send(body.raw, body.contentType);
  expect(sent.status).toBe(200);
  expect(sent.ms).toBeLessThan(3000); // acknowledged within Slack's 3 seconds, before the answer is worked out
  const call = await answer;
  return { call, calls: harness.recorder.calls.slice(before) };
}

describe("Signpost in Slack's assistant threads and agent DM", () => {
  it("sets the three suggested prompts on the thread Slack says was started", async () => {
    const prompts = harness.recorder.next("assistant.threads.setSuggestedPrompts");
    const body = threadStarted("EvThreadStarted1");
    expect((await harness.send(body.raw, body.contentType)).status).toBe(200);
    const call = await prompts;
    expect(call.args).toMatchObject({ channel_id: started.assistant_thread.channel_id, thread_ts: started.assistant_thread.thread_ts });
    const sent = (typeof call.args.prompts === "string" ? JSON.parse(call.args.prompts) : call.args.prompts) as { title: string; message: string }[];
    expect(sent.map((p) => p.message)).toEqual(["lonely and housebound", "log a referral", "my referrals"]);
    expect(sent).toEqual(suggestedPrompts);
    expect(harness.recorder.callsTo("chat.postMessage")).toEqual([]);
  });

  it("takes a context change without reading or writing anything in Slack", async () => {
    const before = harness.recorder.calls.length;
    const changed = threadContextChanged("EvContextChanged1");
    expect((await harness.send(changed.raw, changed.contentType)).status).toBe(200);
    // Then a second thread start: once its prompts arrive, the change before it has been handled.
    const prompts = harness.recorder.next("assistant.threads.setSuggestedPrompts");
    const again = threadStarted("EvThreadStarted2");
    expect((await harness.send(again.raw, again.contentType)).status).toBe(200);
    await prompts;
    expect(harness.recorder.calls.slice(before).map((c) => c.method)).toEqual(["assistant.threads.setSuggestedPrompts"]);
  });

  it("sets a status, then answers in the thread with service cards and feedback buttons", async () => {
    const { call, calls } = await ask(question, "EvThreadMessage1", "1726133700.900001");
    const methods = calls.map((c) => c.method);
    const status = calls.find((c) => c.method === "assistant.threads.setStatus");
    expect(status?.args).toMatchObject({ channel_id: threadEvent.channel, thread_ts: threadEvent.thread_ts, status: answeringStatus });
    expect(methods.indexOf("assistant.threads.setStatus")).toBeLessThan(methods.indexOf("chat.postMessage"));
    expect(call.args).toMatchObject({ channel: threadEvent.channel, thread_ts: threadEvent.thread_ts });
    expect(headingsIn(call)).toContain("Wreake Valley befriending");
    const [feedback] = feedbackIn(call);
    expect(feedback?.action_id).toBe("rate_answer");
    // The services the answer shows, as their "More about this" buttons name them, in order.
    const shown = buttonsIn(call).filter((b) => b.action_id === "details").map((b) => b.value);
    expect(shown.length).toBeGreaterThan(0);
    expect(feedback?.positive_button.value).toBe(`helpful|${shown.join(",")}`);
    expect(feedback?.negative_button.value).toBe(`not_helpful|${shown.join(",")}`);
  });

  it("records a press with the services shown and the verdict only, and thanks the person alone", async () => {
    await harness.db.deleteFrom("answer_verdicts").execute();
    const { call } = await ask(question, "EvThreadMessage2", "1726133700.900002");
    const [feedback] = feedbackIn(call);
    const shownIds = feedback!.positive_button.value.split("|")[1]!.split(",");
    const messages = harness.recorder.callsTo("chat.postMessage").length;
    const thanks = harness.recorder.next("chat.postEphemeral");
    const press = feedbackPress(feedback!, "positive", { channel: threadEvent.channel, messageTs: "1700000000.000050", threadTs: threadEvent.thread_ts, user: threadEvent.user });
    expect((await harness.send(press.raw, press.contentType)).status).toBe(200);
    const acknowledged = await thanks;
    expect(acknowledged.args).toMatchObject({ channel: threadEvent.channel, user: threadEvent.user, thread_ts: threadEvent.thread_ts });
    expect(acknowledged.args.text).toMatch(/^Thank you for the feedback/);

    const rows = await harness.db.selectFrom("answer_verdicts").selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ verdict: "helpful", channel: "slack", given_by: slackUserId(workspace, threadEvent.user) });
    expect(JSON.parse(rows[0]!.service_ids)).toEqual(shownIds);
    expect(Object.keys(rows[0]!).sort()).toEqual(["channel", "given_at", "given_by", "id", "service_ids", "verdict"]);
    for (const word of ["widower", "Loughborough", "lonely", "Wreake Valley"]) expect(JSON.stringify(rows)).not.toContain(word);
    expect(harness.recorder.callsTo("chat.postMessage")).toHaveLength(messages); // never a second answer
    expect(await harness.verdicts.list()).toEqual([expect.objectContaining({ verdict: "helpful", serviceIds: shownIds })]);
  });

  it("records Not helpful as its own verdict", async () => {
    await harness.db.deleteFrom("answer_verdicts").execute();
    const { call } = await ask("carer support in Melton", "EvThreadMessage3", "1726133700.900003");
    const [feedback] = feedbackIn(call);
    const thanks = harness.recorder.next("chat.postEphemeral");
    const press = feedbackPress(feedback!, "negative", { channel: threadEvent.channel, messageTs: "1700000000.000099", threadTs: threadEvent.thread_ts, user: threadEvent.user });
    expect((await harness.send(press.raw, press.contentType)).status).toBe(200);
    await thanks;
    const rows = await harness.db.selectFrom("answer_verdicts").select(["verdict"]).execute();
    expect(rows).toEqual([{ verdict: "not_helpful" }]);
  });

  it("leaves a top-level DM as it was: answered in the DM, with no status and no feedback buttons", async () => {
    const before = harness.recorder.calls.length;
    const answer = harness.recorder.next("chat.postMessage");
    const body = directMessage(question, "EvPlainDirect1");
    const sent = await harness.send(body.raw, body.contentType);
    expect(sent.status).toBe(200);
    expect(sent.ms).toBeLessThan(3000);
    const call = await answer;
    expect(call.args.thread_ts).toBeUndefined();
    expect(headingsIn(call)).toContain("Wreake Valley befriending");
    expect(feedbackIn(call)).toEqual([]);
    expect(harness.recorder.calls.slice(before).map((c) => c.method)).not.toContain("assistant.threads.setStatus");
  });

  it("sets the suggested prompts at the top of the agent DM when its Messages tab opens (agent_view)", async () => {
    const prompts = harness.recorder.next("assistant.threads.setSuggestedPrompts");
    const body = homeOpened("U0AGENTDM", "D0AGENTDM", "EvMessagesTab1", "messages");
    expect((await harness.send(body.raw, body.contentType)).status).toBe(200);
    const call = await prompts;
    expect(call.args.channel_id).toBe("D0AGENTDM");
    expect(call.args.thread_ts).toBeUndefined();
    const sent = (typeof call.args.prompts === "string" ? JSON.parse(call.args.prompts) : call.args.prompts) as unknown;
    expect(sent).toEqual(suggestedPrompts);
    expect(harness.recorder.callsTo("views.publish")).toEqual([]); // the Home tab is not published for the Messages tab
  });
});
