import { beforeAll, describe, expect, it } from "vitest";
import type { Directory } from "../../src/directory/directory.js";
import { extractEntities } from "../../src/understanding/extract-entities.js";
import { realDirectoryAndEngine } from "../support/load-real-directory.js";

let directory: Directory;
beforeAll(async () => {
  ({ directory } = await realDirectoryAndEngine());
});
const entities = (text: string) => extractEntities(text, directory).entities;

describe("extractEntities: needs through the taxonomy", () => {
  it.each([
    ["lonley gent, hardly goes out", "social-isolation"],
    ["needs a DFG for a level access shower", "home-adaptations"],
    ["COPD, struggling to manage", "long-term-conditions"],
    ["keeps falling", "falls-prevention"],
    ["house is freezing and damp", "affordable-warmth"],
    ["wife has dementa", "dementia-and-memory"],
    ["wants to quit smoking", "stop-smoking"],
    ["hoarding, cant get in the kitchen", "hoarding"],
    ["needs a pendant alarm", "assistive-technology"],
    ["food bank voucher", "food-and-essentials"],
  ])("%s -> %s", (text, need) => {
    expect(entities(text).needs).toContain(need);
  });

  it("finds several needs in one message", () => {
    expect(entities("lonely, keeps falling and the house is freezing").needs).toEqual(
      expect.arrayContaining(["social-isolation", "falls-prevention", "affordable-warmth"]),
    );
  });

  it("finds no need in words that mean none", () => {
    expect(entities("hello there").needs).toEqual([]);
  });
});

describe("extractEntities: areas through the gazetteer", () => {
  it.each([
    ["Shepshed", ["charnwood"]],
    ["loughbrough", ["charnwood"]],
    ["lives in Ashby-de-la-Zouch", ["north-west-leicestershire"]],
    ["ashby de la zouch", ["north-west-leicestershire"]],
    ["Braunstone Town", ["blaby"]],
    ["Braunstone", ["leicester"]],
    ["Oakham", ["rutland"]],
    ["postcode LE11 2AB", ["charnwood"]],
    ["hinkley", ["hinckley-and-bosworth"]],
    ["Melton Mowbray", ["melton"]],
    ["Beaumont Leys", ["leicester"]],
  ])("%s -> %j", (text, areas) => {
    expect(entities(text).areas).toEqual(areas);
  });

  it("expands the county to its seven districts", () => {
    expect(entities("anywhere in Leicestershire").areas).toHaveLength(7);
  });

  it("never guesses an area when no place is named", () => {
    expect(entities("lonely widower, 84, keeps falling").areas).toEqual([]);
    expect(entities("needs an OT assessment for downstairs toilet").areas).toEqual([]);
  });
});

describe("extractEntities: hostile input", () => {
  it("sees through zero-width and bidi characters", () => {
    expect(entities("lone\u200Bly in Sheps\u202Ehed").areas).toEqual(["charnwood"]);
  });

  it("copes with only punctuation, emoji and very long input", () => {
    expect(entities("!!! ??? 😀😀").needs).toEqual([]);
    const long = "lonely ".repeat(5000);
    expect(entities(long).needs).toEqual(["social-isolation"]);
  });
});
