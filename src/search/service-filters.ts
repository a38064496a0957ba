import type { Service } from "../directory/directory.js";
import type { SearchQuery } from "./search-engine.js";

/**
 * The hard filters every engine applies: area, age and offer. A service that
 * serves the whole county serves every district in it, because its areas are
 * expanded on load. Never relaxed to fill a page of results.
 */
export function passesFilters(service: Service, query: SearchQuery): boolean {
  if (query.areas.length > 0 && !service.areas.some((area) => query.areas.includes(area))) return false;
  if (query.age !== null) {
    if (service.minimum_age !== undefined && query.age < service.minimum_age) return false;
    if (service.maximum_age !== undefined && query.age > service.maximum_age) return false;
  }
  if (query.offers && query.offers.length > 0 && !query.offers.includes(service.offer)) return false;
  return true;
}

/** A need search lists the services that meet a need; front doors are offered beside them. */
export function meetsAnyNeed(service: Service, query: SearchQuery): boolean {
  return !service.front_door && service.needs.some((need) => query.needs.includes(need));
}
