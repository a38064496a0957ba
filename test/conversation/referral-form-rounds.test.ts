// The referral form as the core gives it to every channel with forms (web chat, Slack modals, Teams cards),
// through bot.handle: what is required said plainly, every error in one round with every entry kept, UK dates and
// spaced NHS numbers, one live form, needs in their groups with the search's needs ticked, an agreement box never
// ticked for the referrer, a confirmation that repeats what was sent, and text typed while the form is open.
import { beforeAll, describe, expect, it } from "vitest";
import type { Bot } from "../../src/conversation/bot.js";
import { readReferralForm, roundErrors } from "../../src/conversation/referral-form.js";
import type { Form, Reply } from "../../src/conversation/reply.js";
import type { Directory } from "../../src/directory/directory.js";
import type { InboxStore } from "../../src/notifications/inbox-store.js";
import type { OutboxSender } from "../../src/notifications/outbox-sender.js";
import type { ReferralDesk } from "../../src/referrals/referral-desk.js";
import { conversation, realBot } from "../support/real-bot.js";
import { syntheticNhsNumbers, syntheticPeople } from "../support/synthetic-referral.js";

let bot: Bot;
let referrals: ReferralDesk;
let directory: Directory;
let inbox: InboxStore;
let sender: OutboxSender;
beforeAll(async () => {
  let core: { directory: Directory };
  ({ bot, referrals, core, inbox, sender } = await realBot());
  directory = core.directory;
});

const web = (userId: string) => conversation(bot, `w-${Math.random().toString(36).slice(2)}`, { channel: "web", userId });
const mine = (userId: string) => referrals.list({ userId: `web:${userId}`, channel: "web", conversationId: "x" }, { scope: "mine", openOnly: false });
const referenceIn = (reply: Reply) => /FC-[0-9A-HJKMNP-TV-Z]{6}/.exec(reply.text.join(" "))?.[0];
const field = (form: Form | undefined, name: string) => form?.fields.find((f) => f.name === name);
const spaced = (nhs: string) => `${nhs.slice(0, 3)} ${nhs.slice(3, 6)} ${nhs.slice(6)}`;
/** A synthetic NHS number with its check digit changed: it fails the Modulus 11 check. */
const wrongCheckDigit = spaced(`${syntheticNhsNumbers[0].slice(0, 9)}${(Number(syntheticNhsNumbers[0][9]) + 1) % 10}`);

const goodForm = (overrides: Record<string, string> = {}): Record<string, string> => ({
  person: syntheticPeople[3],
  phone: "0116 496 0777",
  email: "",
  address: "",
  contactWhen: "",
  age: "",
  dateOfBirth: "12/03/1942",
  nhsNumber: spaced(syntheticNhsNumbers[0]),
  area: "charnwood",
  needs: "home-safety",
  whatMatters: "Staying safe at home",
  urgency: "routine",
  consent: "true",
  ...overrides,
});

describe("reading a referral form", () => {
  it("keeps every entry as typed, reads UK dates and spaced NHS numbers, and reports each bad field", () => {
    const today = new Date("2026-12-04T12:00:00Z");
    const ok = readReferralForm(goodForm({ nhsNumber: `${syntheticNhsNumbers[0].slice(0, 3)}-${syntheticNhsNumbers[0].slice(3, 6)}-${syntheticNhsNumbers[0].slice(6)}` }), {}, today);
    expect(ok.errors).toEqual({});
    expect(ok.draft).toMatchObject({ dateOfBirth: "1942-03-12", nhsNumber: syntheticNhsNumbers[0], phone: "01164960777", consent: true });
    const bad = readReferralForm(goodForm({ dateOfBirth: "31/02/1942", nhsNumber: wrongCheckDigit }), {}, today);
    expect(Object.keys(bad.errors).sort()).toEqual(["dateOfBirth", "nhsNumber"]);
    expect(bad.entries).toMatchObject({ dateOfBirth: "31/02/1942", nhsNumber: wrongCheckDigit });
    expect(bad.draft.dateOfBirth).toBeUndefined();
  });

  it("puts what the referral as a whole lacks beside a field, unless that field's group already has its own error", () => {
    const missing = { contact: "Please give one way to contact them: a phone number, an email or an address.", age: "Please give the person's age or their date of birth.", person: "This is needed." };
    expect(roundErrors({}, missing)).toEqual({ phone: missing.contact, age: missing.age, person: "This is needed." });
    expect(roundErrors({ dateOfBirth: "not a real date", email: "not an email" }, missing)).toEqual({ dateOfBirth: "not a real date", email: "not an email", person: "This is needed." });
  });
});

describe("the referral form through bot.handle", () => {
  it("says what is really required, and marks nothing optional that is needed", async () => {
    const opened = await web("u-labels").say("refer someone to First Contact");
    const form = opened.form!;
    for (const name of ["phone", "email", "address"]) expect(field(form, name)?.oneOf).toMatchObject({ id: "contact", legend: "One way to contact them" });
    for (const name of ["age", "dateOfBirth"]) expect(field(form, name)?.oneOf).toMatchObject({ id: "ageOrDateOfBirth" });
    expect(field(form, "nhsNumber")?.label).toBe("NHS number");
    expect(field(form, "nhsNumber")?.required).toBe(false);
    expect(field(form, "dateOfBirth")?.hint).toMatch(/12\/03\/1942 or 12 March 1942/);
    for (const name of ["person", "area", "needs", "whatMatters", "urgency", "consent"]) expect(field(form, name)?.required, name).toBe(true);
  });

  it("gives every error in one round, contact and age among them, and keeps every entry as typed", async () => {
    const c = web("u-one-round");
    const opened = await c.say("refer someone to First Contact");
    const entries = { person: "", phone: "", email: "", address: "", age: "", dateOfBirth: "31/02/1942", nhsNumber: wrongCheckDigit, area: "", needs: "", whatMatters: "", urgency: "routine", consent: "" };
    const retry = await c.press({ id: "submit_form", value: opened.form!.value, fields: entries });
    expect(Object.keys(retry.form?.errors ?? {}).sort()).toEqual(["area", "consent", "dateOfBirth", "needs", "nhsNumber", "person", "phone", "whatMatters"]);
    expect(retry.form?.errors?.phone).toBe("Please give one way to contact them: a phone number, an email or an address.");
    expect(retry.form?.errors?.dateOfBirth).toBe("31/02/1942 is not a real date. Please check the day and the month.");
    expect(retry.form?.errors?.age).toBeUndefined();
    expect(field(retry.form, "dateOfBirth")?.value).toBe("31/02/1942");
    expect(field(retry.form, "nhsNumber")?.value).toBe(wrongCheckDigit);
    expect(retry.text[0]).toMatch(/8 things need changing/);
    // Put right, in the same form, it goes: and the second round has nothing new to say.
    const sent = await c.press({ id: "submit_form", value: opened.form!.value, fields: goodForm() });
    expect(referenceIn(sent)).toBeDefined();
    expect(await mine("u-one-round")).toHaveLength(1);
    expect((await mine("u-one-round"))[0]).toMatchObject({ dateOfBirth: "1942-03-12", nhsNumber: syntheticNhsNumbers[0] });
  });

  it("refuses a future date of birth with a clear sentence", async () => {
    const c = web("u-future");
    const opened = await c.say("refer someone to First Contact");
    const retry = await c.press({ id: "submit_form", value: opened.form!.value, fields: goodForm({ dateOfBirth: "12/03/2099" }) });
    expect(retry.form?.errors).toEqual({ dateOfBirth: "A date of birth can't be in the future. Please check the year." });
    expect(await mine("u-future")).toEqual([]);
  });

  it("never ticks the agreement box, even when the message says the person agreed; the stored record says who ticked it and when", async () => {
    const c = web("u-consent");
    const opened = await c.say("please refer Mrs P to First Contact, she has agreed, she lives in Shepshed");
    expect(field(opened.form, "consent")?.value).toBeUndefined();
    expect(opened.text.join(" ")).toMatch(/please tick "The person has agreed to this referral" yourself/);
    const unticked = await c.press({ id: "submit_form", value: opened.form!.value, fields: goodForm({ consent: "" }) });
    expect(unticked.form?.errors).toEqual({ consent: "Please confirm the person has agreed to this referral." });
    expect(field(unticked.form, "consent")?.value).toBeUndefined();
    const sent = await c.press({ id: "submit_form", value: opened.form!.value, fields: goodForm() });
    const reference = referenceIn(sent)!;
    const [stored] = await mine("u-consent");
    expect(stored?.consent.confirmedBy).toBe("web:u-consent");
    const trail = await referrals["store"].audit(reference);
    expect(trail.find((e) => e.action === "consent:confirmed")).toMatchObject({ actorId: "web:u-consent", at: stored?.consent.confirmedAt });
  });

  it("asks the terminal's agreement question even when the message said the person agreed", async () => {
    const t = conversation(bot, `t-${Math.random().toString(36).slice(2)}`, { channel: "terminal", userId: "u-terminal-consent" });
    const answers = ["Mrs P", "80", "01632 960444", "any time", "Having company", "routine", "skip"];
    let reply = await t.say("refer Mrs P to First Contact, she is lonely, lives in Shepshed, she has agreed");
    for (const answer of answers) {
      if (/Has the person agreed/.test(reply.text.join(" "))) break;
      reply = await t.say(answer);
    }
    expect(reply.text.join(" ")).toMatch(/Has the person agreed to this referral\? \(yes or no\)/);
  });

  it("confirms with what was sent, without the NHS number, and the reference", async () => {
    const c = web("u-confirm");
    const opened = await c.say("refer someone to First Contact");
    const sent = await c.press({ id: "submit_form", value: opened.form!.value, fields: goodForm() });
    const text = sent.text.join("\n");
    expect(text).toMatch(/^Referral FC-[0-9A-Z]{6} has been sent to First Contact Plus/);
    expect(text).toMatch(/What was sent:[\s\S]*Person: Peregrine Thistlewood[\s\S]*Lives in: Charnwood[\s\S]*Age: born 12\/03\/1942[\s\S]*Contact: 01164960777[\s\S]*Needs: Home safety and repairs/);
    expect(text).toContain("NHS number: given (not repeated here)");
    expect(text.replace(/\s/g, "")).not.toContain(syntheticNhsNumbers[0]);
  });

  it("keeps one live form: a newer form replaces the older, whose submission saves nothing and says so", async () => {
    const c = web("u-single");
    const first = await c.say("refer someone to First Contact");
    const second = await c.say("refer someone else to First Contact");
    expect(second.form?.value).not.toBe(first.form?.value);
    expect(second.form?.note).toBe("This form replaces the referral form above: nothing was saved from that one.");
    const old = await c.press({ id: "submit_form", value: first.form!.value, fields: goodForm() });
    expect(old.text[0]).toBe("That referral form was replaced by a newer one, so nothing was saved from it. Please use the newest form.");
    expect(old.form).toBeUndefined();
    expect(await mine("u-single")).toEqual([]);
    // A form already sent, pressed again, answers with its reference and checks nothing (no fresh error form).
    const sent = await c.press({ id: "submit_form", value: second.form!.value, fields: goodForm() });
    const again = await c.press({ id: "submit_form", value: second.form!.value, fields: goodForm({ person: "", dateOfBirth: "31/02/1942" }) });
    expect(again.form).toBeUndefined();
    expect(again.text[0]).toBe(`That referral was already sent as ${referenceIn(sent)}; it has not been sent twice.`);
    expect(await mine("u-single")).toHaveLength(1);
  });

  it("groups the needs by the taxonomy's groups and ticks every need of the search the form came from", async () => {
    const c = web("u-needs");
    const list = await c.say("lonely widower in Loughborough who keeps falling");
    const refer = list.cards[0]!.actions.find((a) => a.id === "refer")!;
    const opened = await c.press(refer);
    const needs = field(opened.form, "needs")!;
    const groupLabels = new Set(directory.taxonomy.groups.map((g) => g.label));
    expect(needs.options?.every((o) => o.group !== undefined && groupLabels.has(o.group))).toBe(true);
    expect(needs.options?.find((o) => o.value === "home-safety")?.group).toBe("Home and housing");
    expect(needs.value?.split(",").sort()).toEqual(["falls-prevention", "social-isolation"]);
  });
});

describe("text typed while a referral form is open", () => {
  it("fills the form with the details it gives, instead of starting a search", async () => {
    const c = web("u-fill");
    const opened = await c.say("refer someone to First Contact");
    const filled = await c.say("he's 70, lives in Shepshed, phone 0116 496 0123");
    expect(filled.cards).toHaveLength(0);
    expect(filled.form?.value).toBe(opened.form?.value);
    expect(filled.text[0]).toMatch(/^I've put that in the referral form: .*Lives in: Charnwood.*Age: 70/);
    expect(field(filled.form, "age")?.value).toBe("70");
    expect(field(filled.form, "area")?.value).toBe("charnwood");
    expect(field(filled.form, "phone")?.value).toBe("01164960123");
  });

  it("puts an area First Contact Plus does not cover in the form, with the sentence beside it", async () => {
    const c = web("u-belgrave");
    await c.say("refer someone to First Contact");
    const filled = await c.say("he's 70, lives in Belgrave");
    expect(field(filled.form, "area")?.value).toBe("leicester");
    expect(field(filled.form, "age")?.value).toBe("70");
    expect(filled.form?.errors?.area).toMatch(/Leicester/);
  });

  it("answers 'yes he consents' there: a reminder to tick the box, no new form, nothing ticked", async () => {
    const c = web("u-yes");
    const opened = await c.say("refer someone to First Contact");
    const reply = await c.say("yes he consents");
    expect(reply.form).toBeUndefined();
    expect(reply.cards).toHaveLength(0);
    expect(reply.text[0]).toMatch(/Please tick "The person has agreed to this referral" in the form yourself/);
    // The open form is still the live one.
    const sent = await c.press({ id: "submit_form", value: opened.form!.value, fields: goodForm() });
    expect(referenceIn(sent)).toBeDefined();
  });

  it("leaves a search with needs to the search, and the form stays live", async () => {
    const c = web("u-search");
    const opened = await c.say("refer someone to First Contact");
    const reply = await c.say("lunch clubs in Coalville");
    expect(reply.cards.length).toBeGreaterThan(0);
    const sent = await c.press({ id: "submit_form", value: opened.form!.value, fields: goodForm() });
    expect(referenceIn(sent)).toBeDefined();
  });
});

describe("the triage message", () => {
  it("names the referrer by the display name the sign-in gave, not by their id", async () => {
    const conversationId = `w-named-${Math.random().toString(36).slice(2)}`;
    const base = { channel: "web" as const, conversationId, userId: "web:u-named", userName: "Sam Prescriber" };
    const opened = await bot.handle({ ...base, text: "refer someone to First Contact" });
    const sent = await bot.handle({ ...base, action: { id: "submit_form", value: opened.form!.value, fields: goodForm() } });
    const reference = referenceIn(sent)!;
    await sender.runOnce();
    const message = (await inbox.takeUnread("first-contact-triage")).find((m) => m.includes(reference))!;
    expect(message).toMatch(new RegExp(`New referral ${reference} \\(routine\\) from Sam Prescriber \\(`));
    expect(message).toMatch(/Agreement confirmed by Sam Prescriber \(web:u-named\) at .*, ticked by the referrer themselves\./);
  });
});
