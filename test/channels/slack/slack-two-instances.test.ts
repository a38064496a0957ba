// The Slack channel as two instances behind a load balancer: two real Bolt apps, each on its own
// server, recorder and connection pool, sharing one PostgreSQL database. An event delivered to A
// and retried to B is answered once; a captured request replayed to B after A answered it is
// dropped; an "Open the form" button A offered opens its modal when pressed on B; a modal A opened
// is submitted on B and the referral is stored once, with "already sent" when it comes again to A.
import { describe, expect, it } from "vitest";
import { useTwoInstances } from "../../support/databases.js";
import { waitFor } from "../../support/run-process.js";
import { syntheticPeople } from "../../support/synthetic-referral.js";
import { buttonsIn } from "./support/recorded-messages.js";
import { type SlackHarness, startSlackHarness } from "./support/slack-harness.js";
import { buttonPress, globalShortcut, mention, slashCommand, viewSubmission } from "./support/slack-payloads.js";

type Json = Record<string, unknown>;

const two = useTwoInstances((database) => startSlackHarness({ database }));

/** Resolves once `harness` has logged `message`, or fails after the deadline. */
const logged = (harness: SlackHarness, message: string) => waitFor(() => Promise.resolve(harness.lines().some((line) => line.msg === message) ? true : undefined), 10_000);

describe("two Slack instances on one database", () => {
  it("answers an event delivered to A and retried to B once", async () => {
    const { a, b } = two;
    const body = mention("<@U0LAN0Z89> carer support in Melton", "EvTwoInstances1", { ts: "1515449800.000001" });
    const sentAt = Math.floor(Date.now() / 1000);
    const answered = a.recorder.next("chat.postMessage");
    expect((await a.send(body.raw, body.contentType, {}, String(sentAt))).status).toBe(200);
    await answered;
    // Slack's retry is a new request (a later timestamp, so a new signature) carrying the same event.
    const retry = await b.send(body.raw, body.contentType, { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" }, String(sentAt + 1));
    expect(retry.status).toBe(200);
    await logged(b, "Slack event already handled, here or on another instance; dropped");
    expect(b.recorder.callsTo("chat.postMessage")).toHaveLength(0);
    expect(a.recorder.callsTo("chat.postMessage")).toHaveLength(1);
  });

  it("drops a captured request replayed to B after A answered it", async () => {
    const { a, b } = two;
    const captured = slashCommand({ text: "lonely widower in Loughborough" });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const answered = a.recorder.next("chat.postEphemeral");
    expect((await a.send(captured.raw, captured.contentType, {}, timestamp)).status).toBe(200);
    await answered;
    const replay = await b.send(captured.raw, captured.contentType, {}, timestamp);
    expect(replay).toMatchObject({ status: 200, text: "" });
    await logged(b, "Slack request replayed; dropped");
    expect(b.recorder.callsTo("chat.postEphemeral")).toHaveLength(0);
  });

  it("opens on B the form A offered with an Open the form button", async () => {
    const { a, b } = two;
    const offered = a.recorder.next("chat.postEphemeral");
    const ask = mention("<@U0LAN0Z89> refer mrs p to first contact for a home safety check, shes consented", "EvTwoInstances2", { ts: "1515449900.000002", user: "U0OTHER" });
    await a.send(ask.raw, ask.contentType);
    const open = buttonsIn(await offered).find((button) => button.action_id === "open_form")!;
    const modal = b.recorder.next("views.open");
    const press = buttonPress(open, { channel: "C123ABC456", messageTs: "1700000000.000400", ephemeral: true, user: "U0OTHER", triggerId: "888.999.open" });
    await b.send(press.raw, press.contentType);
    const call = await modal;
    expect(call.args.trigger_id).toBe("888.999.open");
    const needs = (call.args.view as { blocks: Json[] }).blocks.find((block) => block.block_id === "needs")?.element as Json;
    expect(needs.initial_options).toEqual([{ text: { type: "plain_text", text: "Home safety and repairs", emoji: true }, value: "home-safety" }]);
  });

  it("stores a referral once from a modal A opened and B was sent, and says so when it comes to A again", async () => {
    const { a, b } = two;
    const modal = a.recorder.next("views.open");
    const shortcut = globalShortcut("log_referral");
    await a.send(shortcut.raw, shortcut.contentType);
    const opened = (await modal).args.view as Json;
    const referral = { person: syntheticPeople[1], phone: "01164960556", age: "79", area: "melton", needs: ["home-safety"], whatMatters: "Staying safe at home", urgency: "routine", consent: true };
    const confirmation = b.recorder.next("chat.postMessage");
    const submitted = viewSubmission(opened, referral, "W111");
    expect(JSON.parse((await b.send(submitted.raw, submitted.contentType)).text)).toEqual({ response_action: "clear" });
    expect((await confirmation).args.text).toMatch(/Referral FC-[0-9A-Z]{6} has been sent to First Contact Plus/);
    const again = a.recorder.next("chat.postMessage");
    const resent = viewSubmission(opened, referral, "W111", "111.333.again");
    expect(JSON.parse((await a.send(resent.raw, resent.contentType)).text)).toEqual({ response_action: "clear" });
    expect((await again).args.text).toMatch(/already sent/);
    const stored = await a.db.selectFrom("referrals").select("person").execute();
    expect(stored).toEqual([{ person: syntheticPeople[1] }]);
  });
});
