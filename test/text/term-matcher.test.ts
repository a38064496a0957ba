import { describe, expect, it } from "vitest";
import { tokenize } from "../../src/text/normalise-text.js";
import { TermMatcher, typoAllowance } from "../../src/text/term-matcher.js";

const matcher = new TermMatcher<string>([
  ["lonely", "isolation"],
  ["falls", "falls"],
  ["keeps falling", "falls"],
  ["Ashby-de-la-Zouch", "nwl"],
  ["Ashby", "nwl"],
  ["DFG", "adaptations"],
  ["fuel poverty", "warmth"],
  ["fuel poverty", "money"],
  ["Loughborough", "charnwood"],
]);

describe("TermMatcher", () => {
  it("prefers the longest phrase and never matches one word twice", () => {
    const found = matcher.matchExact(tokenize("lives in ashby de la zouch, keeps falling"));
    expect(found.map((m) => [m.term, m.values])).toEqual([
      ["ashby de la zouch", ["nwl"]],
      ["keeps falling", ["falls"]],
    ]);
  });

  it("accepts a plural s and keeps every value of a shared term", () => {
    expect(matcher.matchExact(tokenize("two DFGs"))[0]?.values).toEqual(["adaptations"]);
    expect(matcher.matchExact(tokenize("in fuel poverty"))[0]?.values).toEqual(["warmth", "money"]);
  });

  it("tolerates a typo in longer words but not in short ones or abbreviations", () => {
    expect(matcher.matchFuzzy(tokenize("lonley"))[0]?.values).toEqual(["isolation"]);
    expect(matcher.matchFuzzy(tokenize("loughbrough"))[0]?.values).toEqual(["charnwood"]);
    expect(matcher.matchFuzzy(tokenize("fails"))).toEqual([]);
    expect(matcher.matchFuzzy(tokenize("dgf"))).toEqual([]);
  });

  it("holds a long word to the shorter term's allowance", () => {
    // "assessment" (10 letters, 2 typos allowed) is 2 edits from "aylestone" (9 letters, 1 allowed).
    const places = new TermMatcher<string>([["Aylestone", "leicester"]]);
    expect(places.matchFuzzy(tokenize("ot assessment"))).toEqual([]);
    expect(places.matchFuzzy(tokenize("aylestine"))[0]?.values).toEqual(["leicester"]);
  });

  it("never corrects a real English word into a term", () => {
    for (const word of ["lovely", "failing", "trapped", "benefit", "heading"]) {
      expect(new TermMatcher<string>([["lonely", "a"], ["falling", "b"], ["tripped", "c"], ["benefits", "d"], ["heating", "e"]]).matchFuzzy([word])).toEqual([]);
    }
  });

  it("needs the first letter right, so unrelated words do not drift in", () => {
    expect(matcher.matchFuzzy(tokenize("honely"))).toEqual([]);
  });

  it("skips tokens another vocabulary already claimed", () => {
    const claimed = new Set([0]);
    expect(matcher.matchExact(tokenize("lonely"), claimed)).toEqual([]);
  });

  it("gives no typo allowance to short words or words with digits", () => {
    expect(typoAllowance("falls")).toBe(0);
    expect(typoAllowance("le11ab")).toBe(0);
    expect(typoAllowance("lonely")).toBe(1);
    expect(typoAllowance("loughborough")).toBe(2);
  });
});

describe("TermMatcher with fuzzy phrases (place names)", () => {
  const places = new TermMatcher<string>(
    [
      ["Great Glen", "harborough"],
      ["Kirby Muxloe", "blaby"],
      ["Beaumont Leys", "leicester"],
      ["Market Bosworth", "hinckley"],
    ],
    undefined,
    true,
  );
  const fuzzy = (text: string) => places.matchFuzzy(tokenize(text)).map((m) => [m.term, m.written]);

  it("matches a two-word name with a typo, or run together", () => {
    expect(fuzzy("lady in great glenn")).toEqual([["great glen", "great glenn"]]);
    expect(fuzzy("kirkby muxlo couple")).toEqual([["kirby muxloe", "kirkby muxlo"]]);
    expect(fuzzy("beaumontleys")).toEqual([["beaumont leys", "beaumontleys"]]);
    expect(fuzzy("market bosworht")).toEqual([["market bosworth", "market bosworht"]]);
  });

  it("leaves a phrase of real words alone, however close", () => {
    expect(fuzzy("great glee")).toEqual([]);
    expect(fuzzy("market town")).toEqual([]);
  });

  it("is off unless asked for", () => {
    const plain = new TermMatcher<string>([["Great Glen", "harborough"]]);
    expect(plain.matchFuzzy(tokenize("great glenn"))).toEqual([]);
    expect(plain.matchFuzzy(tokenize("greatglen"))).toEqual([]);
  });
});
