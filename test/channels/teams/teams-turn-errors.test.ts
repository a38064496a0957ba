// A turn that fails: the adapter's onTurnError logs where it failed (no message text, no
// personal data) and the user gets a short apology, never a stack trace. And a bot that is
// still starting says so.
import { describe, expect, it } from "vitest";
import { apology } from "../../../src/channels/teams/create-teams-adapter.js";
import { notReady } from "../../../src/channels/teams/converse.js";
import type { Bot } from "../../../src/conversation/bot.js";
import { allText } from "./support/card-helpers.js";
import { channelMention, extensionQuery, personalMessage } from "./support/teams-fixtures.js";
import { startTeamsHarness } from "./support/teams-harness.js";

describe("a turn that fails", () => {
  it("is answered with an apology and logged without what the user wrote", async () => {
    const failing: Bot = { handle: (message) => Promise.reject(new Error(`could not handle "${message.text ?? ""}"`)) };
    const harness = await startTeamsHarness({ bot: failing });
    try {
      const { status } = await harness.post(channelMention(harness.serviceUrl, "Mrs Patel, NHS 943 476 5870, lives in Blaby"));
      expect(status).toBe(200);
      const sent = JSON.stringify(harness.connector.calls.map((c) => c.body));
      expect(allText(harness.connector.calls)).toBe(apology);
      expect(sent).not.toMatch(/\bat .+\.(?:ts|js):\d+/);
      expect(sent).not.toMatch(/could not handle|Mrs Patel|943 476 5870/);
      const logged = JSON.stringify(harness.logs());
      expect(logged).toMatch(/Teams turn failed/);
      expect(logged).not.toMatch(/Mrs Patel|943 476 5870|could not handle/);
      // A failed message extension search posts nothing into the chat the user is writing in.
      const before = harness.connector.calls.length;
      const { status: extensionStatus } = await harness.post(extensionQuery(harness.serviceUrl, [{ name: "query", value: "falls in Melton" }]));
      expect(extensionStatus).not.toBe(200);
      expect(harness.connector.calls.length).toBe(before);
    } finally {
      await harness.close();
    }
  });

  it("still answers, saying Signpost is starting, when the core is not ready", async () => {
    const notYet = { handle: () => Promise.reject(new Error("unused")) } satisfies Bot;
    const harness = await startTeamsHarness({ bot: notYet, botReady: false });
    try {
      await harness.post(personalMessage(harness.serviceUrl, "lonely widower in Loughborough"));
      expect(allText(harness.connector.calls)).toBe(notReady);
    } finally {
      await harness.close();
    }
  });
});
