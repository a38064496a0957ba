import { describe, expect, it } from "vitest";
import { splitText, summarise } from "../../src/conversation/split-text.js";

describe("splitText", () => {
  it("keeps short text whole, one piece per paragraph", () => {
    expect(splitText("One.\n\nTwo.", 100)).toEqual(["One.", "Two."]);
  });

  it("splits long text at sentence ends, then spaces, never inside a word", () => {
    const text = "Alpha beta gamma. Delta epsilon zeta eta theta. Iota kappa lambda mu nu xi omicron.";
    const pieces = splitText(text, 30);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(30);
    expect(pieces.join(" ")).toBe(text);
    const words = new Set(text.split(" "));
    for (const piece of pieces) for (const word of piece.split(" ")) expect(words.has(word)).toBe(true);
  });

  it("breaks only a single word that is longer than the limit", () => {
    const pieces = splitText(`see ${"x".repeat(25)} now`, 10);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(10);
    expect(pieces.join("")).toBe(`see${"x".repeat(25)} now`);
  });
});

describe("summarise", () => {
  it("shortens at a word boundary with an ellipsis", () => {
    expect(summarise("The quick brown fox jumps over the lazy dog", 20)).toBe("The quick brown fox…");
    expect(summarise("The quick brown foxes jump", 20)).toBe("The quick brown…");
    expect(summarise("Short one", 20)).toBe("Short one");
  });
});
