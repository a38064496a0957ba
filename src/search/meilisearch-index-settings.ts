import type { Settings } from "meilisearch";
import type { Directory, Service } from "../directory/directory.js";
import { normaliseText } from "../text/normalise-text.js";

/**
 * Bump when what is stored changes (a document field, a setting): an index
 * built by an older Signpost is then rebuilt even for the same directory.
 */
export const indexFormat = 2;

/** What an index built from this directory is stamped with: the format and the directory's fingerprint. */
export function indexVersion(directory: Directory): string {
  return `${indexFormat}:${directory.fingerprint}`;
}

/** A service as a Meilisearch document. Ages default to 0 and 120 so that range filters work. */
export interface ServiceDocument {
  id: string;
  name: string;
  organization: string;
  description: string;
  eligibility: string;
  needs: string[];
  needLabels: string[];
  /** Every lay and professional term of the service's needs, as the embedded engine indexes them. */
  needTerms: string;
  areas: string[];
  areaNames: string[];
  offer: string;
  referral_routes: string[];
  minimum_age: number;
  maximum_age: number;
  front_door: boolean;
  last_verified: string;
  /** indexVersion of the directory it was built from (never searched: read to skip a rebuild). */
  index_version: string;
}

export function toDocument(service: Service, directory: Directory, version = indexVersion(directory)): ServiceDocument {
  return {
    id: service.id,
    name: service.name,
    organization: service.organization.name,
    description: service.description,
    eligibility: service.eligibility_description ?? "",
    needs: [...service.needs],
    needLabels: service.needs.map((n) => directory.taxonomy.label(n)),
    needTerms: directory.taxonomy.termsText(service.needs),
    areas: [...service.areas],
    areaNames: service.areas.map((a) => directory.gazetteer.name(a)),
    offer: service.offer,
    referral_routes: [...service.referral_routes],
    minimum_age: service.minimum_age ?? 0,
    maximum_age: service.maximum_age ?? 120,
    front_door: service.front_door === true,
    last_verified: service.last_verified,
    index_version: version,
  };
}

/**
 * Index settings derived from the directory, never kept by hand: searchable
 * attributes in priority order, the filters the engine uses, sortable
 * verification date, facets for needs and areas, and synonyms that send the
 * taxonomy's one-word lay and professional terms to their need's label and the
 * gazetteer's one-word places to their area's name.
 */
export function indexSettings(directory: Directory): Settings {
  const synonyms: Record<string, string[]> = {};
  const add = (term: string, target: string) => {
    const key = normaliseText(term);
    const value = normaliseText(target);
    // Single words only: a phrase ("sees nobody", "market harborough") is already matched word by
    // word through needTerms and areaNames, and each multi-word synonym makes every query slower
    // (2,012 synonyms: 21 ms a query; the 729 single-word ones: 7 ms).
    if (key === "" || key === value || key.includes(" ")) return;
    synonyms[key] = [...new Set([...(synonyms[key] ?? []), value])];
  };
  for (const need of directory.taxonomy.needs) for (const term of [...need.layTerms, ...need.professionalTerms]) add(term, need.label);
  for (const area of directory.gazetteer.areas) for (const place of area.places) for (const name of [place.name, ...place.aliases]) add(name, area.name);
  return {
    searchableAttributes: ["name", "needLabels", "needTerms", "organization", "description", "eligibility", "areaNames"],
    filterableAttributes: ["needs", "areas", "offer", "minimum_age", "maximum_age", "referral_routes", "front_door"],
    sortableAttributes: ["last_verified"],
    faceting: { maxValuesPerFacet: 100 },
    typoTolerance: { enabled: true },
    synonyms,
  };
}
