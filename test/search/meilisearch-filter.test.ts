import { describe, expect, it } from "vitest";
import { type NeedId, needIds } from "../../src/directory/ids.js";
import { SearchError } from "../../src/errors/search-error.js";
import { buildFilter, maxExactTierNeeds, tierFilter } from "../../src/search/meilisearch-filter.js";
import type { SearchQuery } from "../../src/search/search-engine.js";

const query = (overrides: Partial<SearchQuery>): SearchQuery => ({ text: "", needs: [], areas: [], age: null, limit: 5, ...overrides });

describe("Meilisearch filters", () => {
  it("keep a need search to the asked needs and no front door, within the area, offer and age", () => {
    expect(buildFilter(query({ needs: ["transport"], areas: ["melton"], offers: ["vcs"], age: 70 }), { needs: true })).toEqual([
      'areas IN ["melton"]',
      'offer IN ["vcs"]',
      "minimum_age <= 70",
      "maximum_age >= 70",
      'needs IN ["transport"]',
      "front_door = false",
    ]);
    expect(buildFilter(query({ needs: ["transport"] }), { needs: false })).toEqual([]);
  });

  it("write a tier as exactly that many of the asked needs", () => {
    const three = query({ needs: ["transport", "hoarding", "pets"], areas: ["rutland"] });
    expect(tierFilter(three, 3)).toEqual(['areas IN ["rutland"]', '(needs = "transport" AND needs = "hoarding" AND needs = "pets")', "front_door = false"]);
    expect(tierFilter(three, 1)[1]).toBe(
      '(needs IN ["transport", "hoarding", "pets"]) AND NOT ((needs = "transport" AND needs = "hoarding") OR (needs = "transport" AND needs = "pets") OR (needs = "hoarding" AND needs = "pets"))',
    );
    // A need asked twice is one need.
    expect(tierFilter(query({ needs: ["pets", "pets"] }), 1)[0]).toBe('needs IN ["pets"]');
  });

  it("refuse a tier the query cannot have, a value that is not an id, and more needs than are written out", () => {
    const two = query({ needs: ["transport", "pets"] });
    for (const tier of [0, 3, 1.5]) expect(() => tierFilter(two, tier)).toThrow(SearchError);
    expect(() => tierFilter(query({ needs: ['pets" OR needs EXISTS' as NeedId] }), 1)).toThrow(SearchError);
    const many = needIds.slice(0, maxExactTierNeeds + 1);
    expect(() => tierFilter(query({ needs: many.slice(0, -1) }), 1)).not.toThrow();
    expect(() => tierFilter(query({ needs: many }), 1)).toThrow(SearchError);
  });
});
