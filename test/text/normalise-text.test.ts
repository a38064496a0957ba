import { describe, expect, it } from "vitest";
import { normaliseText, tokenize } from "../../src/text/normalise-text.js";

describe("normaliseText", () => {
  it("lower-cases, joins apostrophes and turns punctuation into single spaces", () => {
    expect(normaliseText("Can't get up the STAIRS!!  (Shepshed)")).toBe("cant get up the stairs shepshed");
    expect(normaliseText("wife’s carer")).toBe("wifes carer");
  });

  it("removes zero-width and bidi control characters that could hide words", () => {
    expect(normaliseText("lone\u200Bly in Lough\u202Eborough\u202C")).toBe("lonely in loughborough");
    expect(normaliseText("\uFEFFfalls\u2066\u2069")).toBe("falls");
  });

  it("folds full-width letters (NFKC) and accents", () => {
    expect(normaliseText("ｌｏｎｅｌｙ café")).toBe("lonely cafe");
  });

  it("keeps digits, so postcode districts survive", () => {
    expect(tokenize("LE11 3AB, 84yo")).toEqual(["le11", "3ab", "84yo"]);
  });

  it("gives no tokens for punctuation, emoji or whitespace alone", () => {
    expect(tokenize("?!... 😀 \n\t")).toEqual([]);
    expect(tokenize("")).toEqual([]);
  });
});
