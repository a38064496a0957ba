// Feedback typed in chat ("that first one's shut down", "the number for the second one is wrong") is
// recorded against the service on screen it points to, in the same store the "Report outdated
// details" form writes to, and the answer offers the other services on screen still open.
import { beforeAll, describe, expect, it } from "vitest";
import type { Bot } from "../../src/conversation/bot.js";
import type { FeedbackStore } from "../../src/feedback/feedback-store.js";
import { conversation, realBot } from "../support/real-bot.js";

let bot: Bot;
let feedback: FeedbackStore;
beforeAll(async () => {
  ({ bot, feedback } = await realBot());
});

async function reportsSince(before: number) {
  return (await feedback.list()).slice(before);
}

describe("feedback typed in chat", () => {
  it("records 'that first one's shut down' against the first card and offers the others still open", async () => {
    const c = conversation(bot, undefined, { userId: "u-fb-1" });
    const search = await c.say("lonely widower in Loughborough");
    const [first, ...rest] = search.cards;
    expect(first).toBeDefined();
    expect(rest.length).toBeGreaterThan(0);
    const before = (await feedback.list()).length;

    const reply = await c.say("that first one's shut down");
    expect(reply.intent).toBe("feedback");
    expect(reply.text.join(" ")).toContain(`Your report about ${first!.name} is recorded`);
    expect(reply.text.join(" ")).not.toMatch(/not recorded|once reports are recorded/i);
    expect(reply.cards.map((card) => card.id)).toEqual(rest.map((card) => card.id));
    const reports = await reportsSince(before);
    expect(reports).toEqual([expect.objectContaining({ serviceId: first!.id, details: "that first one's shut down", channel: "web", reportedBy: "web:u-fb-1" })]);

    // The number for the second one: recorded against the second; the one reported closed is not offered again.
    const wrong = await c.say("the number for the second one is wrong");
    expect(wrong.intent).toBe("feedback");
    expect(wrong.text.join(" ")).toContain(`Your report about ${rest[0]!.name} is recorded`);
    expect((await reportsSince(before)).map((report) => report.serviceId)).toEqual([first!.id, rest[0]!.id]);
    expect(wrong.cards.map((card) => card.id)).not.toContain(first!.id);
    expect(wrong.cards.map((card) => card.id)).not.toContain(rest[0]!.id);
  });

  it("records a report that names a service on screen", async () => {
    const c = conversation(bot, undefined, { userId: "u-fb-2" });
    const search = await c.say("lonely widower in Loughborough");
    const named = search.cards[search.cards.length - 1]!;
    const before = (await feedback.list()).length;
    const reply = await c.say(`${named.name} has closed down, funding ended`);
    expect(reply.text.join(" ")).toContain(`Your report about ${named.name} is recorded`);
    expect((await reportsSince(before)).map((report) => report.serviceId)).toEqual([named.id]);
  });

  it("records nothing when no service is on screen, and says how to report", async () => {
    const c = conversation(bot, undefined, { userId: "u-fb-3" });
    const before = (await feedback.list()).length;
    const reply = await c.say("that group folded in the summer");
    expect(reply.intent).toBe("feedback");
    expect(reply.text.join(" ")).toContain("Report outdated details");
    expect(await reportsSince(before)).toEqual([]);
  });
});
