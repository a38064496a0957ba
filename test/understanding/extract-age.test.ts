import { describe, expect, it } from "vitest";
import { extractAge } from "../../src/understanding/extract-age.js";

const age = (text: string) => extractAge(text);

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
    ["79M lives alone in Oadby", 79],
    ["F 90, Melton, falls", 90],
    ["Pt 26F, Coalville, low mood", 26],
    ["Mrs P (79) is sole carer for her husband (85)", 79],
    ["a lady of 90 who lives alone", 90],
    ["lady 67 struggling with damp", 67],
    ["63F T2DM HbA1c 81, BMI 38.4, BP 146/90", 63],
    ["a 13-year-old young carer", 13],
    ["Mr T, 73, 12 Castle View Close", 73],
    ["Referral from the school nurse: girl, 15, cares for her mum", 15],
    ["lad 14 in Coalville, struggling at school", 14],
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
    "BMI 34, BP 162/98 x2 readings",
    "HbA1c 81 and eGFR 39, sats 93%",
    "lives at 12 Castle View Close, Hinckley",
    "walks 50m with a frame",
    "took 2 x 500mg paracetamol at 0915",
    "3 kids under 5, braunstone estate",
    "her boy 2 days a week at nursery",
    "young man 3 miles away from the nearest bus",
    "",
    "no age given",
  ])("finds no age in %j", (text) => {
    expect(age(text)).toBeNull();
  });

  it("refuses impossible ages", () => {
    expect(age("aged 150")).toBeNull();
  });
});
