// A verdict on an answer through the real bot: stored with the services the answer showed and the
// verdict only (ids no longer in the directory left out, never any text), thanked only once stored,
// refused when the value is not one the core made; the value always fits Slack's 2,000 characters.
import { describe, expect, it } from "vitest";
import { rateAnswerValue, readRateAnswerValue, thanksForVerdict } from "../../src/conversation/rate-answer.js";
import { conversation, realBot } from "../support/real-bot.js";

describe("rate_answer", () => {
  it("stores the verdict and the services shown, and thanks the person", async () => {
    const { bot, verdicts, core, db } = await realBot();
    const [first, second] = core.directory.services;
    const chat = conversation(bot, "c-rate", { userId: "u-rater" });
    const reply = await chat.press({ id: "rate_answer", value: rateAnswerValue("helpful", [first!.id, "no-such-service", second!.id, first!.id]) });
    expect(reply.text).toEqual([thanksForVerdict]);
    expect(reply.cards).toEqual([]);
    expect(await verdicts.list()).toEqual([{ verdict: "helpful", serviceIds: [first!.id, second!.id], channel: "web", givenBy: "web:u-rater", givenAt: expect.any(String) as string }]);
    await db.destroy();
  });

  it("refuses a value it did not make, storing nothing", async () => {
    const { bot, verdicts, db } = await realBot();
    const reply = await conversation(bot).press({ id: "rate_answer", value: "brilliant|anything" });
    expect(reply.text[0]).toMatch(/nothing was recorded/);
    expect(await verdicts.list()).toEqual([]);
    await db.destroy();
  });

  it("keeps the value within 2,000 characters, dropping whole ids", () => {
    const ids = Array.from({ length: 200 }, (_, i) => `service-with-a-long-id-${i}`);
    const value = rateAnswerValue("not_helpful", ids);
    expect(value.length).toBeLessThanOrEqual(2000);
    const read = readRateAnswerValue(value);
    expect(read?.verdict).toBe("not_helpful");
    expect(ids.slice(0, read!.serviceIds.length)).toEqual(read!.serviceIds);
    expect(readRateAnswerValue("helpful|")).toEqual({ verdict: "helpful", serviceIds: [] });
  });
});
