/**
 * One checked ORUK service -> one Signpost service record (the shape of a
 * record in directory/services/*.yaml), or the reason it is not imported
 * (not active, no Signpost need, no area in LLR, no date). Needs come from the
 * map file's entry for the service if it has one, else from its taxonomy
 * terms, else they are inferred from its name and description by the
 * understanding layer and the record says so (`needs_inferred`). A service
 * whose places are all outside LLR (or unknown to the gazetteer) is reported,
 * never relabelled, unless the operator asks for it (`relabelUnplaced`); the
 * operator's areas otherwise go only to services that name no place at all.
 * Everything that was defaulted, dropped or could not be mapped is noted.
 */
import type { Gazetteer } from "../directory/gazetteer.js";
import type { AreaId, NeedId } from "../directory/ids.js";
import type { ServiceRecord } from "../directory/service-file-schema.js";
import { importedServiceId, isKebabId } from "./oruk-ids.js";
import type { OrukService } from "./oruk-service-schema.js";
import type { OrukTaxonomyMap, TermKey } from "./oruk-taxonomy-map.js";
import { compactAreas, mapOrukAreas } from "./map-oruk-areas.js";
import { mapOrukContacts } from "./map-oruk-contacts.js";
import { mapCostOptions, mapLanguages, mapSchedules } from "./map-oruk-extras.js";
import { mapOrukTerms } from "./map-oruk-terms.js";

export interface MapContext {
  readonly feed: string;
  readonly gazetteer: Gazetteer;
  readonly map: OrukTaxonomyMap;
  /** Areas for services that name no place at all (the feed's home area), if the operator gave them. */
  readonly defaultAreas?: readonly AreaId[];
  /** Also give `defaultAreas` to services whose places cannot be placed in LLR (off by default: those are reported). */
  readonly relabelUnplaced?: boolean;
  /** The needs an LGA ESD term means (needs.yaml `esd`), read before the map file. */
  readonly esdNeeds?: (vocabulary: string, code: string) => readonly NeedId[];
  /** Needs read from a service's name and description, for services whose terms give none. */
  readonly inferNeeds?: (text: string) => readonly NeedId[];
}

export interface ImportedOrganization {
  readonly orukId: string;
  /** The Signpost organisation id the feed carries (identifier scheme `signpost`), if any. */
  readonly signpostId?: string;
  readonly name: string;
  readonly description?: string;
  readonly url?: string;
  readonly email?: string;
}

export type SkipReason = "not active" | "no Signpost need" | "no area in LLR" | "no assured_date or last_modified";

export interface MappingNotes {
  readonly dropped: readonly string[];
  readonly unmappedTerms: readonly TermKey[];
  readonly unmappedAreas: readonly string[];
  /** Which fields took a default: offer, referral_routes, how_to_refer, service_areas. */
  readonly defaulted: readonly string[];
  /** Where the needs came from. */
  readonly needsFrom?: "terms" | "map file" | "inferred";
}

export type MappedService =
  | { readonly kind: "record"; readonly record: ServiceRecord; readonly organization: ImportedOrganization; readonly notes: MappingNotes }
  | { readonly kind: "skipped"; readonly reason: SkipReason; readonly detail: string; readonly notes: MappingNotes };

export const feedSource = (feed: string) => `ORUK feed ${feed}`;
export const defaultHowToRefer = "The feed gives no referral details: contact the provider to ask how to refer.";
const defaultRoutes = ["self", "professional"] as const;

function organizationOf(service: OrukService, contacts: ReturnType<typeof mapOrukContacts>): ImportedOrganization {
  const org = service.organization;
  const signpostId = (org.organization_identifiers ?? []).find((i) => i.identifier_scheme === "signpost" && isKebabId(i.identifier ?? ""))?.identifier;
  return {
    orukId: org.id,
    ...(signpostId ? { signpostId } : {}),
    name: org.name,
    ...(org.description?.trim() ? { description: org.description.trim() } : {}),
    ...contacts.organization,
  };
}

export function mapOrukService(service: OrukService, context: MapContext): MappedService {
  const terms = mapOrukTerms(service, context.map, context.esdNeeds);
  const areas = mapOrukAreas(service, context.gazetteer);
  const contacts = mapOrukContacts(service);
  const defaulted: string[] = [];
  const dropped = [...contacts.dropped];
  const override = context.map.needsForService(service.id, service.name);
  let needs: readonly NeedId[] = override ?? terms.needs;
  let needsFrom: MappingNotes["needsFrom"] = override ? "map file" : terms.needs.length > 0 ? "terms" : undefined;
  const notes = (): MappingNotes => ({ dropped, unmappedTerms: terms.unmapped, unmappedAreas: areas.unmapped, defaulted, ...(needsFrom ? { needsFrom } : {}) });
  const skip = (reason: SkipReason, detail: string): MappedService => ({ kind: "skipped", reason, detail, notes: notes() });

  if (service.status !== "active") return skip("not active", `status is ${service.status}`);
  if (needs.length === 0 && !terms.frontDoor && context.inferNeeds) {
    needs = context.inferNeeds(`${service.name}.\n${service.description}`);
    if (needs.length > 0) needsFrom = "inferred";
  }
  if (needs.length === 0 && !terms.frontDoor) {
    const terms = (service.attributes ?? []).length === 0 ? "it has no taxonomy terms" : "none of its terms is mapped";
    return skip("no Signpost need", context.inferNeeds ? `${terms}, and no need was found in its name or description` : terms);
  }
  let placed = areas.areas;
  const namesPlaces = areas.unmapped.length > 0;
  if (placed.length === 0 && context.defaultAreas && context.defaultAreas.length > 0 && (!namesPlaces || context.relabelUnplaced)) {
    placed = context.defaultAreas;
    defaulted.push("service_areas");
  }
  if (placed.length === 0) {
    return skip("no area in LLR", namesPlaces ? `its places are outside LLR or not in the gazetteer (${areas.unmapped.join("; ")}): reported, not relabelled` : "it names no area or postcode");
  }
  const verified = (service.assured_date ?? service.last_modified)?.slice(0, 10);
  if (verified === undefined) return skip("no assured_date or last_modified", "Signpost shows when every record was last checked");

  if (terms.offer === undefined) defaulted.push("offer");
  if (terms.routes === undefined) defaulted.push("referral_routes");
  const howToRefer = service.application_process?.trim();
  if (!howToRefer) defaulted.push("how_to_refer");
  const minimum = service.minimum_age ?? undefined;
  const maximum = service.maximum_age ?? undefined;
  const eligibility = service.eligibility_description?.trim();
  const costOptions = mapCostOptions(service.cost_options ?? [], dropped);
  const schedules = mapSchedules(service.schedules ?? []);
  const languages = mapLanguages(service.languages ?? []);

  const record: ServiceRecord = {
    id: terms.signpostId ?? importedServiceId(service.name, service.id),
    name: service.name,
    description: service.description,
    offer: terms.offer ?? "vcs",
    needs: [...needs],
    service_areas: compactAreas(placed, context.gazetteer),
    ...(eligibility ? { eligibility_description: eligibility } : {}),
    ...(minimum === undefined ? {} : { minimum_age: Math.floor(minimum) }),
    ...(maximum === undefined || maximum > 120 ? {} : { maximum_age: Math.ceil(maximum) }),
    referral_routes: [...(terms.routes ?? defaultRoutes)],
    how_to_refer: howToRefer || defaultHowToRefer,
    ...contacts.details,
    ...(costOptions.length > 0 ? { cost_options: costOptions } : {}),
    ...(schedules.length > 0 ? { schedules } : {}),
    ...(languages.length > 0 ? { languages } : {}),
    last_verified: verified,
    verified_by: `${feedSource(context.feed)}: its ${service.assured_date ? "assured_date" : "last_modified date"}`,
    source: feedSource(context.feed),
    ...(terms.frontDoor ? { front_door: true } : {}),
    ...(needsFrom === "inferred" ? { needs_inferred: true } : {}),
  };
  return { kind: "record", record, organization: organizationOf(service, contacts), notes: notes() };
}
