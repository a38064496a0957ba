// A card's referral button follows where the person lives: "Refer to First
// Contact" only where First Contact Plus covers them, the area's own front door
// where it does not, and a button that asks first where nobody has said.
import { beforeAll, describe, expect, it } from "vitest";
import { buildCard, needsInferredNote, referAskingWhere, referToFirstContact } from "../../src/conversation/build-card.js";
import type { Bot } from "../../src/conversation/bot.js";
import type { Reply } from "../../src/conversation/reply.js";
import { type Directory, findService } from "../../src/directory/directory.js";
import { loadDirectory } from "../../src/directory/load-directory.js";
import { copyDirectory } from "../support/directory-copy.js";
import { writeImportedFile } from "../support/imported-feed-file.js";
import { conversation, realBot } from "../support/real-bot.js";

let bot: Bot;
let directory: Directory;
beforeAll(async () => {
  const real = await realBot();
  bot = real.bot;
  directory = real.core.directory;
});

const web = () => conversation(bot);
const terminal = () => conversation(bot, undefined, { channel: "terminal" });
const referButtons = (reply: Reply) => reply.cards.flatMap((card) => card.actions.filter((a) => a.id === "refer"));
const labels = (reply: Reply) => reply.cards.flatMap((card) => card.actions.map((a) => a.label));

describe("the referral button on a service card", () => {
  it("is Refer to First Contact on every card for someone in a Leicestershire district", async () => {
    const reply = await web().say("lonely widower in Loughborough");
    expect(reply.cards.length).toBeGreaterThan(0);
    expect(referButtons(reply).map((a) => [a.label, a.value])).toEqual(reply.cards.map((card) => [referToFirstContact, card.id]));
  });

  it.each([
    ["Oakham", "Rutland's front door: Rutland Wayfinder", "rutland-front-door"],
    ["Leicester", "Leicester's front door: Leicester City Wayfinder", "leicester-city-front-door"],
  ])("is never Refer to First Contact for someone in %s, but names the area's front door", async (place, label, doorId) => {
    const reply = await web().say(`lonely widower in ${place}`);
    expect(reply.cards.length).toBeGreaterThan(0);
    expect(referButtons(reply)).toEqual([]);
    expect(labels(reply)).not.toContain(referToFirstContact);
    for (const card of reply.cards) expect(card.actions).toContainEqual({ id: "details", label, value: doorId });
    expect(reply.text.join(" ")).toContain(label.replace(/^.*: /, "the front door is "));
  });

  it("opens the front door's own card, with its contact details and no referral button, when pressed", async () => {
    const c = web();
    await c.say("lonely widower in Oakham");
    const door = await c.press({ id: "details", value: "rutland-front-door" });
    expect(door.cards).toHaveLength(1);
    expect(door.cards[0]).toMatchObject({ name: "Rutland Wayfinder", contact: { phone: "01632 960700" }, source: "illustrative sample record, not a real service" });
    expect(door.cards[0]!.actions.map((a) => a.id)).toEqual(["report_outdated"]);
  });

  it("keeps to where the person lives on the full card too, and through show more", async () => {
    const c = web();
    const list = await c.say("lonely in Oakham");
    const full = await c.press({ id: "details", value: list.cards[0]!.id });
    expect(referButtons(full)).toEqual([]);
    expect(full.cards[0]!.actions.some((a) => a.value === "rutland-front-door")).toBe(true);
    const more = list.actions.find((a) => a.id === "show_more");
    if (more) expect(referButtons(await c.press(more))).toEqual([]);
  });

  it("asks where the person lives, rather than guessing, when nowhere was named", async () => {
    const reply = await web().say("lonely widower");
    expect(reply.cards.length).toBeGreaterThan(0);
    expect(referButtons(reply).map((a) => a.label)).toEqual(reply.cards.map(() => referAskingWhere));
    expect(labels(reply)).not.toContain(referToFirstContact);
    expect(reply.text.join(" ")).toMatch(/Each area has its own front door to the prevention offer: First Contact Plus for Leicestershire's seven districts, Leicester City Wayfinder for Leicester and Rutland Wayfinder for Rutland\./);

    // Pressed in a text channel, the first question is where they live.
    const t = terminal();
    const list = await t.say("lonely widower");
    const asked = await t.press(referButtons(list)[0]!);
    expect(asked.text.join(" ")).toMatch(/Where do they live\?/);
    // In the web chat, the form has no place filled in, and says which areas First Contact Plus takes.
    const w = web();
    const listed = await w.say("lonely widower");
    const form = (await w.press(referButtons(listed)[0]!)).form;
    const area = form?.fields.find((f) => f.name === "area");
    expect(area?.value).toBeUndefined();
    expect(area?.hint).toMatch(/^First Contact Plus covers Leicestershire's seven districts\./);
  });

  it("asks, too, when the places the search kept have different front doors", () => {
    const lac = directory.services.find((s) => s.id === "local-area-coordinators")!;
    const refer = (areas: Parameters<typeof buildCard>[3]["areas"]) => buildCard(lac, "", directory, { areas }).actions.find((a) => a.id === "refer")?.label;
    expect(refer(["blaby", "leicester"])).toBe(referAskingWhere);
    expect(refer(["blaby", "charnwood"])).toBe(referToFirstContact);
  });

  it("is left off a front door's own card", () => {
    const fcp = directory.services.find((s) => s.id === "first-contact-plus")!;
    expect(buildCard(fcp, "", directory, { areas: ["blaby"] }).actions.map((a) => a.id)).toEqual(["details", "report_outdated"]);
  });
});

describe("what a card says about the match and the record", () => {
  it("names the needs of the search that each service meets, by their plain labels", async () => {
    const reply = await web().say("widower in Syston, lonely since his wife died");
    expect(reply.cards.length).toBeGreaterThan(1);
    for (const card of reply.cards) {
      expect(card.matched.length).toBeGreaterThan(0);
      for (const need of card.matched) expect(card.needs).toContainEqual(need);
    }
    expect(new Set(reply.cards.flatMap((card) => card.matched.map((need) => need.label)))).toEqual(new Set(["Loneliness and social isolation", "Bereavement and grief"]));
  });

  it("says when an imported record's needs were inferred, and who verified it on which date; a local record says when", async () => {
    const copy = copyDirectory();
    const relative = writeImportedFile(copy.dir);
    copy.edit(`services/${relative}`, (text) => text.replace("    source: ORUK feed test-feed\n", "    verified_by: \"ORUK feed test-feed: its assured_date\"\n    source: ORUK feed test-feed\n    needs_inferred: true\n"));
    const withFeed = await loadDirectory(copy.dir);
    const imported = findService(withFeed, "test-feed-riverside-bereavement-circle")!;
    expect(buildCard(imported, "", withFeed, { areas: ["blaby"], asked: ["social-isolation", "bereavement"] })).toMatchObject({
      matched: [{ id: "social-isolation", label: "Loneliness and social isolation" }],
      needsNote: needsInferredNote,
      verifiedBy: "ORUK feed test-feed (its assured_date)",
      verifiedText: "Verified by ORUK feed test-feed (its assured_date) on 1 Feb 2025",
    });
    const local = buildCard(findService(directory, "local-area-coordinators")!, "", directory, { areas: ["blaby"] });
    expect(local).toMatchObject({ matched: [], verifiedText: "Last verified 1 Sept 2020" });
    expect(local).not.toHaveProperty("needsNote");
    expect(local).not.toHaveProperty("verifiedBy");
  });
});
