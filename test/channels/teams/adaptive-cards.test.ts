// Every card the Teams renderer builds, for a corpus of real replies from the core and of
// large and hostile ones, validates against the Adaptive Cards 1.5 schema, and every message
// stays under the size limits (packed to 28 KB; never near 80 KB). Text shows as written:
// markdown, control and bidi characters in what people typed never format or hide anything.
import { beforeAll, describe, expect, it } from "vitest";
import { createBot } from "../../../src/conversation/create-bot.js";
import { InMemoryConversationStore } from "../../../src/conversation/in-memory-conversation-store.js";
import type { Reply, ServiceCard } from "../../../src/conversation/reply.js";
import { apology } from "../../../src/channels/teams/create-teams-adapter.js";
import { noticeActivities, replyActivities } from "../../../src/channels/teams/deliver-reply.js";
import { plainText } from "../../../src/channels/teams/plain-text.js";
import { renderReply } from "../../../src/channels/teams/render-card.js";
import { renderServiceCard } from "../../../src/channels/teams/render-service-card.js";
import { jsonBytes, teamsLimits } from "../../../src/channels/teams/teams-limits.js";
import { welcomeText } from "../../../src/channels/teams/welcome.js";
import { systemClock } from "../../../src/time/clock.js";
import { realDirectoryAndEngine } from "../../support/load-real-directory.js";
import { testReferrals } from "../../support/test-referrals.js";
import { adaptiveCardValidator } from "./support/adaptive-card-schema.js";
import type { CardJson } from "./support/card-helpers.js";
import { buttonsOf, textOf } from "./support/card-helpers.js";

const hostile = "**urgent** [NHS login](http://evil.example/steal) _x_ `code` ~~gone~~ <at>everyone</at> \u202Egnp.exe\u202C \u0007bell\\\n# not a heading\n- not a list\n1. not a list either";

let corpus: { name: string; reply: Reply }[] = [];
let validate: (card: unknown) => string[];

function hostileCard(card: ServiceCard, n: number): ServiceCard {
  const long = (text: string, length: number) => text.repeat(Math.ceil(length / text.length)).slice(0, length);
  return {
    ...card,
    id: `${card.id}-${n}`,
    name: long(`${hostile} `, 150),
    organization: long("Organisation 🧓🏽 ", 200),
    summary: long(`${hostile} `, 3000),
    howToRefer: long("Refer by phone; ", 1000),
    why: long(`Because ${hostile} `, 500),
    contact: { phone: "0116 496 0000", email: "first_last@example.org", url: "https://example.org/a_b?c=[d]" },
    needs: Array.from({ length: 24 }, (_, i) => ({ id: `need-${i}`, label: `Need number ${i} with a long label` })),
    areas: Array.from({ length: 9 }, (_, i) => ({ id: `area-${i}`, name: `Area ${i}` })),
    source: hostile,
    actions: card.actions.map((a) => ({ ...a, value: "v".repeat(2000) })),
  };
}

beforeAll(async () => {
  validate = adaptiveCardValidator();
  const core = await realDirectoryAndEngine();
  const { referrals } = await testReferrals(core.directory, systemClock);
  const feedback = { record: () => Promise.resolve(), list: () => Promise.resolve([]) };
  const bot = createBot({ ...core, maxResults: 5, conversations: new InMemoryConversationStore(systemClock, 60_000), feedback, clock: systemClock, referrals });
  const base = { channel: "teams" as const, conversationId: "corpus", userId: "u-corpus", team: "t" };
  const say = (text: string) => bot.handle({ ...base, text });
  const search = await say("lonely widower in Loughborough");
  const serviceId = search.cards[0]!.id;
  const form = await say("refer Mrs P to First Contact for a home safety check, she lives in Blaby");
  const invalid = await bot.handle({ ...base, action: { id: "submit_form", value: form.form!.value, fields: { person: "x".repeat(101), phone: "12", email: "not-an-email", nhsNumber: "943 476 5871", age: "two hundred", dateOfBirth: "yesterday", needs: "not-a-need", area: "atlantis" } } });
  corpus = [
    { name: "search", reply: search },
    { name: "show more", reply: await say("show more") },
    { name: "details", reply: await bot.handle({ ...base, action: { id: "details", value: serviceId } }) },
    { name: "report outdated form", reply: await bot.handle({ ...base, action: { id: "report_outdated", value: serviceId } }) },
    { name: "referral form", reply: form },
    { name: "referral form with every error", reply: invalid },
    { name: "emergency", reply: await say("she took an overdose an hour ago") },
    { name: "help", reply: await say("help") },
    { name: "my referrals", reply: await say("my referrals") },
    { name: "clinical question", reply: await say("what dose of paracetamol can he take?") },
    { name: "search in Rutland", reply: await say("lonely widower in Oakham") },
    { name: "Rutland's front door", reply: await bot.handle({ ...base, action: { id: "details", value: "rutland-front-door" } }) },
    { name: "referral refused in Rutland", reply: await say("refer Mrs P to First Contact, she lives in Oakham") },
    { name: "search with no place", reply: await bot.handle({ ...base, conversationId: "corpus-no-place", text: "lonely widower" }) },
  ];
  const cards = search.cards;
  corpus.push(
    { name: "five hostile maximal cards", reply: { ...search, text: [hostile], cards: cards.concat(cards, cards).slice(0, 5).map(hostileCard) } },
    { name: "200 paragraphs of 3000 characters", reply: { ...search, cards: [], actions: [], text: Array.from({ length: 200 }, (_, i) => `${i} ${hostile} `.repeat(40).slice(0, 3000)) } },
    { name: "a hostile urgent reply", reply: { ...search, urgent: true, cards: cards.map(hostileCard), text: [hostile, "Call 999."] } },
    {
      name: "the referral form filled to every field's limit with hostile text, and an error on every field",
      reply: {
        ...form,
        text: [hostile],
        form: {
          ...form.form!,
          fields: form.form!.fields.map((field) => ({ ...field, value: `${hostile}😀`.repeat(200).slice(0, field.maxLength), hint: hostile })),
          errors: Object.fromEntries(form.form!.fields.map((field) => [field.name, `${hostile} `.repeat(2)])),
        },
      },
    },
  );
});

describe("the Adaptive Card renderer", () => {
  it("builds schema-valid 1.5 cards, in messages under the size limits, for every reply in the corpus", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(14);
    for (const { name, reply } of corpus) {
      for (const route of [undefined, "AbCdEfGh12345678"]) {
        const activities = replyActivities(reply, route);
        expect(activities.length, name).toBeGreaterThanOrEqual(1);
        for (const activity of activities) {
          expect(jsonBytes(activity), name).toBeLessThan(teamsLimits.maxPayloadBytes);
          const cards = (activity.attachments ?? []).map((a) => a.content as CardJson);
          if (cards.length > 1) expect(jsonBytes(activity), name).toBeLessThanOrEqual(teamsLimits.activityBytes);
          for (const card of cards) {
            expect(validate(card), name).toEqual([]);
            expect(card.version).toBe("1.5");
          }
        }
      }
    }
  });

  it("splits long text over several messages rather than sending one too big", () => {
    const long = corpus.find((c) => c.name.startsWith("200 paragraphs"))!.reply;
    const activities = replyActivities(long);
    expect(activities.length).toBeGreaterThan(5);
    for (const activity of activities) expect(jsonBytes(activity)).toBeLessThanOrEqual(teamsLimits.activityBytes);
    const shown = activities.flatMap((a) => (a.attachments ?? []).map((x) => textOf(x.content as CardJson))).join("\n");
    for (let i = 0; i < 200; i += 37) expect(shown).toContain(`${i} `);
  });

  it("puts an urgent reply first, in an attention container, with no service cards and no buttons", () => {
    for (const name of ["emergency", "a hostile urgent reply"]) {
      const cards = renderReply(corpus.find((c) => c.name === name)!.reply);
      expect(cards).toHaveLength(1);
      expect(cards[0]!.body[0]).toMatchObject({ type: "Container", style: "attention" });
      expect(cards[0]!.actions).toBeUndefined();
    }
  });

  it("builds valid message extension inserts, welcomes, notices and the apology", () => {
    const search = corpus[0]!.reply;
    const cards = [
      ...search.cards.map((c) => renderServiceCard(c, { buttons: false })),
      ...[welcomeText(true), welcomeText(false), apology, hostile].flatMap((t) => noticeActivities(t)).flatMap((a) => (a.attachments ?? []).map((x) => x.content as unknown)),
    ];
    for (const card of cards) expect(validate(card)).toEqual([]);
  });

  it("shows Refer to First Contact only where First Contact Plus covers the person, and names Rutland's front door there", () => {
    const buttons = (name: string) => renderReply(corpus.find((c) => c.name === name)!.reply).flatMap((card) => buttonsOf(card as unknown as CardJson));
    const titles = (name: string) => buttons(name).map((b) => b.title);
    expect(titles("search")).toContain("Refer to First Contact");
    expect(titles("search in Rutland")).not.toContain("Refer to First Contact");
    expect(buttons("search in Rutland").filter((b) => b.data?.signpost?.id === "refer")).toEqual([]);
    const doors = buttons("search in Rutland").filter((b) => b.data?.signpost?.value === "rutland-front-door");
    expect(doors.length).toBe(corpus.find((c) => c.name === "search in Rutland")!.reply.cards.length);
    for (const door of doors) expect(door).toMatchObject({ title: "Rutland's front door: Rutland Wayfinder", data: { signpost: { id: "details" } } });
    expect(renderReply(corpus.find((c) => c.name === "Rutland's front door")!.reply).map((card) => textOf(card as unknown as CardJson)).join("\n")).toMatch(/Rutland Wayfinder[\s\S]*01632 960700/);
    const refused = renderReply(corpus.find((c) => c.name === "referral refused in Rutland")!.reply);
    expect(refused.map((card) => textOf(card as unknown as CardJson)).join("\n")).toMatch(/^First Contact Plus covers Leicestershire's seven districts, not Rutland, so it can't take a referral/);
    expect(refused.flatMap((card) => buttonsOf(card as unknown as CardJson))).toEqual([]);
    expect(titles("search with no place")).not.toContain("Refer to First Contact");
    expect(titles("search with no place")).toContain("Refer (I'll ask where they live)");
  });

  it("shows the referral form's needs under their groups, says one way to contact them is needed, and never ticks the agreement", () => {
    const [card] = renderReply(corpus.find((c) => c.name === "referral form")!.reply);
    const inputs = JSON.stringify(card);
    const body = (card as unknown as { body: { id?: string; label?: string; value?: string; choices?: { title: string }[] }[] }).body;
    const byId = (id: string) => body.find((element) => element.id === id);
    expect(byId("field_phone")?.label).toBe("Phone (one way to contact them)");
    expect(byId("field_needs")?.choices).toContainEqual({ title: "Home and housing: Home safety and repairs", value: "home-safety" });
    expect(byId("field_consent")?.value).toBe("false");
    // Only the truly optional fields say so (as in the web chat); nothing that is needed does.
    expect(inputs.match(/\(optional\)/g)).toHaveLength(2);
    expect(byId("field_nhsNumber")?.label).toBe("NHS number (optional)");
  });

  it("shows every service card's last verified date, and the need of the search it meets", () => {
    for (const card of corpus[0]!.reply.cards) expect(textOf(renderServiceCard(card, { buttons: true }) as unknown as CardJson)).toContain(`Last verified ${card.lastVerifiedText}`);
    // Compact in an answer: why it matched (naming the need it meets), how to refer, one contact; no areas or needs lists.
    for (const card of corpus[0]!.reply.cards) {
      const text = textOf(renderServiceCard(card, { buttons: true }) as unknown as CardJson);
      expect(text).toContain("How to refer");
      expect(text).toMatch(/loneliness and social isolation/i);
      expect(text).not.toContain("Areas");
    }
    // The full card (More about this), and the one the message extension inserts, have everything.
    const full = corpus.find((entry) => entry.name === "details")!.reply.cards[0]!;
    expect(textOf(renderServiceCard(full, { buttons: true }) as unknown as CardJson)).toContain("Matched need: Loneliness and social isolation");
    expect(textOf(renderServiceCard(corpus[0]!.reply.cards[0]!, { buttons: false }) as unknown as CardJson)).toContain("Areas");
    expect(corpus[0]!.reply.cards.every((card) => card.matched.some((need) => need.label === "Loneliness and social isolation"))).toBe(true);
  });

  it("rejects what the schema forbids (the check is real)", () => {
    expect(validate({ type: "AdaptiveCard", version: "1.5", body: [{ type: "TextBlock", text: "x", colour: "red" }] })).not.toEqual([]);
    expect(validate({ type: "AdaptiveCard", version: "1.5", body: [{ type: "Input.Toggle", id: "x" }] })).not.toEqual([]);
    expect(validate({ type: "AdaptiveCard", version: "1.5", actions: [{ type: "Action.OpenUrl", title: "x", url: "http://[bad" }] })).not.toEqual([]);
  });
});

describe("text in cards", () => {
  it("shows markdown characters as typed, so nothing is formatted and no link is disguised", () => {
    const shown = plainText(hostile);
    expect(shown).toContain("\\*\\*urgent\\*\\*");
    expect(shown).toContain("\\[NHS login\\](http://evil.example/steal)");
    expect(shown).toContain("\\_x\\_");
    expect(shown).toContain("\\`code\\`");
    expect(shown).toContain("\\~\\~gone\\~\\~");
    expect(shown).toContain("bell\\\\");
    expect(shown).toMatch(/^\\- not a list$/m);
    expect(shown).toMatch(/^1\\\. not a list either$/m);
    expect(shown).toMatch(/^\\# not a heading$/m);
  });

  it("removes control and bidirectional override characters, and leaves ordinary text alone", () => {
    expect(plainText("\u202Egnp.exe\u202C \u0007bell")).toBe("gnp.exe bell");
    expect(plainText("first_last@example.org, 0116 496 0000, Mrs O'Neill-Smith (84) - lives alone.")).toBe("first_last@example.org, 0116 496 0000, Mrs O'Neill-Smith (84) - lives alone.");
  });
});
