/**
 * Tidying a record before it is checked fixes formatting, never meaning: a
 * bare domain gets https:// only when it is unambiguously one, text that is
 * not HTML keeps its words, and each fix is noted by field and kind.
 */
import { describe, expect, it } from "vitest";
import { normaliseOrukRecord } from "../../src/oruk/normalise-oruk-record.js";
import { plainText } from "../../src/oruk/oruk-plain-text.js";

describe("tidying a feed record", () => {
  it("adds https:// to a bare domain only, and leaves what is not one for the schema to refuse", () => {
    const tidy = (url: string) => (normaliseOrukRecord({ url }).value as { url?: string }).url;
    expect(tidy("example.org")).toBe("https://example.org");
    expect(tidy("www.befriend.example.org/visit?x=1")).toBe("https://www.befriend.example.org/visit?x=1");
    expect(tidy("http://befriend.example.org")).toBe("https://befriend.example.org");
    expect(tidy("see our website")).toBe("see our website");
    expect(tidy("hello@example.org")).toBe("hello@example.org");
    expect(tidy("ftp://files.example.org")).toBe("ftp://files.example.org");
  });

  it("takes empty text as absent, drops list entries left with only ids, and notes each fix by field", () => {
    const { value, fixes } = normaliseOrukRecord({ id: "1", email: "\u200b", phones: [{ id: "p", number: " " }, { id: "q", number: "0116 496 0123" }] });
    expect(value).toEqual({ id: "1", phones: [{ id: "q", number: "0116 496 0123" }] });
    expect(fixes).toEqual([
      { field: "email", what: "zero-width characters removed" },
      { field: "email", what: "empty text taken as absent" },
      { field: "phones.number", what: "empty text taken as absent" },
      { field: "phones", what: "empty list entry removed" },
    ]);
  });

  it("removes direction controls as well as zero-width characters, so no text reads backwards on a card", () => {
    const { value } = normaliseOrukRecord({ id: "1", name: "Tea \u202eand\u202c chat\u200b" });
    expect(value).toEqual({ id: "1", name: "Tea and chat" });
  });

  it("turns HTML into plain text and leaves plain text's words alone", () => {
    expect(plainText("<p>Tea &amp; chat</p><script>alert(1)</script><p>Thursdays</p>")).toBe("Tea & chat\n\nThursdays");
    expect(plainText("Fish & chips < 5 pounds, Mondays")).toBe("Fish & chips < 5 pounds, Mondays");
  });
});
