import { describe, expect, it } from "vitest";
import { editDistance } from "../../src/text/edit-distance.js";

describe("editDistance", () => {
  it.each([
    ["lonely", "lonely", 0],
    ["lonley", "lonely", 1], // adjacent letters swapped count once
    ["loughbrough", "loughborough", 1],
    ["benifits", "benefits", 1],
    ["dementa", "dementia", 1],
    ["kitten", "sitting", 3],
    ["", "abc", 3],
  ])("%s -> %s is %i", (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });

  it("stops early past the limit and reports limit + 1", () => {
    expect(editDistance("hoarding", "transport", 2)).toBe(3);
    expect(editDistance("a", "abcdefgh", 2)).toBe(3);
  });
});
