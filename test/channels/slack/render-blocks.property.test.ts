// Hostile input (decision 0023): whatever text a Reply holds, its Block Kit keeps within every limit in
// block_kit_limits.yaml and no mrkdwn carries markup from it (no <!channel>, <@U…> or <http…|…> link).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderReply } from "../../../src/channels/slack/render-blocks.js";
import { renderModal } from "../../../src/channels/slack/render-modal.js";
import { hostileReply } from "../../support/hostile-reply.js";
import { propertySettings } from "../../support/hostile-text.js";
import { checkMessage, checkModal } from "./support/block-kit-checks.js";

const destination = { channel: "C1", threadTs: "1.1", userId: "U1", visibility: "public" as const };

describe("Block Kit, from hostile replies", () => {
  it("keeps every message within Slack's limits, with no markup from the reply's text", () => {
    fc.assert(
      fc.property(hostileReply, (reply) => {
        const messages = renderReply(reply, { conversationId: reply.conversationId });
        expect(messages.length).toBeGreaterThan(0);
        for (const message of messages) {
          checkMessage(message);
          expect(message.text, "fallback text has unescaped markup").not.toMatch(/<[^>]*>/);
        }
      }),
      propertySettings,
    );
  });

  it("keeps every form's modal within Slack's limits", () => {
    fc.assert(
      fc.property(hostileReply, (reply) => {
        if (!reply.form) return;
        const view = renderModal({ ...reply, form: reply.form }, { conversationId: reply.conversationId, formValue: reply.form.value, destination });
        checkModal(view as unknown as Record<string, unknown>);
      }),
      propertySettings,
    );
  });
});
