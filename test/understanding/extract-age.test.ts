import { describe, expect, it } from "vitest";
import { tokenize } from "../../src/text/normalise-text.js";
import { extractAge } from "../../src/understanding/extract-age.js";

const age = (text: string) => extractAge(tokenize(text));

describe("extractAge", () => {
  it.each([
    ["lonley gent in loughbrough, 84, hardly goes out", 84],
    ["84-year-old in Oadby", 84],
    ["84 yr old lady", 84],
    ["84yo", 84],
    ["aged 67", 67],
    ["age: 72", 72],
    ["lady in her 80s", 80],
    ["over 60s group", 60],
    ["mid 70s, lives alone", 70],
    ["5 year old grandson", 5],
    ["gent 84 yrs", 84],
  ])("%s -> %i", (text, expected) => {
    expect(age(text)).toBe(expected);
  });

  it.each([
    "lives at LE11 3AB alone",
    "lost 10 kg since march",
    "appointment at 2 pm",
    "needs help 3 days a week",
    "off sick 2 yrs, confidence shot",
    "moved here 3 years ago",
    "caring for 20 years",
    "",
    "no age given",
  ])("finds no age in %j", (text) => {
    expect(age(text)).toBeNull();
  });

  it("refuses impossible ages", () => {
    expect(age("aged 150")).toBeNull();
  });
});
