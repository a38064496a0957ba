import { describe, expect, it } from "vitest";
import { describeSource } from "../../src/directory/describe-source.js";

describe("describeSource", () => {
  it("says an invented record is not a real service", () => {
    expect(describeSource({ source: "illustrative sample" })).toBe("illustrative sample record, not a real service");
  });

  it("names the seed document, and says when only the contact details are invented", () => {
    expect(describeSource({ source: "seed 000 (Leicestershire BCF plan 2020/21)" })).toBe("from the Leicestershire BCF plan 2020/21");
    expect(describeSource({ source: "seed 002 (Leicester City BCF update, March 2016); contact details: illustrative sample" })).toBe(
      "from the Leicester City BCF update, March 2016; contact details are illustrative",
    );
  });
});
