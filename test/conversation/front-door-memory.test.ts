// The front door of the prevention offer is said once per conversation, not in every answer, and
// again only when the person's front door differs; the state that remembers it is the conversation
// store's, so it holds across instances (here the SQLite store, as the web channel runs it).
import { beforeAll, describe, expect, it } from "vitest";
import type { Bot } from "../../src/conversation/bot.js";
import { createBot } from "../../src/conversation/create-bot.js";
import { KyselyConversationStore } from "../../src/conversation/kysely-conversation-store.js";
import { systemClock } from "../../src/time/clock.js";
import { realDirectoryAndEngine } from "../support/load-real-directory.js";
import { recordingFeedback } from "../support/recording-feedback.js";
import { conversation } from "../support/real-bot.js";
import { testReferrals } from "../support/test-referrals.js";

const firstContact = /First Contact Plus is the front door to the prevention offer/;
const rutland = /For someone who lives in Rutland, the front door is Rutland Wayfinder/;

let bot: Bot;
let again: Bot;
beforeAll(async () => {
  const core = await realDirectoryAndEngine();
  const { referrals, db } = await testReferrals(core.directory, systemClock);
  const { feedback } = recordingFeedback();
  const make = () => createBot({ ...core, maxResults: 5, conversations: new KyselyConversationStore(db, systemClock, 30 * 60_000), feedback, clock: systemClock, referrals });
  bot = make();
  // A second instance on the same database: what one said, the other remembers.
  again = make();
});

describe("the front door, once per conversation", () => {
  it("says First Contact Plus in the first answer only, Rutland's own front door when the person lives there", async () => {
    const id = `c-door-${Math.random().toString(36).slice(2)}`;
    const c = conversation(bot, id, { userId: "u-door" });
    const other = conversation(again, id, { userId: "u-door" });
    const first = (await c.say("lonely widower in Loughborough")).text.join("\n");
    expect(first).toMatch(firstContact);
    const second = await other.say("what about help with money in Melton");
    expect(second.cards.length).toBeGreaterThan(0);
    expect(second.text.join("\n")).not.toMatch(firstContact);
    const oakham = (await c.say("lonely widower in Oakham")).text.join("\n");
    expect(oakham).toMatch(rutland);
    const back = (await other.say("carer support in Hinckley")).text.join("\n");
    expect(back).not.toMatch(firstContact);
    expect(back).not.toMatch(rutland);
  });

  it("still points to the front door when nothing is found, since then it is the answer", async () => {
    const c = conversation(bot, undefined, { userId: "u-door-2" });
    expect((await c.say("lonely widower in Loughborough")).text.join("\n")).toMatch(firstContact);
    const nothing = await c.say("Can you find something for a lady in Loughborough who needs storage for her belongings");
    expect(nothing.cards).toEqual([]);
    expect(nothing.text.join("\n")).toMatch(firstContact);
  });
});
