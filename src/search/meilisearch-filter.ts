import { isAreaId, isNeedId, offers } from "../directory/ids.js";
import { SearchError } from "../errors/search-error.js";
import type { SearchQuery } from "./search-engine.js";

/**
 * The Meilisearch filter for a query, built only from validated ids and whole
 * numbers. Anything else is refused before a request is made, so no text from
 * a message can ever widen or rewrite a filter.
 */
export function buildFilter(query: SearchQuery, options: { needs: boolean }): string[] {
  const list = (values: readonly string[], valid: (v: string) => boolean, what: string) => {
    for (const value of values) if (!valid(value)) throw new SearchError(`refused a ${what} filter value that is not a known id`);
    return `[${values.map((v) => JSON.stringify(v)).join(", ")}]`;
  };
  const filter: string[] = [];
  if (options.needs && query.needs.length > 0) {
    filter.push(`needs IN ${list(query.needs, isNeedId, "need")}`, "front_door = false");
  }
  if (query.areas.length > 0) filter.push(`areas IN ${list(query.areas, isAreaId, "area")}`);
  if (query.offers && query.offers.length > 0) filter.push(`offer IN ${list(query.offers, (o) => (offers as readonly string[]).includes(o), "offer")}`);
  if (query.age !== null) {
    if (!Number.isInteger(query.age) || query.age < 0 || query.age > 120) throw new SearchError("refused an age filter that is not a whole number from 0 to 120");
    filter.push(`minimum_age <= ${query.age}`, `maximum_age >= ${query.age}`);
  }
  return filter;
}
