// The real Bolt app, through signed HTTP requests as Slack sends them, on the
// real core: the slash command, a mention answered in its thread, a DM, a
// button round trip, the message shortcut, an emergency, a retried event
// answered once, and Signpost still starting. Every payload sent to the Web API is checked against Slack's limits.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkMessage } from "./support/block-kit-checks.js";
import { blocksIn, buttonsIn, headingsIn } from "./support/recorded-messages.js";
import { type SlackHarness, startSlackHarness } from "./support/slack-harness.js";
import { buttonPress, directMessage, mention, messageShortcut, slashCommand } from "./support/slack-payloads.js";
import { waitFor } from "../../support/run-process.js";

/** What the repeated-event middleware (src/channels/slack/seen-events.ts) logs when it drops a retry. */
const droppedRepeat = "Slack event already handled, here or on another instance; dropped";

let harness: SlackHarness;
beforeAll(async () => {
  harness = await startSlackHarness();
});
afterAll(async () => {
  for (const call of harness.recorder.calls.filter((c) => c.method.startsWith("chat."))) checkMessage(call.args);
  await harness.close();
});

describe("the Slack app on the real core", () => {
  it("answers /signpost privately with Block Kit service cards, after acknowledging at once", async () => {
    const body = slashCommand({ text: "lonely widower in Loughborough" });
    const answer = harness.recorder.next("chat.postEphemeral");
    const sent = await harness.send(body.raw, body.contentType);
    expect(sent.status).toBe(200);
    expect(sent.text).toBe("");
    expect(sent.ms).toBeLessThan(3000);
    const call = await answer;
    expect(call.args).toMatchObject({ channel: "C2147483705", user: "U2147483697" });
    expect(headingsIn(call)).toContain("Wreake Valley befriending");
    expect(JSON.stringify(call.args.blocks)).toContain("Last verified 14 Mar 2026");
    expect(buttonsIn(call).map((b) => b.action_id)).toEqual(expect.arrayContaining(["refer", "details", "report_outdated"]));
    expect(harness.recorder.callsTo("chat.postMessage")).toEqual([]); // nothing in the channel itself
  });

  it("answers a mention in the mention's thread, with the mention removed", async () => {
    const answer = harness.recorder.next("chat.postMessage");
    const body = mention("<@U0LAN0Z89> lonely and isolated", "EvMention1");
    expect((await harness.send(body.raw, body.contentType)).status).toBe(200);
    const call = await answer;
    expect(call.args).toMatchObject({ channel: "C123ABC456", thread_ts: "1515449522.000016" });
    expect(headingsIn(call).length).toBe(5);
    expect(buttonsIn(call).map((b) => b.action_id)).toContain("show_more");
  });

  it("round-trips a button: Show more from that thread answers in the thread with the next services", async () => {
    const posted = harness.recorder.callsTo("chat.postMessage").at(-1);
    const showMore = buttonsIn(posted).find((b) => b.action_id === "show_more")!;
    expect(showMore.block_id).toBe("sp|5|C123ABC456:1515449522.000016");
    const answer = harness.recorder.next("chat.postMessage");
    const press = buttonPress(showMore, { channel: "C123ABC456", messageTs: "1700000000.000001", threadTs: "1515449522.000016" });
    const sent = await harness.send(press.raw, press.contentType);
    expect(sent.status).toBe(200);
    const call = await answer;
    expect(call.args).toMatchObject({ channel: "C123ABC456", thread_ts: "1515449522.000016" });
    expect(call.args.text).toMatch(/more service/);
    expect(headingsIn(call).length).toBeGreaterThan(0);
    expect(headingsIn(call)).not.toEqual(headingsIn(posted));
  });

  it("round-trips a card's button pressed on an ephemeral answer: the details come back ephemerally", async () => {
    const first = harness.recorder.callsTo("chat.postEphemeral")[0];
    const details = buttonsIn(first).find((b) => b.action_id === "details")!;
    const answer = harness.recorder.next("chat.postEphemeral");
    const press = buttonPress(details, { channel: "C2147483705", messageTs: "1700000000.000002", ephemeral: true, user: "U2147483697" });
    expect((await harness.send(press.raw, press.contentType)).status).toBe(200);
    const call = await answer;
    expect(call.args).toMatchObject({ channel: "C2147483705", user: "U2147483697" });
    expect(call.args.text).toMatch(/in full/);
  });

  it("answers a direct message in the DM", async () => {
    const answer = harness.recorder.next("chat.postMessage");
    const body = directMessage("lonely widower in Loughborough", "EvDirect1");
    expect((await harness.send(body.raw, body.contentType)).status).toBe(200);
    const call = await answer;
    expect(call.args.channel).toBe("D024BE91L");
    expect(call.args.thread_ts).toBeUndefined();
    expect(headingsIn(call)).toContain("Wreake Valley befriending");
  });

  it("puts an emergency first in its own section, with no cards", async () => {
    const answer = harness.recorder.next("chat.postMessage");
    const body = mention("<@U0LAN0Z89> lonely and he said he wants to kill himself tonight", "EvUrgent1", { ts: "1515449600.000001" });
    expect((await harness.send(body.raw, body.contentType)).status).toBe(200);
    const call = await answer;
    const [first] = blocksIn(call);
    expect(first?.type).toBe("section");
    expect(first?.text?.text).toMatch(/^:rotating_light: \*This sounds like an emergency.*999/);
    expect(headingsIn(call)).toEqual([]);
    expect(call.args.thread_ts).toBe("1515449600.000001");
  });

  it("answers a retried event (X-Slack-Retry-Num: 1, same event_id) once", async () => {
    const before = harness.recorder.callsTo("chat.postMessage").length;
    const body = mention("<@U0LAN0Z89> carer support", "EvRetried1", { ts: "1515449700.000001" });
    expect((await harness.send(body.raw, body.contentType)).status).toBe(200);
    const logged = harness.lines().length;
    const retry = await harness.send(body.raw, body.contentType, { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" });
    expect(retry.status).toBe(200);
    await harness.recorder.waitFor("chat.postMessage", before + 1);
    // The retry was dropped before any listener saw it (as a replayed signature when it is sent within the same second,
    // else as an event already handled), and said so: it can answer nothing later.
    const dropped = (line: Record<string, unknown>) => line.msg === "Slack request replayed; dropped" || (line.msg === droppedRepeat && line.eventId === "EvRetried1");
    await waitFor(() => Promise.resolve(harness.lines().slice(logged).some(dropped) ? true : undefined));
    expect(harness.recorder.callsTo("chat.postMessage").length).toBe(before + 1);
  });

  it("finds services for a message through the message shortcut, privately in its thread", async () => {
    const answer = harness.recorder.next("chat.postEphemeral");
    const body = messageShortcut("find_services", "<@W222> can we find something for a lonely widower in Loughborough?");
    const sent = await harness.send(body.raw, body.contentType);
    expect(sent.status).toBe(200);
    const call = await answer;
    expect(call.args).toMatchObject({ channel: "C111", user: "W111", thread_ts: "1583636382.000300" });
    expect(headingsIn(call)).toContain("Wreake Valley befriending");
  });

  it("tells the person plainly, and privately, while Signpost is still starting", async () => {
    harness.setReady(false);
    try {
      const answer = harness.recorder.next("chat.postEphemeral");
      const body = mention("<@U0LAN0Z89> lonely and isolated", "EvStarting1", { ts: "1515449800.000001" });
      expect((await harness.send(body.raw, body.contentType)).status).toBe(200);
      const call = await answer;
      expect(call.args).toMatchObject({ channel: "C123ABC456", user: "U061F7AUR", thread_ts: "1515449800.000001" });
      expect(call.args.text).toMatch(/still starting up/);
    } finally {
      harness.setReady(true);
    }
  });

  it("logs nothing anyone typed", () => {
    const log = JSON.stringify(harness.lines());
    expect(log).not.toMatch(/widower|kill himself|carer support/);
  });
});
