import { beforeAll, describe, expect, it } from "vitest";
import type { Directory } from "../../src/directory/directory.js";
import { needIds } from "../../src/directory/ids.js";
import { CompactTextIndex } from "../../src/search/compact-text-index.js";
import { NeedTermScorer } from "../../src/search/need-term-scorer.js";
import { realDirectoryAndEngine } from "../support/load-real-directory.js";

let directory: Directory;
let scorer: NeedTermScorer;
beforeAll(async () => {
  ({ directory } = await realDirectoryAndEngine());
  scorer = new NeedTermScorer(new CompactTextIndex());
  await scorer.build(directory.taxonomy);
});
const at = (...needs: (typeof needIds)[number][]) => needs.map((need) => needIds.indexOf(need));

describe("NeedTermScorer", () => {
  it("leans to the need whose terms the words meet, typos included, where the taxonomy matcher may not", async () => {
    const scores = await scorer.score("hording, cant get in the back bedroom");
    expect(scores.strongNeeds).toContain("hoarding");
    expect(scores.score(at("hoarding"))).toBeGreaterThan(scores.score(at("transport")));
    expect(scores.words(["hoarding"])).toContain("hording");
  });

  it("leaves out needs reached only by a passing word", async () => {
    const scores = await scorer.score("widow rattling round a 3 bed house, thinking bungalow or sheltered");
    expect(scores.strongNeeds).toContain("housing-options");
    expect(scores.strongNeeds).not.toContain("money-and-benefits");
    expect(scores.score(at("money-and-benefits"))).toBeGreaterThan(0);
  });

  it("damps a service's score by the square root of how many needs it meets", async () => {
    const scores = await scorer.score("lonely and cold at home");
    const lonely = scores.score(at("social-isolation"));
    const cold = scores.score(at("affordable-warmth"));
    expect(lonely).toBeGreaterThan(0);
    expect(cold).toBeGreaterThan(0);
    expect(scores.score(at("social-isolation", "affordable-warmth"))).toBeCloseTo((lonely + cold) / Math.SQRT2, 9);
    expect(scores.score([])).toBe(0);
  });

  it("scores nothing for an empty message", async () => {
    const scores = await scorer.score("   ");
    expect(scores.strongNeeds).toEqual([]);
    expect(scores.score(at("social-isolation"))).toBe(0);
  });
});
