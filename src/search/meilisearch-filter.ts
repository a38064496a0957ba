import { isAreaId, isNeedId, offers } from "../directory/ids.js";
import { SearchError } from "../errors/search-error.js";
import type { SearchQuery } from "./search-engine.js";

/**
 * The Meilisearch filter for a query, built only from validated ids and whole
 * numbers. Anything else is refused before a request is made, so no text from
 * a message can ever widen or rewrite a filter. With `needs`, only services
 * meeting one of the asked needs, and no front door, as rank-services.ts keeps.
 */
export function buildFilter(query: SearchQuery, options: { needs: boolean }): string[] {
  const filter = hardFilters(query);
  if (options.needs && query.needs.length > 0) filter.push(`needs IN ${list(query.needs, isNeedId, "need")}`, "front_door = false");
  return filter;
}

/**
 * The filter for one tier of a need search: the services meeting exactly `tier`
 * of the asked needs (and no front door), within the hard filters. "Exactly m
 * of them" is written out as every m-need combination, so it is kept for
 * queries of a few needs: up to `maxExactTierNeeds` (70 combinations at most).
 */
export function tierFilter(query: SearchQuery, tier: number): string[] {
  const needs = [...new Set(query.needs)].map((need) => quoted(need, isNeedId, "need"));
  if (!Number.isInteger(tier) || tier < 1 || tier > needs.length || needs.length > maxExactTierNeeds) throw new SearchError("refused a need tier the query cannot have");
  const tierOnly = tier === needs.length ? atLeast(needs, tier) : `(${atLeast(needs, tier)}) AND NOT (${atLeast(needs, tier + 1)})`;
  return [...hardFilters(query), tierOnly, "front_door = false"];
}

export const maxExactTierNeeds = 8;

/** Areas, offers and age: the filters every search keeps to, never relaxed. */
function hardFilters(query: SearchQuery): string[] {
  const filter: string[] = [];
  if (query.areas.length > 0) filter.push(`areas IN ${list(query.areas, isAreaId, "area")}`);
  if (query.offers && query.offers.length > 0) filter.push(`offer IN ${list(query.offers, (o) => (offers as readonly string[]).includes(o), "offer")}`);
  if (query.age !== null) {
    if (!Number.isInteger(query.age) || query.age < 0 || query.age > 120) throw new SearchError("refused an age filter that is not a whole number from 0 to 120");
    filter.push(`minimum_age <= ${query.age}`, `maximum_age >= ${query.age}`);
  }
  return filter;
}

function list(values: readonly string[], valid: (v: string) => boolean, what: string): string {
  return `[${values.map((value) => quoted(value, valid, what)).join(", ")}]`;
}

function quoted(value: string, valid: (v: string) => boolean, what: string): string {
  if (!valid(value)) throw new SearchError(`refused a ${what} filter value that is not a known id`);
  return JSON.stringify(value);
}

/** Services meeting at least `count` of these (already quoted) needs. */
function atLeast(needs: readonly string[], count: number): string {
  if (count === 1) return `needs IN [${needs.join(", ")}]`;
  return combinations(needs, count)
    .map((combination) => `(${combination.map((need) => `needs = ${need}`).join(" AND ")})`)
    .join(" OR ");
}

function combinations<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  return items.flatMap((item, at) => combinations(items.slice(at + 1), size - 1).map((rest) => [item, ...rest]));
}
