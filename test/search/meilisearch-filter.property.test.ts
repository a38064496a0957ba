// Hostile input (decision 0023): no query, however written, widens or rewrites a Meilisearch filter.
// A filter is built from known ids only (anything else is refused with a SearchError), names exactly
// the query's ids, and is made of nothing but the filter grammar around those quoted ids.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { areaIds, isAreaId, isNeedId, needIds, offers } from "../../src/directory/ids.js";
import { SearchError } from "../../src/errors/search-error.js";
import { buildFilter, maxExactTierNeeds, tierFilter } from "../../src/search/meilisearch-filter.js";
import type { SearchQuery } from "../../src/search/search-engine.js";
import { hostileText, propertySettings } from "../support/hostile-text.js";

const knownIds = new Set<string>([...areaIds, ...needIds, ...offers]);
const isOffer = (value: string) => (offers as readonly string[]).includes(value);

/** Mostly known ids, sometimes hostile text in their place. */
const idsOf = (known: readonly string[]) => fc.array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: hostileText }), { maxLength: 5 });
const age = fc.oneof(fc.constant(null), fc.integer({ min: -5, max: 130 }), fc.double(), fc.constantFrom(Number.NaN, Infinity, -0));

// A hostile query: the casts are the point, since the ids come from text that reached the search unchecked.
const hostileQuery = fc.record({ text: hostileText, needs: idsOf(needIds), areas: idsOf(areaIds), offers: fc.option(idsOf(offers), { nil: undefined }), age, limit: fc.integer() }).map(
  ({ offers: offered, ...rest }) => ({ ...rest, ...(offered === undefined ? {} : { offers: offered }) }) as unknown as SearchQuery,
);

const allValid = (query: SearchQuery, needs = true) =>
  (!needs || query.needs.every(isNeedId)) && query.areas.every(isAreaId) && (query.offers ?? []).every(isOffer) && (query.age === null || (Number.isInteger(query.age) && query.age >= 0 && query.age <= 120));

/** Nothing but the filter grammar once the known quoted ids are taken out. */
function onlyGrammar(filter: string): boolean {
  const withoutIds = filter.replace(/"([a-z0-9-]+)"/g, (whole, id: string) => (knownIds.has(id) ? "ID" : whole));
  return /^(?:\s|ID|\d+|areas|needs|offer|minimum_age|maximum_age|front_door|false|IN|AND|OR|NOT|<=|>=|=|\[|\]|\(|\)|,)*$/.test(withoutIds);
}

const quotedIn = (filter: string) => new Set([...filter.matchAll(/"([^"]*)"/g)].map((match) => match[1]));

/** Runs a builder: its filter, or "refused" for a SearchError; anything else thrown fails the property. */
function attempt(build: () => string[]): string[] | "refused" {
  try {
    return build();
  } catch (error) {
    if (error instanceof SearchError) return "refused";
    throw error;
  }
}

describe("Meilisearch filters, from hostile queries", () => {
  it("buildFilter refuses what is not a known id and otherwise names exactly the query's ids in the filter grammar", () => {
    fc.assert(
      fc.property(hostileQuery, fc.boolean(), (query, needs) => {
        const filter = attempt(() => buildFilter(query, { needs }));
        expect(filter === "refused").toBe(!allValid(query, needs));
        if (filter === "refused") return;
        const joined = filter.join(" AND ");
        expect(onlyGrammar(joined)).toBe(true);
        const asked = new Set<string>([...query.areas, ...(query.offers ?? []), ...(needs ? query.needs : [])]);
        expect(quotedIn(joined)).toEqual(asked);
        expect(buildFilter({ ...query, text: "" }, { needs })).toEqual(filter);
      }),
      propertySettings,
    );
  });

  it("tierFilter refuses what is not a known id or a possible tier and otherwise keeps to the filter grammar", () => {
    fc.assert(
      fc.property(hostileQuery, fc.integer({ min: -1, max: 10 }), (query, tier) => {
        const filter = attempt(() => tierFilter(query, tier));
        const distinct = new Set(query.needs).size;
        const possible = allValid(query) && tier >= 1 && tier <= distinct && distinct <= maxExactTierNeeds;
        expect(filter === "refused").toBe(!possible);
        if (filter === "refused") return;
        const joined = filter.join(" AND ");
        expect(onlyGrammar(joined)).toBe(true);
        expect(quotedIn(joined)).toEqual(new Set<string>([...query.areas, ...(query.offers ?? []), ...query.needs]));
      }),
      propertySettings,
    );
  });
});
