import { beforeAll, describe, expect, it } from "vitest";
import type { Directory } from "../../src/directory/directory.js";
import type { AreaId, NeedId } from "../../src/directory/ids.js";
import { toDocuments } from "../../src/search/meilisearch-index-settings.js";
import { maxOrderedTiers, mostNeeds, nameRanks, orderedTiers } from "../../src/search/meilisearch-ranking-fields.js";
import { rankServices } from "../../src/search/rank-services.js";
import type { SearchQuery } from "../../src/search/search-engine.js";
import { serviceFacts } from "../../src/search/service-filters.js";
import { syntheticDirectory } from "../../scripts/lib/synthetic-directory.js";
import { realDirectoryAndEngine } from "../support/load-real-directory.js";

let directory: Directory;
beforeAll(async () => {
  directory = syntheticDirectory((await realDirectoryAndEngine()).directory, 3000, 7);
});

/** The services of one tier in the order rank-services.ts gives them when no words match. */
function rankedWithoutText(query: SearchQuery, tier: number): string[] {
  const candidates = directory.services
    .filter((service) => service.needs.filter((need) => query.needs.includes(need)).length === tier)
    .map((service) => ({ service, facts: serviceFacts(service, directory.taxonomy), textScore: 0, words: [] }));
  return rankServices(candidates, { ...query, limit: candidates.length }).map((hit) => hit.service.id);
}

/** The same services sorted by one ranking key, as Meilisearch sorts them. */
function sortedBy(key: "need_order" | `order_${number}`, direction: 1 | -1, ids: readonly string[]): string[] {
  const documents = new Map(toDocuments(directory).map((document) => [document.id, document]));
  return [...ids].sort((a, b) => direction * (documents.get(a)![key]! - documents.get(b)![key]!));
}

describe("the ranking keys stored in each Meilisearch document", () => {
  const query = (needs: NeedId[], areas: AreaId[]): SearchQuery => ({ text: "", needs, areas, age: null, limit: 0 });

  it.each([
    [["social-isolation"], ["melton"], 1],
    [["social-isolation", "carers-support"], ["charnwood", "blaby"], 1],
    [["social-isolation", "carers-support", "transport", "hoarding"], ["leicester", "blaby", "melton"], 2],
    [["transport", "money-and-benefits", "hoarding"], ["rutland"], 2],
  ] as const)("order a tier as the ranking does with no words matched: %j in %j, tier %i", (needs, areas, tier) => {
    const ranked = rankedWithoutText(query([...needs], [...areas]), tier);
    expect(ranked.length).toBeGreaterThan(3);
    expect(sortedBy(`order_${tier}`, -1, ranked)).toEqual(ranked);
  });

  it("order a search naming no area by need count, then name, in every tier", () => {
    for (const tier of [1, 2]) {
      const ranked = rankedWithoutText(query(["social-isolation", "transport"], []), tier);
      expect(ranked.length).toBeGreaterThan(3);
      expect(sortedBy("need_order", 1, ranked)).toEqual(ranked);
    }
  });

  it("rank names in plain code order, as the ranking breaks ties, and equal names by place in the directory", () => {
    const named = (name: string, id: string) => ({ ...directory.services[0]!, name, id });
    const ranks = nameRanks([named("b", "1"), named("B", "2"), named("a", "3"), named("a", "4")]);
    expect([...ranks]).toEqual([["2", 0], ["3", 1], ["4", 2], ["1", 3]]);
  });

  it("have a key for each tier a service can be in, up to a limit", () => {
    expect(mostNeeds(directory)).toBe(3);
    expect(orderedTiers(directory)).toBe(3);
    const many = { services: [{ ...directory.services[0]!, needs: Array.from({ length: 12 }, () => "transport" as const) }] };
    expect(orderedTiers(many)).toBe(maxOrderedTiers);
  });
});
