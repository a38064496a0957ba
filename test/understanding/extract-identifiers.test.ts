import { describe, expect, it } from "vitest";
import { extractNhsNumber, isValidNhsNumber } from "../../src/understanding/extract-nhs-number.js";
import { extractPerson } from "../../src/understanding/extract-person.js";
import { extractReference } from "../../src/understanding/extract-reference.js";
import { extractUrgency } from "../../src/understanding/extract-urgency.js";
import { syntheticNhsNumber, withWrongCheckDigit } from "../support/synthetic-nhs-number.js";

/** A prefix's valid number, or a throw when its check digit would be 10. */
function syntheticNhsNumberFor(nine: string): string {
  const found = syntheticNhsNumber(Number(nine.slice(3)));
  if (!found.startsWith(nine)) throw new Error(`${nine} has no valid check digit`);
  return found;
}

describe("NHS numbers", () => {
  const valid = syntheticNhsNumber(1);
  const spaced = `${valid.slice(0, 3)} ${valid.slice(3, 6)} ${valid.slice(6)}`;
  const wrongCheck = withWrongCheckDigit(valid);

  it("accepts a number whose Modulus 11 check digit is right, in any common spacing", () => {
    expect(isValidNhsNumber(valid)).toBe(true);
    for (const written of [valid, spaced, spaced.replaceAll(" ", "-")]) {
      expect(extractNhsNumber(`nhs no ${written} pls`)).toEqual({ kind: "valid", nhsNumber: valid });
    }
  });

  it("reports a number whose check digit is wrong, without keeping it", () => {
    expect(isValidNhsNumber(wrongCheck)).toBe(false);
    expect(extractNhsNumber(`nhs ${wrongCheck}`)).toEqual({ kind: "invalid" });
  });

  it("refuses every number whose check digit would have to be 10", () => {
    const weighted = (nine: string) => [...nine].reduce((sum, digit, i) => sum + Number(digit) * (10 - i), 0);
    const noCheckDigit = Array.from({ length: 100 }, (_, i) => `9990000${String(i).padStart(2, "0")}`).find((nine) => weighted(nine) % 11 === 1);
    expect(noCheckDigit).toBeDefined();
    expect(() => syntheticNhsNumberFor(noCheckDigit!)).toThrow();
    for (let d = 0; d <= 9; d++) expect(isValidNhsNumber(`${noCheckDigit}${d}`)).toBe(false);
  });

  it("reads full-width digits and sees through zero-width characters", () => {
    const fullWidth = [...valid].map((d) => String.fromCharCode(0xff10 + Number(d))).join("");
    expect(extractNhsNumber(`nhs ${fullWidth}`)).toEqual({ kind: "valid", nhsNumber: valid });
    expect(extractNhsNumber(`${valid.slice(0, 5)}\u200B${valid.slice(5)}`)).toEqual({ kind: "valid", nhsNumber: valid });
  });

  it("copes with hostile input", () => {
    expect(extractNhsNumber("9".repeat(100_000))).toEqual({ kind: "none" });
    expect(extractNhsNumber("😀 \u202E 🙂")).toEqual({ kind: "none" });
    expect(extractReference("FC-\u200B7K3M9Q")).toBe("FC-7K3M9Q");
    expect(extractPerson("\u0000\u0007 refer \u202EMrs P")).toBe("Mrs P");
  });

  it("does not take phone numbers, long digit runs or short numbers for NHS numbers", () => {
    expect(extractNhsNumber("call 0116 496 0123")).toEqual({ kind: "none" });
    expect(extractNhsNumber("ref 12345678901234")).toEqual({ kind: "none" });
    expect(extractNhsNumber("aged 84, 3 falls")).toEqual({ kind: "none" });
  });
});

describe("referral references", () => {
  it.each([
    ["any update on FC-7K3M9Q?", "FC-7K3M9Q"],
    ["has fc-000123 been picked up", "FC-000123"],
    ["FC 7K3M9Q status", "FC-7K3M9Q"],
    ["fc7k3m9q", "FC-7K3M9Q"],
    ["FC-7K3MOQ", "FC-7K3M0Q"],
    ["any update on FC-SBPNDJ?", "FC-SBPNDJ"],
  ])("%s -> %s", (text, reference) => {
    expect(extractReference(text)).toBe(reference);
  });

  it("ignores words that only look like a reference", () => {
    expect(extractReference("fc please for mrs p")).toBeNull();
    expect(extractReference("refer to FC for a DFG")).toBeNull();
  });
});

describe("urgency", () => {
  it.each([
    ["needs seeing asap", "soon"],
    ["urgent please", "soon"],
    ["not urgent, whenever", "routine"],
    ["routine referral", "routine"],
    ["lonely in coalville", null],
  ])("%s -> %s", (text, urgency) => {
    expect(extractUrgency(text)).toBe(urgency);
  });
});

describe("the person a referral is for", () => {
  it.each([
    ["refer Mrs P to FC for a home safety check, consented", "Mrs P"],
    ["pls log an FC referral for JS", "JS"],
    ["referral for J.S. please", "J.S."],
    ["Mr Bhatt needs grab rails", "Mr Bhatt"],
    ["dr. Okafor asked me to refer", "Dr Okafor"],
  ])("%s -> %s", (text, person) => {
    expect(extractPerson(text)).toBe(person);
  });

  it("never takes an abbreviation for initials", () => {
    expect(extractPerson("refer to FC for a DFG")).toBeNull();
    expect(extractPerson("needs an OT for COPD")).toBeNull();
    expect(extractPerson("lonely gent in loughborough")).toBeNull();
  });
});
