// The search-based message extension: a composeExtension/query invoke (in the shape Microsoft
// documents for search commands) is answered with a list of thumbnail previews, each inserting
// the service's Adaptive Card (no buttons); emergencies and empty queries answer with a message.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extensionHint } from "../../../src/channels/teams/message-extension.js";
import type { CardJson } from "./support/card-helpers.js";
import { buttonsOf, textOf } from "./support/card-helpers.js";
import { extensionQuery } from "./support/teams-fixtures.js";
import { startTeamsHarness, type TeamsHarness } from "./support/teams-harness.js";

let harness: TeamsHarness;
beforeAll(async () => {
  harness = await startTeamsHarness();
});
afterAll(() => harness.close());

interface ExtensionResponse {
  readonly composeExtension: {
    readonly type: string;
    readonly text?: string;
    readonly attachmentLayout?: string;
    readonly attachments?: { contentType: string; content: CardJson; preview: { contentType: string; content: { title: string; subtitle: string; text: string } } }[];
  };
}

describe("a message extension search", () => {
  it("returns the core's services as previews whose insert is the service's card", async () => {
    const { status, body } = await harness.post(extensionQuery(harness.serviceUrl, [{ name: "query", value: "carer support in Hinckley" }]));
    expect(status).toBe(200);
    const response = (body as ExtensionResponse).composeExtension;
    expect(response.type).toBe("result");
    expect(response.attachmentLayout).toBe("list");
    expect(response.attachments!.length).toBeGreaterThanOrEqual(1);
    for (const attachment of response.attachments!) {
      expect(attachment.contentType).toBe("application/vnd.microsoft.card.adaptive");
      expect(attachment.preview.contentType).toBe("application/vnd.microsoft.card.thumbnail");
      expect(attachment.preview.content.subtitle).toMatch(/last verified/);
      expect(textOf(attachment.content)).toContain(attachment.preview.content.title);
      expect(textOf(attachment.content)).toMatch(/Last verified/);
      expect(buttonsOf(attachment.content)).toEqual([]);
    }
    // Nothing is posted into the conversation: the user picks and inserts.
    expect(harness.connector.calls).toHaveLength(0);
  });

  it("answers an emergency with the safety net's words, not a list", async () => {
    const { body } = await harness.post(extensionQuery(harness.serviceUrl, [{ name: "query", value: "she has taken an overdose" }]));
    const response = (body as ExtensionResponse).composeExtension;
    expect(response.type).toBe("message");
    expect(response.text).toMatch(/999/);
  });

  it("offers a hint on the first run and for an empty query, and no second page", async () => {
    for (const parameters of [[{ name: "initialRun", value: "true" }], [{ name: "query", value: "   " }]]) {
      const { body } = await harness.post(extensionQuery(harness.serviceUrl, parameters));
      expect((body as ExtensionResponse).composeExtension).toEqual({ type: "message", text: extensionHint });
    }
    const { body } = await harness.post(extensionQuery(harness.serviceUrl, [{ name: "query", value: "falls in Melton" }], 25));
    expect((body as ExtensionResponse).composeExtension).toEqual({ type: "result", attachmentLayout: "list", attachments: [] });
  });
});
