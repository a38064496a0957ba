// The terminal's cards: compact in an answer (name, organisation, why, how to refer, one contact,
// last verified), the whole record when asked for ("tell me about the first one").
import { describe, expect, it } from "vitest";
import { renderReplyText } from "../../../src/channels/terminal/render-reply-text.js";
import { conversation, realBot } from "../../support/real-bot.js";

describe("renderReplyText", () => {
  it("shows compact cards, and the full record on request", async () => {
    const { bot } = await realBot();
    const c = conversation(bot, undefined, { channel: "terminal" });
    const answer = await c.say("lonely widower in Loughborough");
    const text = renderReplyText(answer);
    const first = answer.cards[0]!;
    expect(text).toContain(`1. ${first.name} (${first.organization})`);
    expect(text).toContain(`   Why: ${first.why}`);
    expect(text).toContain(`   How to refer: ${first.howToRefer}`);
    expect(text).toContain(`   Last verified: ${first.lastVerifiedText}`);
    expect(text).not.toContain("   Areas:");
    expect(text).toContain('"tell me about the second one" for the full record');
    const full = renderReplyText(await c.say("tell me about the first one"));
    expect(full).toContain("   Areas: ");
    expect(full).toContain(first.name);
  });
});
