// Forms where Slack gives no trigger id (a mention): the reply offers an "Open
// the form" button whose press opens the modal, pre-filled from what the core
// understood. And the "Report outdated details" form: an empty report refused
// on its field, a real one recorded once and thanked privately.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkMessage, checkModal } from "./support/block-kit-checks.js";
import { buttonsIn } from "./support/recorded-messages.js";
import { type SlackHarness, startSlackHarness } from "./support/slack-harness.js";
import { buttonPress, mention, viewSubmission } from "./support/slack-payloads.js";

type Json = Record<string, unknown>;

let harness: SlackHarness;
beforeAll(async () => {
  harness = await startSlackHarness();
});
afterAll(async () => {
  for (const call of harness.recorder.calls) {
    if (call.method.startsWith("chat.")) checkMessage(call.args);
    if (call.method === "views.open") checkModal(call.args.view as Json);
  }
  await harness.close();
});

describe("forms where Slack gives no trigger id", () => {
  it("offers an Open the form button on a mention, which opens the modal when pressed", async () => {
    const answer = harness.recorder.next("chat.postEphemeral");
    const ask = mention("<@U0LAN0Z89> refer mrs p to first contact for a home safety check, shes consented", "EvReferMention1", { ts: "1515449900.000001", user: "U0OTHER" });
    await harness.send(ask.raw, ask.contentType);
    const posted = await answer;
    expect(posted.args).toMatchObject({ channel: "C123ABC456", user: "U0OTHER", thread_ts: "1515449900.000001" });
    const open = buttonsIn(posted).find((b) => b.action_id === "open_form")!;
    const modal = harness.recorder.next("views.open");
    const press = buttonPress(open, { channel: "C123ABC456", messageTs: "1700000000.000200", ephemeral: true, user: "U0OTHER", triggerId: "444.555.open" });
    await harness.send(press.raw, press.contentType);
    const call = await modal;
    expect(call.args.trigger_id).toBe("444.555.open");
    const blocks = (call.args.view as { blocks: Json[] }).blocks;
    // Pre-filled from what the core understood: the need, in its group. The message said she has consented,
    // but the agreement box is never ticked for the referrer: they tick it in the modal.
    const element = (id: string) => blocks.find((b) => b.block_id === id)?.element as Json;
    expect(element("needs").initial_options).toEqual([{ text: { type: "plain_text", text: "Home safety and repairs", emoji: true }, value: "home-safety" }]);
    expect((element("needs").option_groups as { label: { text: string } }[]).map((g) => g.label.text)).toContain("Home and housing");
    expect(element("consent").initial_options).toBeUndefined();
    expect(JSON.stringify(blocks)).toContain("please tick");
  });

  it("reports outdated details through a modal: an empty report is refused on its field, a real one thanked privately", async () => {
    const answer = harness.recorder.next("chat.postMessage");
    const ask = mention("<@U0LAN0Z89> lonely and isolated", "EvOutdated1", { ts: "1515450000.000001" });
    await harness.send(ask.raw, ask.contentType);
    const report = buttonsIn(await answer).find((b) => b.action_id === "report_outdated")!;
    const modal = harness.recorder.next("views.open");
    const press = buttonPress(report, { channel: "C123ABC456", messageTs: "1700000000.000300", threadTs: "1515450000.000001", triggerId: "666.777.report" });
    await harness.send(press.raw, press.contentType);
    const view = (await modal).args.view as Json;
    const empty = viewSubmission(view, { details: "" });
    expect(JSON.parse((await harness.send(empty.raw, empty.contentType)).text)).toMatchObject({ response_action: "errors", errors: { details: "Please say what is wrong." } });
    const thanks = harness.recorder.next("chat.postEphemeral");
    const real = viewSubmission(view, { details: "The phone number has changed." });
    expect(JSON.parse((await harness.send(real.raw, real.contentType)).text)).toEqual({ response_action: "clear" });
    expect((await thanks).args.text).toMatch(/Thank you/);
    expect(await harness.feedback.list()).toHaveLength(1);
  });
});
