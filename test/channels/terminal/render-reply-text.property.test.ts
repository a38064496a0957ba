// Hostile input (decision 0023): whatever text a Reply holds, what the terminal prints has no escape
// (so no ANSI sequence: colour, clearing, window title, hyperlink), no carriage return or backspace to
// overwrite a line, no bidi override and no lone surrogate; and the words themselves are all still there.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderReplyText } from "../../../src/channels/terminal/render-reply-text.js";
import { hostileReply } from "../../support/hostile-reply.js";
import { propertySettings } from "../../support/hostile-text.js";

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const controls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe("terminal text, from hostile replies", () => {
  it("prints no control sequence, and keeps the reply's letters", () => {
    fc.assert(
      fc.property(hostileReply, (reply) => {
        const printed = renderReplyText(reply);
        expect(printed).not.toMatch(controls);
        expect(printed).not.toMatch(loneSurrogate);
        for (const paragraph of reply.text) {
          const letters = paragraph.replace(/[^\p{L}\p{N}]/gu, "");
          expect(printed.replace(/[^\p{L}\p{N}]/gu, "")).toContain(letters);
        }
      }),
      propertySettings,
    );
  });
});
