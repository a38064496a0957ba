// Hostile input (decision 0023): whatever text a Reply holds, Teams gets schema-valid Adaptive Cards 1.5
// in activities within its size limits, no markdown link or invisible character from the text, and no
// link to open that is not http(s).
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { replyActivities } from "../../../src/channels/teams/deliver-reply.js";
import { jsonBytes, teamsLimits } from "../../../src/channels/teams/teams-limits.js";
import { hostileReply } from "../../support/hostile-reply.js";
import { propertySettings } from "../../support/hostile-text.js";
import { adaptiveCardValidator } from "./support/adaptive-card-schema.js";

let validate: (card: unknown) => string[];
beforeAll(() => {
  validate = adaptiveCardValidator();
});

/** Every string value in a card, with the key it is under. */
function strings(value: unknown, key = ""): [string, string][] {
  if (typeof value === "string") return [[key, value]];
  if (Array.isArray(value)) return value.flatMap((item) => strings(item, key));
  if (value !== null && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => strings(v, k));
  return [];
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const invisible = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const markdownLink = /(?<!\\)\[[^\]]*(?<!\\)\]\(/;

describe("Adaptive Cards, from hostile replies", () => {
  it("are schema-valid, within the size limits, with no markup, hidden text or unsafe link from the reply", () => {
    fc.assert(
      fc.property(hostileReply, fc.option(fc.constant("AbCdEfGh12345678"), { nil: undefined }), (reply, route) => {
        const activities = replyActivities(reply, route);
        for (const activity of activities) {
          const json = JSON.stringify(activity);
          expect(JSON.parse(json)).toEqual(JSON.parse(json));
          expect(jsonBytes(activity)).toBeLessThan(teamsLimits.maxPayloadBytes);
          const cards = (activity.attachments ?? []).map((attachment) => attachment.content as unknown);
          if (cards.length > 1) expect(jsonBytes(activity)).toBeLessThanOrEqual(teamsLimits.activityBytes);
          for (const card of cards) {
            expect(validate(card)).toEqual([]);
            for (const [key, text] of strings(card)) {
              if (key === "text") expect(text, "markdown link in a TextBlock").not.toMatch(markdownLink);
              if (key === "text" || key === "title" || key === "label") expect(text, `invisible character in ${key}`).not.toMatch(invisible);
              if (key === "url") expect(new URL(text).protocol).toMatch(/^https?:$/);
            }
          }
        }
      }),
      propertySettings,
    );
  });
});
