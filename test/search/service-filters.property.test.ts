// Hostile input (decision 0023): the embedded engine's filters keep to what a query asks. For a query of
// known ids they pass exactly the services a plain reading of the record passes; text that is not a
// known id, put among a query's ids, never lets one more service through.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Service } from "../../src/directory/directory.js";
import { areaIds, needIds, offers } from "../../src/directory/ids.js";
import type { SearchQuery } from "../../src/search/search-engine.js";
import { meetsAnyNeed, passesFilters, queryFacts, serviceFacts } from "../../src/search/service-filters.js";
import { hostileText, propertySettings } from "../support/hostile-text.js";

const someOf = <T>(ids: readonly T[]) => fc.uniqueArray(fc.constantFrom(...ids), { maxLength: 4 });
const ageLimit = fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined });

const service = fc
  .record({ needs: someOf(needIds), areas: someOf(areaIds), offer: fc.constantFrom(...offers), minimum_age: ageLimit, maximum_age: ageLimit, front_door: fc.boolean() })
  .map(
    ({ minimum_age, maximum_age, ...facts }): Service => ({
        id: "s",
        name: "S",
        description: "",
        referral_routes: ["self"],
        how_to_refer: "",
        last_verified: "2026-01-01",
        source: "illustrative sample",
        organization: { id: "o", name: "O" },
        file: "x",
        service_areas: [],
        ...facts,
        ...(minimum_age === undefined ? {} : { minimum_age }),
        ...(maximum_age === undefined ? {} : { maximum_age }),
      }),
  );

const query = fc.record({ text: hostileText, needs: someOf(needIds), areas: someOf(areaIds), offers: someOf(offers), age: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }), limit: fc.constant(5) });

/** The filters as a person would read them off the record. */
function plainlyPasses(record: Service, asked: SearchQuery): boolean {
  if (asked.areas.length > 0 && !asked.areas.some((area) => record.areas.includes(area))) return false;
  if (asked.age !== null && (asked.age < (record.minimum_age ?? 0) || asked.age > (record.maximum_age ?? Infinity))) return false;
  return (asked.offers ?? []).length === 0 || (asked.offers ?? []).includes(record.offer);
}

const junk = fc.array(hostileText, { minLength: 1, maxLength: 3 });

describe("service filters, from hostile queries", () => {
  it("pass exactly what the record plainly says for a query of known ids", () => {
    fc.assert(
      fc.property(service, query, (record, asked) => {
        expect(passesFilters(serviceFacts(record), queryFacts(asked))).toBe(plainlyPasses(record, asked));
        const needed = !record.front_door && asked.needs.some((need) => record.needs.includes(need));
        expect(meetsAnyNeed(serviceFacts(record), queryFacts(asked))).toBe(needed);
      }),
      propertySettings,
    );
  });

  it("never pass one more service when unknown text is put among the ids: an unknown id matches nothing", () => {
    fc.assert(
      fc.property(service, query, junk, fc.constantFrom("needs", "areas", "offers"), (record, asked, extra, where) => {
        const widened = { ...asked, [where]: [...(asked[where] ?? []), ...extra] } as unknown as SearchQuery;
        const facts = serviceFacts(record);
        expect(passesFilters(facts, queryFacts(widened))).toBe(plainlyPasses(record, widened));
        expect(meetsAnyNeed(facts, queryFacts(widened))).toBe(meetsAnyNeed(facts, queryFacts(asked)));
      }),
      propertySettings,
    );
  });
});
