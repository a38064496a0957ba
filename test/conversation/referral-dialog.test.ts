import { beforeAll, describe, expect, it } from "vitest";
import type { Bot } from "../../src/conversation/bot.js";
import type { Reply } from "../../src/conversation/reply.js";
import type { InboxStore } from "../../src/notifications/inbox-store.js";
import type { OutboxSender } from "../../src/notifications/outbox-sender.js";
import type { ReferralDesk } from "../../src/referrals/referral-desk.js";
import type { ManualClock } from "../support/manual-clock.js";
import type { Directory } from "../../src/directory/directory.js";
import { outsideFirstContact } from "../../src/directory/front-doors.js";
import { conversation, conversationTtlMs, realBot } from "../support/real-bot.js";
import { syntheticNhsNumbers, syntheticPeople } from "../support/synthetic-referral.js";
import { triageUserId } from "../support/test-referrals.js";

let bot: Bot;
let clock: ManualClock;
let referrals: ReferralDesk;
let inbox: InboxStore;
let sender: OutboxSender;
let directory: Directory;
beforeAll(async () => {
  let core: { directory: Directory };
  ({ bot, clock, referrals, inbox, sender, core } = await realBot());
  directory = core.directory;
});

const terminal = (userId = "u-sam") => conversation(bot, `t-${Math.random().toString(36).slice(2)}`, { channel: "terminal", userId });
const web = (userId = "u-sam") => conversation(bot, `w-${Math.random().toString(36).slice(2)}`, { channel: "web", userId });
/** A person's own referrals, from whichever of the two channels these tests use (ids are namespaced by channel). */
const mine = async (userId: string) => {
  const own = (id: string) => referrals.list({ userId: id, channel: "web", conversationId: "x" }, { scope: "mine", openOnly: false });
  return [...(await own(`web:${userId}`)), ...(await own(`terminal:${userId}`))];
};
const referenceIn = (reply: Reply) => /FC-[0-9A-HJKMNP-TV-Z]{6}/.exec(reply.text.join(" "))?.[0];

/** A complete, valid form for the referral form's fields. */
const goodForm = (overrides: Record<string, string> = {}): Record<string, string> => ({
  person: syntheticPeople[1],
  phone: "0116 496 0777",
  contactWhen: "afternoons",
  age: "79",
  nhsNumber: syntheticNhsNumbers[1],
  area: "charnwood",
  needs: "home-safety,affordable-warmth",
  whatMatters: "Feeling safe at home",
  urgency: "routine",
  consent: "true",
  ...overrides,
});

describe("the referral dialog, question by question (terminal)", () => {
  it("asks only for what is missing, validates each answer, confirms, then stores", async () => {
    const c = terminal("u-dialog");
    const first = await c.say(`refer ${syntheticPeople[0].split(" ")[0]} to First Contact for a home safety check and her cold house, she lives in Shepshed`);
    expect(first.private).toBe(true);
    expect(first.text.join(" ")).toMatch(/Nothing is saved until you confirm/);
    // The message gave needs and place but no titled name, so the name is asked first.
    expect(first.text.join(" ")).toMatch(/What is the person's name/);
    const reply = await c.say(syntheticPeople[0]);
    expect(reply.text.join(" ")).toMatch(/How old are they/);
    expect((await c.say("very old")).text.join(" ")).toMatch(/^Please give the age as a number/);
    expect((await c.say("84")).text.join(" ")).toMatch(/How can First Contact Plus reach them/);
    expect((await c.say("0116 496 0123")).text.join(" ")).toMatch(/When is best/);
    expect((await c.say("mornings")).text.join(" ")).toMatch(/what matters most/);
    expect((await c.say("Staying warm and safe at home")).text.join(" ")).toMatch(/routine, or should they be seen soon/);
    expect((await c.say("soon please")).text.join(" ")).toMatch(/NHS number/);
    expect((await c.say("999 000 0000")).text.join(" ")).toMatch(/doesn't pass its check digit/);
    expect((await c.say(syntheticNhsNumbers[0])).text.join(" ")).toMatch(/Has the person agreed/);
    const summary = await c.say("yes they agreed");
    expect(summary.text.join("\n")).toMatch(/Person: Zephyrine Quillfeather[\s\S]*Lives in: Charnwood[\s\S]*Needs: .*Home safety/);
    expect(await mine("u-dialog")).toEqual([]);
    const done = await c.say("yes");
    const reference = referenceIn(done);
    expect(reference).toBeDefined();
    const stored = await mine("u-dialog");
    expect(stored.map((r) => r.reference)).toEqual([reference]);
    expect(stored[0]).toMatchObject({ person: syntheticPeople[0], age: 84, area: "charnwood", urgency: "soon", nhsNumber: syntheticNhsNumbers[0], contact: { phone: "01164960123", when: "mornings" } });
    expect(stored[0]!.needs).toEqual(expect.arrayContaining(["home-safety", "affordable-warmth"]));
    expect(stored[0]!.consent.confirmedBy).toBe("terminal:u-dialog");
  });

  it("stores nothing when the person has not agreed", async () => {
    const c = terminal("u-refused");
    const answers: [RegExp, string][] = [
      [/name/, "Mrs P"],
      [/Where do they live/, "Market Harborough"],
      [/need help with/, "lonely"],
      [/How old/, "80"],
      [/reach them/, "01632 960444"],
      [/When is best/, "any time"],
      [/what matters most/, "Having company"],
      [/routine, or/, "routine"],
      [/NHS number/, "skip"],
    ];
    let reply = await c.say("refer Mrs P to First Contact, she is lonely");
    for (let turn = 0; turn < 12 && !/Has the person agreed/.test(reply.text.join(" ")); turn++) {
      const answer = answers.find(([question]) => question.test(reply.text.join(" ")));
      if (!answer) throw new Error(`unexpected question: ${reply.text.join(" ")}`);
      reply = await c.say(answer[1]);
    }
    expect(reply.text.join(" ")).toMatch(/Has the person agreed/);
    const refused = await c.say("no, she hasn't agreed yet");
    expect(refused.text[0]).toMatch(/^Without the person's agreement I can't log a referral, so nothing has been saved\./);
    expect(await mine("u-refused")).toEqual([]);
  });

  it("cancels at any step, and an abandoned dialog expires without storing anything", async () => {
    const c = terminal("u-cancel");
    await c.say("refer Mrs K to First Contact");
    expect((await c.say("cancel")).text[0]).toBe("Cancelled. Nothing was saved.");
    const d = terminal("u-cancel");
    await d.say("refer Mr J to First Contact for a grab rail");
    clock.advance(conversationTtlMs + 1000);
    const after = await d.say("84");
    expect(after.intent).not.toBe("make_referral");
    expect(await mine("u-cancel")).toEqual([]);
  });

  it("puts an emergency first, even in the middle of a referral, and then carries on", async () => {
    const c = terminal("u-urgent");
    await c.say("refer Mr B to FC, keeps falling, lives in Melton");
    const urgent = await c.say("he has just told me he wants to end his life");
    expect(urgent.urgent).toBe(true);
    expect(urgent.text[0]).toMatch(/call 999/);
    const next = await c.say("Mr B");
    expect(next.intent).toBe("make_referral");
  });
});

describe("a First Contact referral for someone First Contact Plus does not cover", () => {
  const rutlandRefusal = () => outsideFirstContact("rutland", directory);
  const leicesterRefusal = () => outsideFirstContact("leicester", directory);

  it("names Rutland's front door instead of starting a referral, when the message says they live there", async () => {
    const c = terminal("u-oakham");
    const reply = await c.say("refer Mrs P to First Contact for help with a cold home, she lives in Oakham");
    expect(reply.text.join(" ")).toBe(rutlandRefusal());
    expect(reply.text.join(" ")).toMatch(/Rutland Wayfinder \(01632 960700\)/);
    expect(reply.form).toBeUndefined();
    // No dialog was opened: the next message is not taken as an answer to it.
    expect((await c.say("Mrs P")).intent).not.toBe("make_referral");
    expect(await mine("u-oakham")).toEqual([]);
  });

  it("does the same in the web chat, where it would otherwise open the form", async () => {
    const c = web("u-city");
    const reply = await c.say("refer Mr J to First Contact, he is lonely and lives in Leicester");
    expect(reply.text.join(" ")).toBe(leicesterRefusal());
    expect(reply.form).toBeUndefined();
    expect(await mine("u-city")).toEqual([]);
  });

  it("asks where the person lives first when nobody said, and stops there, storing nothing, when it is outside", async () => {
    const c = terminal("u-ask-area");
    const first = await c.say("refer Mrs K to First Contact");
    expect(first.text.join(" ")).toMatch(/Where do they live\?/);
    expect(first.text.join(" ")).not.toMatch(/name/);
    const refused = await c.say("Uppingham");
    expect(refused.text.join(" ")).toBe(rutlandRefusal());
    expect((await c.say("84")).intent).not.toBe("make_referral");
    expect(await mine("u-ask-area")).toEqual([]);
  });

  it("refuses the form sent for someone in Leicester, with the sentence beside the area, and stores nothing", async () => {
    const c = web("u-form-city");
    const opened = await c.say("refer someone to First Contact");
    const hint = opened.form?.fields.find((f) => f.name === "area")?.hint;
    expect(hint).toBe("First Contact Plus covers Leicestershire's seven districts. For anywhere else I'll name the area's own front door.");
    const reply = await c.press({ id: "submit_form", value: opened.form!.value, fields: goodForm({ area: "leicester" }) });
    expect(reply.form?.errors).toEqual({ area: leicesterRefusal() });
    expect(reply.form?.fields.find((f) => f.name === "area")?.value).toBe("leicester");
    expect(await mine("u-form-city")).toEqual([]);
    // Put right, the same form goes.
    const sent = await c.press({ id: "submit_form", value: opened.form!.value, fields: goodForm({ area: "blaby" }) });
    expect(referenceIn(sent)).toBeDefined();
    expect((await mine("u-form-city")).map((r) => r.area)).toEqual(["blaby"]);
  });

  it("refuses a Refer button pressed after a search in Rutland (an old or forged button), naming Rutland's front door", async () => {
    const c = web("u-forged");
    const list = await c.say("lonely in Oakham");
    expect(list.cards.length).toBeGreaterThan(0);
    const reply = await c.press({ id: "refer", value: list.cards[0]!.id });
    expect(reply.text.join(" ")).toBe(rutlandRefusal());
    expect(reply.form).toBeUndefined();
    expect(await mine("u-forged")).toEqual([]);
  });
});

describe("the referral form (web chat)", () => {
  async function openForm(c: ReturnType<typeof web>): Promise<string> {
    const reply = await c.say("refer someone to First Contact");
    expect(reply.form?.id).toBe("referral");
    return reply.form!.value;
  }

  it.each(["person", "area", "needs", "whatMatters", "urgency", "consent"])("refuses a form without %s, naming the field, and stores nothing", async (field) => {
    const c = web(`u-missing-${field}`);
    const id = await openForm(c);
    const reply = await c.press({ id: "submit_form", value: id, fields: goodForm({ [field]: "" }) });
    expect(reply.form?.errors?.[field]).toBeDefined();
    expect(await mine(`u-missing-${field}`)).toEqual([]);
  });

  it("refuses a form with no way of contacting the person, or no age", async () => {
    const c = web("u-missing-contact");
    const id = await openForm(c);
    const noContact = await c.press({ id: "submit_form", value: id, fields: goodForm({ phone: "" }) });
    expect(noContact.form?.errors?.phone).toBe("Please give one way to contact them: a phone number, an email or an address.");
    const noAge = await c.press({ id: "submit_form", value: id, fields: goodForm({ age: "" }) });
    expect(noAge.form?.errors?.age).toBe("Please give the person's age or their date of birth.");
    expect(await mine("u-missing-contact")).toEqual([]);
  });

  it("refuses every single-digit change of a valid NHS number", async () => {
    const c = web("u-nhs");
    const id = await openForm(c);
    const valid = syntheticNhsNumbers[1];
    let refused = 0;
    for (let position = 0; position < 10; position++) {
      for (let digit = 0; digit <= 9; digit++) {
        if (String(digit) === valid[position]) continue;
        const changed = `${valid.slice(0, position)}${digit}${valid.slice(position + 1)}`;
        const reply = await c.press({ id: "submit_form", value: id, fields: goodForm({ nhsNumber: changed }) });
        expect(reply.form?.errors?.nhsNumber, changed).toMatch(/doesn't pass its check digit/);
        refused++;
      }
    }
    expect(refused).toBe(90);
    expect(await mine("u-nhs")).toEqual([]);
  });

  it("stores one referral when the form is sent twice, or five times at once", async () => {
    const c = web("u-twice");
    const id = await openForm(c);
    const first = await c.press({ id: "submit_form", value: id, fields: goodForm() });
    const again = await c.press({ id: "submit_form", value: id, fields: goodForm() });
    expect(referenceIn(again)).toBe(referenceIn(first));
    expect(again.text[0]).toMatch(/already sent/);
    const d = web("u-concurrent");
    const id2 = await openForm(d);
    const all = await Promise.all(Array.from({ length: 5 }, () => d.press({ id: "submit_form", value: id2, fields: goodForm() })));
    expect(new Set(all.map(referenceIn)).size).toBe(1);
    expect(await mine("u-twice")).toHaveLength(1);
    expect(await mine("u-concurrent")).toHaveLength(1);
  });

  it("says a form has expired, and saves nothing, when its conversation has gone", async () => {
    const c = web("u-expired-form");
    const id = await openForm(c);
    clock.advance(conversationTtlMs + 1000);
    const reply = await c.press({ id: "submit_form", value: id, fields: goodForm() });
    expect(reply.text[0]).toBe("That referral form has expired, so nothing was saved. Please start the referral again.");
    expect(await mine("u-expired-form")).toEqual([]);
  });

  it("pre-fills from a service card's Refer button", async () => {
    const c = web("u-card");
    const list = await c.say("help with heating bills in Hinckley");
    const card = list.cards[0]!;
    const reply = await c.press({ id: "refer", value: card.actions.find((a) => a.id === "refer")!.value });
    const value = (name: string) => reply.form?.fields.find((f) => f.name === name)?.value;
    expect(value("area")).toBe("hinckley-and-bosworth");
    expect(value("needs")).toContain("affordable-warmth");
  });
});

describe("after the referral: status, lists, access and notifications", () => {
  it("tells triage the details, the referrer only the status, and strangers nothing", async () => {
    const c = web("u-flow");
    const formReply = await c.say("refer someone to First Contact");
    const sent = await c.press({ id: "submit_form", value: formReply.form!.value, fields: goodForm({ person: syntheticPeople[2] }) });
    const reference = referenceIn(sent)!;
    await sender.runOnce();
    const triageMessages = await inbox.takeUnread("first-contact-triage");
    expect(triageMessages.some((m) => m.includes(reference) && m.includes(syntheticPeople[2]))).toBe(true);

    const stranger = web("u-stranger");
    expect((await stranger.say(`any update on ${reference}?`)).text[0]).toBe(`I can't find ${reference} among the referrals you can see. Please check the reference, or say "my referrals".`);
    expect((await stranger.say(`acknowledge ${reference}`)).text[0]).toMatch(/^I can't find/);

    const triage = web(triageUserId);
    expect((await triage.say(`acknowledge ${reference}`)).text[0]).toMatch(new RegExp(`^Done\\. ${reference} has been picked up`));
    expect((await c.say(`close ${reference}: sorted`)).text[0]).toBe("Only the First Contact triage team can change a referral's status.");
    expect((await triage.say(`accept ${reference} for lightbulb-home-safety-falls`)).text[0]).toMatch(/accepted by Lightbulb home safety and falls prevention/);
    await sender.runOnce();
    const told = await inbox.takeUnread(sent.conversationId);
    expect(told).toHaveLength(2);
    expect(told.join(" ")).toContain(reference);
    expect(told.join(" ")).not.toContain(syntheticPeople[2]);

    const status = await c.say(`any update on ${reference}?`);
    expect(status.text[0]).toMatch(new RegExp(`^${reference} has been accepted`));
    const list = await c.say("my referrals");
    expect(list.text.join("\n")).toMatch(new RegExp(`${reference} · accepted`));
    expect(list.text.join("\n")).not.toContain(syntheticPeople[2]);
    const teamOpen = await web("u-teammate").say("our team's open referrals");
    expect(teamOpen.text.join("\n")).toContain(reference);
  });
});
