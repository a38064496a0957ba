// The small pieces the channel is built from: Slack markup to plain words and
// back (escaped, cut within limits, never inside an emoji), button and block
// ids, modal metadata, and Socket Mode's set-up.
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { actionsBlockId, conversationFromBlockId, decodeActionId, uniqueActionIds } from "../../../src/channels/slack/action-ids.js";
import { createSlackApp } from "../../../src/channels/slack/create-slack-app.js";
import { decodeModalMetadata, encodeModalMetadata } from "../../../src/channels/slack/modal-metadata.js";
import { conversationIdFor, placeOf } from "../../../src/channels/slack/slack-conversation.js";
import { mrkdwnFit, mrkdwnPieces, plain, plainTextFromSlack, truncate } from "../../../src/channels/slack/slack-text.js";
import { memoryLogger } from "../../support/memory-logger.js";
import { slackStateOnSqlite } from "./support/slack-state.js";

describe("Slack text", () => {
  it("reads what people wrote from Slack's markup", () => {
    expect(plainTextFromSlack("<@U0LAN0Z89> lonely widower in <#C123|loughborough-team> &amp; <https://example.org|his notes> &lt;3", "U0LAN0Z89")).toBe(
      "lonely widower in #loughborough-team & his notes <3",
    );
    expect(plainTextFromSlack("<!channel> ask <@W222|sam> about <https://example.org>")).toBe("ask @sam about https://example.org");
  });

  it("escapes mrkdwn and cuts it into pieces within the limit, at spaces, never inside an entity or an emoji", () => {
    const text = "a & b <c> 🧓🏽 ".repeat(300);
    const pieces = mrkdwnPieces(text, 100);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(100);
      expect(piece).not.toMatch(/[<>]|&(?!amp;|lt;|gt;)/);
      expect(piece).not.toMatch(/[\uD800-\uDBFF]$/);
    }
    expect(pieces.join(" ").replace(/\s+/g, " ")).toBe(text.trim().replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"));
    expect(mrkdwnFit("<".repeat(50), 20)).toBe(`${"&lt;".repeat(4)}…`);
  });

  it("cuts plain text by whole code points, and never sends an empty text", () => {
    expect(truncate("👨‍👩‍👧👨‍👩‍👧", 9).length).toBeLessThanOrEqual(9);
    expect(truncate("👨‍👩‍👧👨‍👩‍👧", 9)).not.toMatch(/[\uD800-\uDBFF]…$/);
    expect(plain("   ", 75).text).toBe("-");
  });
});

describe("ids", () => {
  it("maps threads and DMs to conversation ids and back", () => {
    expect(conversationIdFor("C123ABC456", "1515449522.000016")).toBe("C123ABC456:1515449522.000016");
    expect(placeOf("C123ABC456:1515449522.000016")).toEqual({ channel: "C123ABC456", threadTs: "1515449522.000016" });
    expect(placeOf(conversationIdFor("D024BE91L"))).toEqual({ channel: "D024BE91L" });
  });

  it("keeps action ids unique within a block and reads them back as the core's actions", () => {
    expect(uniqueActionIds(["show_more", "narrow_area", "narrow_area", "narrow_area"])).toEqual(["show_more", "narrow_area", "narrow_area~2", "narrow_area~3"]);
    expect(decodeActionId("narrow_area~3")).toEqual({ kind: "core", id: "narrow_area" });
    expect(decodeActionId("open_form")).toEqual({ kind: "open_form" });
    expect(decodeActionId("submit_form")).toBeUndefined();
    expect(decodeActionId("something_else")).toBeUndefined();
  });

  it("carries the conversation in a block id when it fits in 255 characters", () => {
    expect(conversationFromBlockId(actionsBlockId(3, "C1:1.1"))).toBe("C1:1.1");
    const long = "C".repeat(300);
    expect(actionsBlockId(3, long)).toBe("sp|3");
    expect(conversationFromBlockId("sp|3")).toBeUndefined();
    expect(conversationFromBlockId("someone-elses-block")).toBeUndefined();
  });

  it("round-trips modal metadata and refuses anything else", () => {
    const metadata = { conversationId: "C1:1.1", team: "C1", formValue: "dialog-1", destination: { channel: "C1", threadTs: "1.1", userId: "U1", visibility: "public" as const } };
    expect(decodeModalMetadata(encodeModalMetadata(metadata))).toEqual(metadata);
    expect(decodeModalMetadata("This is for you!")).toBeUndefined();
    expect(decodeModalMetadata(JSON.stringify({ c: "C1" }))).toBeUndefined();
  });
});

describe("Socket Mode", () => {
  it("is chosen when an app token is given, needs no signing secret and adds no HTTP route", async () => {
    const { state, db } = await slackStateOnSqlite();
    try {
      const slack = createSlackApp({ settings: { botToken: "xoxb-test", appToken: "xapp-test", commandName: "/signpost", apiUrl: "http://127.0.0.1:9/api" }, bot: () => undefined, state, logger: memoryLogger().logger });
      expect(slack.mode).toBe("socket");
      const hono = new Hono();
      slack.mount(hono);
      expect((await hono.request("/slack/events", { method: "POST" })).status).toBe(404);
    } finally {
      await db.destroy();
    }
  });

  it("refuses HTTP without a signing secret", async () => {
    const { state, db } = await slackStateOnSqlite();
    try {
      expect(() => createSlackApp({ settings: { botToken: "xoxb-test", commandName: "/signpost" }, bot: () => undefined, state, logger: memoryLogger().logger })).toThrow(/SLACK_SIGNING_SECRET/);
    } finally {
      await db.destroy();
    }
  });
});
