import type { Directory, Service } from "../directory/directory.js";
import { localAreaCount } from "./rank-services.js";

/**
 * What rank-services.ts reads of a service, stored in its Meilisearch document
 * as sort keys, so that Meilisearch returns services in the ranking's own order
 * rather than Signpost re-ranking a thousand candidates
 * (docs/decisions/0016-meilisearch-ranking.md).
 *
 * For a need search the ranking is 6 x met/asked + 2 x met/needs + 2 x text
 * share + 1 local, ties by name. Among the services meeting m of the asked
 * needs (a "tier") that no words matched, the order is fixed by the service's
 * need count, whether it is local, and its name. Each key packs these into one
 * number (Meilisearch sorts by one field fastest): the part of the ranking it
 * stands for, to 3 decimals as the ranking rounds, then the name's place.
 */
export interface RankingFields {
  /** For searches naming no area: fewest needs first (2m/needs falls as needs grow), then by name. Ascending. */
  need_order: number;
  /** `order_1` ... `order_<orderedTiers>`, for searches naming an area: 2m/needs + 1 when local, then by name. Descending. */
  [order: `order_${number}`]: number;
}

/**
 * Tiers beyond this many met needs have no key of their own (no service in the
 * directory meets more than 4 needs; a directory where some do pays a field each).
 */
export const maxOrderedTiers = 8;

/** The most needs any service meets (at least 1): no service is in a higher tier. */
export function mostNeeds(directory: Pick<Directory, "services">): number {
  let most = 1;
  for (const service of directory.services) most = Math.max(most, service.needs.length);
  return most;
}

/** How many tiers have a key: the most needs any service meets, at most `maxOrderedTiers`. */
export function orderedTiers(directory: Pick<Directory, "services">): number {
  return Math.min(mostNeeds(directory), maxOrderedTiers);
}

/** The key for a tier (a tier beyond the last key uses the last). */
export function orderField(tier: number, tiers: number): `order_${number}` {
  return `order_${Math.min(tier, tiers)}`;
}

/** Each service's place in the directory sorted by name in plain code order (as the ranking breaks ties), then by position. */
export function nameRanks(services: readonly Service[]): Map<string, number> {
  const sorted = services.map((service, position) => ({ name: service.name, id: service.id, position }));
  sorted.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.position - b.position));
  return new Map(sorted.map((entry, rank) => [entry.id, rank]));
}

/** The keys of one service: `nameRank` is its place by name, `services` how many there are. */
export function rankingFields(service: Service, nameRank: number, services: number, tiers: number): RankingFields {
  const needs = Math.max(1, service.needs.length);
  const local = service.areas.length <= localAreaCount ? 1 : 0;
  const fields: RankingFields = { need_order: service.needs.length * services + nameRank };
  for (let tier = 1; tier <= tiers; tier++) {
    const part = Math.round(1000 * ((2 * tier) / needs + local));
    fields[orderField(tier, tiers)] = part * services + (services - 1 - nameRank);
  }
  return fields;
}
