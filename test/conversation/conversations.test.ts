import { beforeAll, describe, expect, it } from "vitest";
import type { Bot } from "../../src/conversation/bot.js";
import { channelLimits } from "../../src/conversation/channel-limits.js";
import type { Reply } from "../../src/conversation/reply.js";
import type { FeedbackStore } from "../../src/feedback/feedback-store.js";
import type { RealCore } from "../support/load-real-directory.js";
import type { ManualClock } from "../support/manual-clock.js";
import { conversation, conversationTtlMs, realBot } from "../support/real-bot.js";

let bot: Bot;
let clock: ManualClock;
let feedback: FeedbackStore;
let core: RealCore;
beforeAll(async () => {
  ({ bot, clock, feedback, core } = await realBot());
});

const serviceOf = (id: string) => core.directory.services.find((s) => s.id === id)!;
const action = (reply: Reply, id: string) => reply.actions.find((a) => a.id === id) ?? reply.cards.flatMap((c) => c.actions).find((a) => a.id === id);

/** Every reply keeps within the strictest channel's limits, and every card says when it was verified. */
function checkLimits(reply: Reply): Reply {
  for (const paragraph of reply.text) expect(paragraph.length).toBeLessThanOrEqual(channelLimits.paragraph);
  expect(reply.cards.length).toBeLessThanOrEqual(channelLimits.cards);
  for (const card of reply.cards) {
    expect(card.lastVerified).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(card.lastVerifiedText).toMatch(/^\d{1,2} [A-Z][a-z]{2,3} \d{4}$/);
    expect(card.name.length).toBeLessThanOrEqual(channelLimits.heading);
  }
  for (const a of [...reply.actions, ...reply.cards.flatMap((c) => c.actions)]) {
    expect(a.label.length).toBeLessThanOrEqual(channelLimits.buttonLabel);
    expect(a.value.length).toBeLessThanOrEqual(channelLimits.buttonValue);
  }
  return reply;
}

describe("scripted conversations through bot.handle", () => {
  it("1. narrows a search to another area: 'only in Blaby'", async () => {
    const c = conversation(bot);
    const first = checkLimits(await c.say("lonely widower in Loughborough"));
    expect(first.cards.length).toBeGreaterThan(0);
    const second = checkLimits(await c.say("only in Blaby"));
    expect(second.text[0]).toMatch(/^Same needs as before, now in Blaby\./);
    expect(second.cards.length).toBeGreaterThan(0);
    for (const card of second.cards) {
      expect(card.areas.map((a) => a.id)).toContain("blaby");
      expect(card.needs.map((n) => n.id)).toContain("social-isolation");
    }
  });

  it("2. keeps the place for a new need: 'what about for his wife, she's his carer?'", async () => {
    const c = conversation(bot);
    await c.say("84 yr old gent in Shepshed keeps falling");
    const reply = checkLimits(await c.say("what about for his wife, she's his carer?"));
    expect(reply.text[0]).toMatch(/^Still looking in Charnwood, as before\./);
    expect(reply.cards.length).toBeGreaterThan(0);
    for (const card of reply.cards) {
      expect(card.needs.map((n) => n.id)).toContain("carers-support");
      expect(card.areas.map((a) => a.id)).toContain("charnwood");
    }
  });

  it("3. shows more, page by page, until everything has been shown", async () => {
    const c = conversation(bot);
    const first = await c.say("lonely");
    const seen = new Set(first.cards.map((card) => card.id));
    expect(first.cards).toHaveLength(5);
    let reply = checkLimits(await c.say("show more"));
    expect(reply.text[0]).toMatch(/^Here (?:is 1 more service|are \d more services) \(\d+ of \d+\)\./);
    for (const card of reply.cards) expect(seen.has(card.id)).toBe(false);
    for (let i = 0; i < 5 && reply.cards.length > 0; i++) reply = await c.say("any more?");
    expect(reply.text[0]).toMatch(/^That's everything I found/);
  });

  it("4. tells more about 'the second one', and 'the last one'", async () => {
    const c = conversation(bot);
    const list = await c.say("lonely in Melton");
    expect(list.cards.length).toBeGreaterThanOrEqual(2);
    const second = checkLimits(await c.say("tell me more about the second one"));
    expect(second.cards.map((card) => card.id)).toEqual([list.cards[1]!.id]);
    expect(second.cards[0]!.summary.length).toBeGreaterThanOrEqual(serviceOf(list.cards[1]!.id).description.replace(/\s+/g, " ").trim().length);
    const last = await c.say("the last one");
    expect(last.cards.map((card) => card.id)).toEqual([list.cards.at(-1)!.id]);
    // A list of one: asking for the second says so, rather than guessing.
    const single = conversation(bot);
    expect((await single.say("memory cafe in Melton")).cards).toHaveLength(1);
    expect((await single.say("tell me more about the second one")).text[0]).toBe("There is only 1 service in the last list.");
  });

  it("5. the Show more button works for its own list only", async () => {
    const c = conversation(bot);
    const first = await c.say("lonely");
    const oldButton = action(first, "show_more")!;
    const pressed = checkLimits(await c.press({ id: "show_more", value: oldButton.value }));
    expect(pressed.cards.length).toBeGreaterThan(0);
    await c.say("carers group in Melton");
    const stale = await c.press({ id: "show_more", value: oldButton.value });
    expect(stale.text[0]).toMatch(/^That list has expired/);
    expect(stale.cards).toEqual([]);
  });

  it("6. forgets a conversation after its expiry: buttons and follow-ups no longer act", async () => {
    const c = conversation(bot);
    const first = await c.say("lonely");
    clock.advance(conversationTtlMs + 1000);
    const pressed = await c.press({ id: "show_more", value: action(first, "show_more")!.value });
    expect(pressed.text[0]).toMatch(/^That list has expired/);
    const refined = await c.say("only in Blaby");
    expect(refined.text.join(" ")).not.toMatch(/Same needs as before/);
  });

  it("7. narrows to an area with a button when no place was named", async () => {
    const c = conversation(bot);
    const first = await c.say("help with heating bills");
    const rutland = first.actions.find((a) => a.id === "narrow_area" && a.label === "Only in Rutland")!;
    expect(rutland).toBeDefined();
    const narrowed = checkLimits(await c.press({ id: "narrow_area", value: rutland.value }));
    expect(narrowed.cards.length).toBeGreaterThan(0);
    for (const card of narrowed.cards) expect(card.areas.map((a) => a.id)).toContain("rutland");
    const bogus = await c.press({ id: "narrow_area", value: `${rutland.value.split("|")[0]}|narnia` });
    expect(bogus.text[0]).toMatch(/^(?:I don't know that area|That list has expired)/);
  });

  it("8. reports outdated details through a form, refusing an empty report", async () => {
    const c = conversation(bot);
    const list = await c.say("befriending in Oakham");
    const report = action(list, "report_outdated")!;
    const form = await c.press({ id: "report_outdated", value: report.value });
    expect(form.form?.fields.map((f) => f.name)).toEqual(["details"]);
    expect(form.form!.title.length).toBeLessThanOrEqual(channelLimits.formTitle);
    // The form's value says which form it is and which service it is about.
    expect(form.form?.value).toBe(`report_outdated:${report.value}`);
    const empty = await c.press({ id: "submit_form", value: form.form!.value, fields: { details: "   " } });
    expect(empty.form?.errors).toEqual({ details: "Please say what is wrong." });
    const before = (await feedback.list()).length;
    const sent = await c.press({ id: "submit_form", value: form.form!.value, fields: { details: "Moved to Tuesdays at the library" } });
    expect(sent.text[0]).toMatch(/^Thank you\. Your report about .* is recorded/);
    const reports = await feedback.list();
    expect(reports).toHaveLength(before + 1);
    expect(reports.at(-1)).toMatchObject({ serviceId: report.value, details: "Moved to Tuesdays at the library", channel: "web", reportedBy: "web:u-test" });
  });

  it("9. 'refer him' after a search opens the referral, pre-filled from the search", async () => {
    const c = conversation(bot);
    const list = await c.say("lonely gent in Coalville");
    const reply = await c.say("refer him");
    expect(reply.intent).toBe("make_referral");
    expect(reply.private).toBe(true);
    expect(reply.form?.id).toBe("referral");
    const value = (name: string) => reply.form!.fields.find((f) => f.name === name)?.value;
    expect(value("area")).toBe("north-west-leicestershire");
    expect(value("needs")).toBe("social-isolation");
    expect(list.cards.length).toBeGreaterThan(0);
  });

  it("10. an emergency mid-conversation gets the safety net, and the list survives it", async () => {
    const c = conversation(bot);
    await c.say("lonely");
    const urgent = await c.say("he just told me he wants to end it all");
    expect(urgent.urgent).toBe(true);
    expect(urgent.cards).toEqual([]);
    expect(urgent.text[0]).toMatch(/call 999/);
    const more = await c.say("show more");
    expect(more.cards.length).toBeGreaterThan(0);
  });

  it("11. buttons for unknown services and tampered values get plain replies", async () => {
    const c = conversation(bot);
    expect((await c.press({ id: "details", value: "no-such-service" })).text[0]).toMatch(/^I can't find that service/);
    expect((await c.press({ id: "report_outdated", value: "../../etc/passwd" })).text[0]).toMatch(/^I can't find that service/);
    expect((await c.press({ id: "show_more", value: "not-a-search" })).text[0]).toMatch(/^That list has expired/);
    expect((await c.press({ id: "submit_form", value: "report_outdated:no-such-service", fields: { details: "x" } })).text[0]).toMatch(/^I can't find that service/);
    // A value no form of Signpost's made, or a bare id: nothing is taken for either form.
    for (const value of ["no-such-service", "lightbulb-adaptations", "survey:1", "report_outdated:", ":"]) {
      expect((await c.press({ id: "submit_form", value, fields: { details: "x" } })).text[0]).toMatch(/^I don't recognise that form, so nothing was saved/);
    }
    expect((await c.press({ id: "submit_form", value: "referral:3f0c6b1e-0000-4000-8000-000000000000", fields: {} })).text[0]).toMatch(/^That referral form has expired/);
  });

  it("12. a new question after a list is a new search, not a follow-up", async () => {
    const c = conversation(bot);
    await c.say("lonely in Oakham");
    const reply = await c.say("house is freezing, lives in Hinckley");
    expect(reply.text[0]).not.toMatch(/as before/);
    for (const card of reply.cards) {
      expect(card.areas.map((a) => a.id)).toContain("hinckley-and-bosworth");
      expect(card.needs.map((n) => n.id)).toContain("affordable-warmth");
    }
  });
});
