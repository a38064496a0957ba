// Referrals from Slack, end to end on the real core and the real outbox: the
// global shortcut opens the referral modal; a submission with missing fields
// gets `response_action: errors` on the right blocks; a good one closes the
// modal, stores the referral once and confirms it privately. From a service
// card in a public thread the confirmation is ephemeral, the triage channel
// gets the details, and status changes go back to the thread without them.
// App Home lists the person's referrals. (Forms opened without a trigger id: slack-forms.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkMessage, checkModal } from "./support/block-kit-checks.js";
import { buttonsIn, headingsIn } from "./support/recorded-messages.js";
import { type SlackHarness, startSlackHarness, triageChannel, triageUserId } from "./support/slack-harness.js";
import { buttonPress, directMessage, globalShortcut, homeOpened, mention, viewSubmission } from "./support/slack-payloads.js";
import { syntheticPeople } from "../../support/synthetic-referral.js";

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

async function referralCount(): Promise<number> {
  const row = await harness.db.selectFrom("referrals").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

const goodReferral = {
  person: syntheticPeople[0],
  phone: "01164960555",
  age: "84",
  area: "charnwood",
  needs: ["home-safety"],
  whatMatters: "Staying warm and safe at home",
  urgency: "routine",
  consent: true,
};

describe("the referral global shortcut", () => {
  let opened: Json;

  it("opens the referral form as a modal with the shortcut's trigger id, in the person's DM conversation", async () => {
    const modal = harness.recorder.next("views.open");
    const body = globalShortcut("log_referral", "111.111.first");
    expect((await harness.send(body.raw, body.contentType)).status).toBe(200);
    const call = await modal;
    expect(harness.recorder.callsTo("conversations.open")[0]?.args).toMatchObject({ users: "W111" });
    expect(call.args.trigger_id).toBe("111.111.first");
    opened = call.args.view as Json;
    expect(opened).toMatchObject({ type: "modal", callback_id: "signpost_form", title: { text: "Refer to First Contact" } });
    const inputs = (opened.blocks as Json[]).filter((b) => b.type === "input").map((b) => [b.block_id, (b.element as Json).type]);
    expect(inputs).toEqual(
      expect.arrayContaining([
        ["person", "plain_text_input"],
        ["address", "plain_text_input"],
        ["area", "static_select"],
        ["needs", "multi_static_select"],
        ["urgency", "static_select"],
        ["consent", "checkboxes"],
      ]),
    );
  });

  it("says what is really needed: one way to contact them and an age or date of birth, each group introduced as needed before its fields", () => {
    const blocks = opened.blocks as Json[];
    const at = (blockId: string) => blocks.findIndex((b) => b.block_id === blockId);
    const label = (blockId: string) => ((blocks[at(blockId)]!.label as Json).text as string);
    const textOf = (blockId: string) => ((blocks[at(blockId)]!.text as Json).text as string);
    // Slack adds "(optional)" to every optional input itself: the group's heading, just before its first field, says one of them is needed.
    expect(at("signpost-group-contact")).toBe(at("phone") - 1);
    expect(textOf("signpost-group-contact")).toMatch(/^\*One way to contact them: one is needed\*\nGive at least one: a phone number, an email or an address\. Slack marks each of these optional because any one of them will do\.$/);
    expect(at("signpost-group-ageOrDateOfBirth")).toBe(at("age") - 1);
    expect(textOf("signpost-group-ageOrDateOfBirth")).toMatch(/^\*Their age or date of birth: one is needed\*\nGive one of the two\./);
    for (const field of ["phone", "email", "address"]) expect(label(field)).toMatch(/ \(one way to contact them\)$/);
    for (const field of ["age", "dateOfBirth"]) expect(label(field)).toMatch(/ \(their age or date of birth\)$/);
    // Needed fields are not optional to Slack; the truly optional ones are, and no label says "(optional)" twice.
    const optional = blocks.filter((b) => b.type === "input" && b.optional === true).map((b) => b.block_id);
    expect(optional.sort()).toEqual(["address", "age", "contactWhen", "dateOfBirth", "email", "nhsNumber", "phone"]);
    expect(JSON.stringify(blocks)).not.toContain("(optional)");
  });

  it("shows the core's field errors against the right blocks, and stores nothing", async () => {
    const body = viewSubmission(opened, { ...goodReferral, person: "", consent: false }, "W111");
    const sent = await harness.send(body.raw, body.contentType);
    expect(sent.status).toBe(200);
    const response = JSON.parse(sent.text) as { response_action: string; errors: Record<string, string> };
    expect(response.response_action).toBe("errors");
    expect(Object.keys(response.errors).sort()).toEqual(["consent", "person"]);
    expect(response.errors.consent).toMatch(/agreed/);
    expect(await referralCount()).toBe(0);
  });

  it("closes the modal on a good submission, stores the referral once and confirms it in the DM", async () => {
    const confirmation = harness.recorder.next("chat.postMessage");
    const body = viewSubmission(opened, goodReferral, "W111");
    const sent = await harness.send(body.raw, body.contentType);
    expect(JSON.parse(sent.text)).toEqual({ response_action: "clear" });
    const call = await confirmation;
    expect(call.args.channel).toBe("D0DMW111");
    expect(call.args.text).toMatch(/Referral FC-[0-9A-Z]{6} has been sent to First Contact Plus/);
    expect(await referralCount()).toBe(1);

    // Sent again (a double press): another interaction, with its own trigger id.
    const again = harness.recorder.next("chat.postMessage");
    const second = viewSubmission(opened, goodReferral, "W111", "111.222.again");
    const resent = await harness.send(second.raw, second.contentType);
    expect(JSON.parse(resent.text)).toEqual({ response_action: "clear" });
    expect((await again).args.text).toMatch(/already sent/);
    expect(await referralCount()).toBe(1);
  });
});

describe("a referral from a service card in a public thread", () => {
  let reference = "";

  it("opens the modal from the card's Refer button and confirms privately, never in the thread", async () => {
    const answer = harness.recorder.next("chat.postMessage");
    const ask = mention("<@U0LAN0Z89> falls and a cold house in Loughborough", "EvReferThread1", { ts: "1515449800.000001", user: "U0REFERRER" });
    await harness.send(ask.raw, ask.contentType);
    const posted = await answer;
    const refer = buttonsIn(posted).find((b) => b.action_id === "refer")!;
    const modal = harness.recorder.next("views.open");
    const press = buttonPress(refer, { channel: "C123ABC456", messageTs: "1700000000.000100", threadTs: "1515449800.000001", user: "U0REFERRER", triggerId: "222.333.refer" });
    expect((await harness.send(press.raw, press.contentType)).status).toBe(200);
    const open = await modal;
    expect(open.args.trigger_id).toBe("222.333.refer");
    const view = open.args.view as Json;

    const confirmation = harness.recorder.next("chat.postEphemeral");
    const postsBefore = harness.recorder.callsTo("chat.postMessage").length;
    const submit = viewSubmission(view, { ...goodReferral, person: syntheticPeople[1] }, "U0REFERRER");
    expect(JSON.parse((await harness.send(submit.raw, submit.contentType)).text)).toEqual({ response_action: "clear" });
    const call = await confirmation;
    expect(call.args).toMatchObject({ channel: "C123ABC456", user: "U0REFERRER", thread_ts: "1515449800.000001" });
    reference = /FC-[0-9A-Z]{6}/.exec(String(call.args.text))?.[0] ?? "";
    expect(reference).not.toBe("");
    expect(harness.recorder.callsTo("chat.postMessage").length).toBe(postsBefore);
  });

  it("tells the triage channel the details, and the thread only the status when triage moves it", async () => {
    const triage = harness.recorder.next("chat.postMessage");
    await harness.sender.runOnce();
    const toTriage = harness.recorder.callsTo("chat.postMessage").filter((c) => c.args.channel === triageChannel);
    expect(JSON.stringify(toTriage.map((c) => c.args))).toContain(syntheticPeople[1]);
    await triage;

    const done = harness.recorder.next("chat.postMessage");
    const move = directMessage(`acknowledge ${reference}`, "EvTriageMove1", { user: triageUserId, channel: "D0TRIAGEDM" });
    await harness.send(move.raw, move.contentType);
    expect((await done).args.text).toMatch(/Done/);

    const status = harness.recorder.next("chat.postMessage");
    await harness.sender.runOnce();
    const call = await status;
    expect(call.args).toMatchObject({ channel: "C123ABC456", thread_ts: "1515449800.000001" });
    expect(call.args.text).toContain(reference);
    expect(JSON.stringify(call.args)).not.toContain(syntheticPeople[1]);
  });

  it("lists the person's referrals and their status on App Home", async () => {
    const publish = harness.recorder.next("views.publish");
    const body = homeOpened("U0REFERRER", "D0HOME", "EvHome1");
    await harness.send(body.raw, body.contentType);
    const call = await publish;
    expect(call.args.user_id).toBe("U0REFERRER");
    const view = JSON.stringify(call.args.view);
    expect(view).toContain("Your recent referrals");
    expect(view).toContain(reference);
    expect(view).toContain("acknowledged");
    expect(view).not.toContain(syntheticPeople[1]);
  });
});

describe("where First Contact Plus does not cover where the person lives", () => {
  it("puts no Refer to First Contact button on cards for Rutland, but one naming Rutland's front door, which opens its card", async () => {
    const answer = harness.recorder.next("chat.postMessage");
    const ask = mention("<@U0LAN0Z89> lonely widower in Oakham", "EvRutlandCards1", { ts: "1515449900.000001", user: "U0RUTLAND" });
    await harness.send(ask.raw, ask.contentType);
    const posted = await answer;
    expect(headingsIn(posted).length).toBeGreaterThan(0);
    const buttons = buttonsIn(posted);
    expect(buttons.filter((b) => b.action_id.startsWith("refer"))).toEqual([]);
    expect(JSON.stringify(posted.args)).not.toContain("Refer to First Contact");
    const doors = buttons.filter((b) => b.value === "rutland-front-door");
    expect(doors).toHaveLength(headingsIn(posted).length);
    for (const door of doors) expect(door.text).toMatchObject({ type: "plain_text", text: "Rutland's front door: Rutland Wayfinder" });
    expect(JSON.stringify(posted.args)).toMatch(/For someone who lives in Rutland, the front door is Rutland Wayfinder \(01632 960700\)/);

    const shown = harness.recorder.next("chat.postMessage");
    const press = buttonPress(doors[0]!, { channel: "C123ABC456", messageTs: "1700000000.000200", threadTs: "1515449900.000001", user: "U0RUTLAND" });
    expect((await harness.send(press.raw, press.contentType)).status).toBe(200);
    const card = await shown;
    expect(headingsIn(card)).toEqual(["Rutland Wayfinder"]);
    expect(JSON.stringify(card.args)).toContain("01632 960700");
    expect(buttonsIn(card).filter((b) => b.action_id.startsWith("refer"))).toEqual([]);
  });

  it("keeps Refer to First Contact on cards for a Leicestershire district", async () => {
    const answer = harness.recorder.next("chat.postMessage");
    const ask = mention("<@U0LAN0Z89> lonely widower in Melton Mowbray", "EvMeltonCards1", { ts: "1515449950.000001", user: "U0MELTON" });
    await harness.send(ask.raw, ask.contentType);
    const posted = await answer;
    const refer = buttonsIn(posted).filter((b) => b.action_id.startsWith("refer"));
    expect(refer).toHaveLength(headingsIn(posted).length);
    for (const button of refer) expect(button.text).toMatchObject({ text: "Refer to First Contact" });
  });

  it("refuses a modal sent for someone in Rutland, with the sentence on the area block, and stores nothing", async () => {
    const modal = harness.recorder.next("views.open");
    const shortcut = globalShortcut("log_referral");
    await harness.send(shortcut.raw, shortcut.contentType);
    const view = (await modal).args.view as Json;
    const before = await referralCount();
    const body = viewSubmission(view, { ...goodReferral, person: syntheticPeople[2], area: "rutland" }, "W111", "111.333.rutland");
    const response = JSON.parse((await harness.send(body.raw, body.contentType)).text) as { response_action: string; errors: Record<string, string> };
    expect(response.response_action).toBe("errors");
    expect(Object.keys(response.errors)).toEqual(["area"]);
    expect(response.errors.area).toMatch(/^First Contact Plus covers Leicestershire's seven districts, not Rutland, so it can't take a referral .*Rutland Wayfinder \(01632 960700\)/);
    expect(await referralCount()).toBe(before);
  });
});
