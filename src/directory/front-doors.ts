import type { Directory, Service } from "./directory.js";
import { joinAnd } from "../text/join-and.js";
import { type AreaId, areaIds } from "./ids.js";

/**
 * Which front door each area has. A front door is a directory record with
 * `front_door: true` (and no needs): First Contact Plus for Leicestershire's
 * seven districts, and a record of their own for Leicester and Rutland. Signpost
 * logs referrals to First Contact Plus only, so it offers them only where First
 * Contact Plus covers where the person lives; elsewhere it names the area's own
 * front door, and where it does not know the area it asks.
 */

/** The record Signpost's referrals go to. */
export const firstContactPlusId = "first-contact-plus";

/**
 * The directory's front-door records, found once per list of services (a directory of 100,000
 * services was scanned several times a question before this; a refreshed directory has a new list).
 */
const doorsOf = new WeakMap<readonly Service[], readonly Service[]>();

function frontDoors(directory: Directory): readonly Service[] {
  let doors = doorsOf.get(directory.services);
  if (!doors) {
    doors = directory.services.filter((service) => service.front_door === true);
    doorsOf.set(directory.services, doors);
  }
  return doors;
}

export function firstContactPlus(directory: Directory): Service | undefined {
  return frontDoors(directory).find((service) => service.id === firstContactPlusId);
}

/** True where First Contact Plus covers the area (and it is in the directory at all). */
export function firstContactCovers(area: AreaId, directory: Directory): boolean {
  return firstContactPlus(directory)?.areas.includes(area) ?? false;
}

/** The area's front door: First Contact Plus where it covers the area, else the area's own record. */
export function frontDoorFor(area: AreaId, directory: Directory): Service | undefined {
  const doors = frontDoors(directory).filter((service) => service.areas.includes(area));
  return doors.find((door) => door.id === firstContactPlusId) ?? doors[0];
}

/**
 * How a person living in `areas` can be referred: through First Contact Plus
 * (it covers every one of them), elsewhere (one area, outside it), or not yet
 * known (no area, or several that differ), in which case ask where they live.
 */
export type ReferralRoute =
  | { readonly kind: "first-contact" }
  | { readonly kind: "elsewhere"; readonly area: AreaId; readonly door: Service | undefined }
  | { readonly kind: "ask" };

export function referralRouteFor(areas: readonly AreaId[], directory: Directory): ReferralRoute {
  const unique = [...new Set(areas)];
  if (unique.length === 0) return { kind: "ask" };
  if (unique.every((area) => firstContactCovers(area, directory))) return { kind: "first-contact" };
  const [only] = unique;
  if (unique.length === 1 && only !== undefined) return { kind: "elsewhere", area: only, door: frontDoorFor(only, directory) };
  return { kind: "ask" };
}

/** "Leicestershire's seven districts", or the areas by name. */
export function describeCoverage(service: Service, directory: Directory): string {
  const districts = directory.gazetteer.areas.filter((area) => area.kind === "district").map((area) => area.id);
  const isCounty = districts.length === service.areas.length && districts.every((id) => service.areas.includes(id));
  return isCounty ? "Leicestershire's seven districts" : joinAnd(service.areas.map((area) => directory.gazetteer.name(area)));
}

/** A front door's name, with its phone number when it has one. */
function doorName(door: Service): string {
  const phone = door.phones?.[0]?.number;
  return phone ? `${door.name} (${phone})` : door.name;
}

/** One sentence naming an area's front door and how to reach it. */
export function nameFrontDoor(area: AreaId, directory: Directory): string {
  const where = directory.gazetteer.name(area);
  const door = frontDoorFor(area, directory);
  if (!door) return `The directory has no front door for ${where} yet; a Local Area Coordinator or the person's GP practice can help them find one.`;
  return `For someone who lives in ${where}, the front door is ${doorName(door)}: ${door.how_to_refer}`;
}

/**
 * The refusal for a First Contact referral for someone outside its area, the
 * same sentence wherever it is refused (the dialog, the form, the desk).
 */
export function outsideFirstContact(area: AreaId, directory: Directory): string {
  const where = directory.gazetteer.name(area);
  const fcp = firstContactPlus(directory);
  const covers = fcp ? `First Contact Plus covers ${describeCoverage(fcp, directory)}, not ${where}` : `First Contact Plus is not in the directory, so it covers nowhere, ${where} included`;
  return `${covers}, so it can't take a referral for someone who lives there, and nothing has been saved. ${nameFrontDoor(area, directory)}`;
}

/**
 * The reply's front-door sentence for where the person lives: First Contact
 * Plus where it covers them, the area's own front door where it does not, and
 * every area's front door when none was named (the reply asks where they live).
 */
export function frontDoorSentence(areas: readonly AreaId[], directory: Directory): string | undefined {
  const fcp = firstContactPlus(directory);
  // First Contact Plus first, then the others in the gazetteer's order of the areas they serve.
  const order = (door: Service) => (door.id === firstContactPlusId ? -1 : Math.min(...door.areas.map((area) => areaIds.indexOf(area))));
  const doors = [...frontDoors(directory)].sort((a, b) => order(a) - order(b));
  if (areas.length === 0) {
    const [only] = doors;
    if (!only) return undefined;
    if (doors.length === 1) return `${only.name} is the front door to the prevention offer and can look at everything else the person needs: ${only.how_to_refer}`;
    const each = joinAnd(doors.map((door) => `${door.name} for ${describeCoverage(door, directory)}`));
    return `Each area has its own front door to the prevention offer: ${each}.`;
  }
  const inside = areas.filter((area) => firstContactCovers(area, directory));
  const outside = areas.filter((area) => !firstContactCovers(area, directory));
  const parts: string[] = [];
  if (fcp && inside.length > 0) {
    const where = outside.length > 0 ? ` in ${joinAnd(inside.map((area) => directory.gazetteer.name(area)))}` : "";
    parts.push(`${fcp.name} is the front door to the prevention offer${where} and can look at everything else the person needs: ${fcp.how_to_refer}`);
  }
  if (outside.length > 0) {
    const names = joinAnd(outside.map((area) => directory.gazetteer.name(area)));
    if (fcp) parts.push(`${fcp.name}, the front door to the prevention offer, covers ${describeCoverage(fcp, directory)}, not ${names}.`);
    parts.push(...outside.map((area) => nameFrontDoor(area, directory)));
  }
  return parts.join(" ");
}

/**
 * The front doors frontDoorSentence names for `areas`, by record id: every front door when no area
 * is known, else each area's own ("none:<area>" where the directory has none).
 */
export function frontDoorsNamed(areas: readonly AreaId[], directory: Directory): string[] {
  if (areas.length === 0) return frontDoors(directory).map((door) => door.id);
  return [...new Set(areas.map((area) => frontDoorFor(area, directory)?.id ?? `none:${area}`))];
}
