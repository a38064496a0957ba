import type { Service } from "../directory/directory.js";
import type { Taxonomy } from "../directory/taxonomy.js";
import { areaIds, needIds, offers } from "../directory/ids.js";
import type { SearchQuery } from "./search-engine.js";

/**
 * What the filters and the ranking read of a service, in one fixed shape with
 * needs, areas and offer as bit sets. Service records vary in shape (optional
 * fields), which makes reading them in a loop over 100,000 candidates slow;
 * these are built once per service when the directory is indexed.
 */
/**
 * A set of needs as bits, 32 needs to a word: there are more needs than one
 * 32-bit number holds, so a set is a few words (two for up to 64 needs).
 */
export type NeedSet = Uint32Array;

export interface ServiceFacts {
  readonly needs: NeedSet;
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
  /** Empty (every word 0) when the query names no need. */
  readonly needs: NeedSet;
  readonly needCount: number;
  readonly areas: number;
  readonly age: number | null;
  readonly offers: number;
}

const bit = <T>(ids: readonly T[]) => (id: T): number => 1 << ids.indexOf(id);
const needWords = Math.ceil(needIds.length / 32);
const areaBit = bit(areaIds);
const offerBit = bit(offers);
const bits = (values: Iterable<number>): number => [...values].reduce((set, value) => set | value, 0);

/** The set of these needs. */
export function needSet(needs: readonly string[]): NeedSet {
  const set = new Uint32Array(needWords);
  for (const need of needs) {
    const index = (needIds as readonly string[]).indexOf(need);
    if (index >= 0) set[index >>> 5]! |= 1 << (index & 31);
  }
  return set;
}

/** How many needs are in both sets. */
export function sharedNeedCount(a: NeedSet, b: NeedSet): number {
  let count = 0;
  for (let i = 0; i < a.length; i++) count += bitCount((a[i]! & b[i]!) >>> 0);
  return count;
}

/** How many needs are in the set. */
export function needCount(set: NeedSet): number {
  return sharedNeedCount(set, set);
}

/**
 * A service's facts. With the taxonomy, its ages are also narrowed to its needs' age bands when
 * every need it meets has one (a young carers' service with no age limits of its own is for
 * under-18s), so that a need's band filters as a service's own age limits do.
 */
export function serviceFacts(service: Service, taxonomy?: Pick<Taxonomy, "ageBandOf">): ServiceFacts {
  const band = taxonomy?.ageBandOf(service.needs);
  return {
    needs: needSet(service.needs),
    needIndexes: service.needs.map((need) => needIds.indexOf(need)),
    areas: bits(service.areas.map(areaBit)),
    areaCount: service.areas.length,
    minimumAge: Math.max(service.minimum_age ?? 0, band?.minimumAge ?? 0),
    maximumAge: Math.min(service.maximum_age ?? Number.POSITIVE_INFINITY, band?.maximumAge ?? Number.POSITIVE_INFINITY),
    offer: offerBit(service.offer),
    frontDoor: service.front_door === true,
  };
}

export function queryFacts(query: SearchQuery): QueryFacts {
  const needs = needSet(query.needs);
  return { needs, needCount: needCount(needs), areas: bits(query.areas.map(areaBit)), age: query.age, offers: bits((query.offers ?? []).map(offerBit)) };
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
  if (service.frontDoor) return false;
  for (let i = 0; i < query.needs.length; i++) if ((service.needs[i]! & query.needs[i]!) !== 0) return true;
  return false;
}

export function bitCount(set: number): number {
  const pairs = set - ((set >>> 1) & 0x55555555);
  const nibbles = (pairs & 0x33333333) + ((pairs >>> 2) & 0x33333333);
  return Math.imul((nibbles + (nibbles >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
