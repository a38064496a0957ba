/**
 * Where an ORUK service is offered, in Signpost's area ids. Service areas are
 * looked up by name in the gazetteer ("Charnwood", "Leicester and Rutland");
 * failing those, the postcode districts and towns of its locations' addresses.
 * Nothing is guessed from free text: what cannot be placed is reported.
 */
import type { Gazetteer } from "../directory/gazetteer.js";
import { type AreaId, areaIds } from "../directory/ids.js";
import type { OrukService } from "./oruk-service-schema.js";

export interface MappedAreas {
  readonly areas: readonly AreaId[];
  /** Service area names and postcodes the gazetteer did not know, as written (shortened). */
  readonly unmapped: readonly string[];
}

const separators = /\s*(?:,|;|\/|&|\band\b|\n)\s*/i;
const postcode = /^([A-Z]{1,2}\d[A-Z\d]?)\s*(\d)[A-Z]{2}$/i;
const district = /^[A-Z]{1,2}\d[A-Z\d]?$/i;

function shorten(text: string): string {
  const one = text.replace(/\s+/g, " ").trim();
  return one.length > 60 ? `${one.slice(0, 57)}...` : one;
}

/** A name the gazetteer knows, or a list of them ("Charnwood, Melton and Rutland"). */
function lookupName(gazetteer: Gazetteer, name: string): AreaId[] {
  const whole = gazetteer.lookup(name);
  if (whole.length > 0) return whole;
  const parts = name.split(separators).filter((part) => part.trim() !== "");
  if (parts.length < 2) return [];
  const found = parts.map((part) => gazetteer.lookup(part));
  return found.every((areas) => areas.length > 0) ? found.flat() : [];
}

function lookupPostcode(gazetteer: Gazetteer, code: string): AreaId[] {
  const trimmed = code.trim().toUpperCase();
  const full = postcode.exec(trimmed);
  // The sector ("LE2 0") where the district is shared between areas, else the district.
  const sector = full ? gazetteer.lookup(`${full[1]} ${full[2]}`) : [];
  if (sector.length > 0) return sector;
  const outward = full?.[1] ?? (district.test(trimmed) ? trimmed : undefined);
  return outward === undefined ? [] : gazetteer.lookup(outward);
}

const inOrder = (found: Iterable<AreaId>) => {
  const wanted = new Set(found);
  return areaIds.filter((id) => wanted.has(id));
};

export function mapOrukAreas(service: OrukService, gazetteer: Gazetteer): MappedAreas {
  const unmapped: string[] = [];
  const fromAreas = new Set<AreaId>();
  for (const area of service.service_areas ?? []) {
    const names = [area.name, area.service_area].filter((name): name is string => typeof name === "string" && name.trim() !== "");
    const found = names.map((name) => lookupName(gazetteer, name)).find((areas) => areas.length > 0);
    if (found) for (const id of found) fromAreas.add(id);
    else if (names[0] !== undefined) unmapped.push(shorten(names[0]));
  }
  if (fromAreas.size > 0) return { areas: inOrder(fromAreas), unmapped };

  const fromAddresses = new Set<AreaId>();
  for (const at of service.service_at_locations ?? []) {
    for (const address of at.location?.addresses ?? []) {
      const byPostcode = address.postal_code ? lookupPostcode(gazetteer, address.postal_code) : [];
      const found = byPostcode.length > 0 ? byPostcode : address.city ? gazetteer.lookup(address.city) : [];
      if (found.length > 0) for (const id of found) fromAddresses.add(id);
      else if (address.postal_code) unmapped.push(`postcode ${shorten(address.postal_code)}`);
      else if (address.city) unmapped.push(`town ${shorten(address.city)}`);
    }
  }
  return { areas: inOrder(fromAddresses), unmapped };
}

/** Area ids written compactly for a service file: `llr` or `leicestershire` where the whole group is covered. */
export function compactAreas(areas: readonly AreaId[], gazetteer: Gazetteer): string[] {
  const covered = new Set(areas);
  for (const group of ["llr", "leicestershire"] as const) {
    const members = gazetteer.expand([group]);
    if (members.every((id) => covered.has(id))) return [group, ...areas.filter((id) => !members.includes(id))];
  }
  return [...areas];
}
