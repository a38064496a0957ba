import type { Service } from "../directory/directory.js";
import { areaIds, needIds, offers } from "../directory/ids.js";
import type { SearchQuery } from "./search-engine.js";

/**
 * What the filters and the ranking read of a service, in one fixed shape with
 * needs, areas and offer as bit sets. Service records vary in shape (optional
 * fields), which makes reading them in a loop over 100,000 candidates slow;
 * these are built once per service when the directory is indexed.
 */
export interface ServiceFacts {
  readonly needs: number;
  /** The service's needs as positions in `needIds`. */
  readonly needIndexes: readonly number[];
  readonly areas: number;
  readonly areaCount: number;
  readonly minimumAge: number;
  readonly maximumAge: number;
  readonly offer: number;
  readonly frontDoor: boolean;
}

/** A query's ids as bit sets (0 when none are given), so that a filter is one AND. */
export interface QueryFacts {
  readonly needs: number;
  readonly needCount: number;
  readonly areas: number;
  readonly age: number | null;
  readonly offers: number;
}

const bit = <T>(ids: readonly T[]) => (id: T): number => 1 << ids.indexOf(id);
const needBit = bit(needIds);
const areaBit = bit(areaIds);
const offerBit = bit(offers);
const bits = (values: Iterable<number>): number => [...values].reduce((set, value) => set | value, 0);

export function serviceFacts(service: Service): ServiceFacts {
  return {
    needs: bits(service.needs.map(needBit)),
    needIndexes: service.needs.map((need) => needIds.indexOf(need)),
    areas: bits(service.areas.map(areaBit)),
    areaCount: service.areas.length,
    minimumAge: service.minimum_age ?? 0,
    maximumAge: service.maximum_age ?? Number.POSITIVE_INFINITY,
    offer: offerBit(service.offer),
    frontDoor: service.front_door === true,
  };
}

export function queryFacts(query: SearchQuery): QueryFacts {
  const needs = bits(query.needs.map(needBit));
  return { needs, needCount: bitCount(needs), areas: bits(query.areas.map(areaBit)), age: query.age, offers: bits((query.offers ?? []).map(offerBit)) };
}

/**
 * The hard filters every engine applies: area, age and offer. A service that
 * serves the whole county serves every district in it, because its areas are
 * expanded on load. Never relaxed to fill a page of results.
 */
export function passesFilters(service: ServiceFacts, query: QueryFacts): boolean {
  if (query.areas !== 0 && (service.areas & query.areas) === 0) return false;
  if (query.age !== null && (query.age < service.minimumAge || query.age > service.maximumAge)) return false;
  return query.offers === 0 || (service.offer & query.offers) !== 0;
}

/** A need search lists the services that meet a need; front doors are offered beside them. */
export function meetsAnyNeed(service: ServiceFacts, query: QueryFacts): boolean {
  return !service.frontDoor && (service.needs & query.needs) !== 0;
}

export function bitCount(set: number): number {
  const pairs = set - ((set >>> 1) & 0x55555555);
  const nibbles = (pairs & 0x33333333) + ((pairs >>> 2) & 0x33333333);
  return Math.imul((nibbles + (nibbles >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
