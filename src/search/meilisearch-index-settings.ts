import type { Settings } from "meilisearch";
import type { Directory, Service } from "../directory/directory.js";
import { nameRanks, orderedTiers, orderField, type RankingFields, rankingFields } from "./meilisearch-ranking-fields.js";
import { serviceFacts } from "./service-filters.js";

/**
 * Bump when what is stored changes (a document field, a setting): an index
 * built by an older Signpost is then rebuilt even for the same directory.
 * 3: ranking fields, ages narrowed to the needs' age bands, no synonyms.
 */
export const indexFormat = 3;

/** What an index built from this directory is stamped with: the format and the directory's fingerprint. */
export function indexVersion(directory: Directory): string {
  return `${indexFormat}:${directory.fingerprint}`;
}

/** A service as a Meilisearch document, with what the ranking reads of it (RankingFields). */
export interface ServiceDocument extends RankingFields {
  id: string;
  name: string;
  organization: string;
  description: string;
  eligibility: string;
  needs: string[];
  needLabels: string[];
  /** Every lay and professional term of the service's needs, as the embedded engine matches them. */
  needTerms: string;
  areas: string[];
  areaNames: string[];
  offer: string;
  /**
   * The ages the service is for, narrowed to its needs' age bands as serviceFacts narrows them
   * (a young carers' service with no limits of its own is for under-18s), 0 and 120 when open,
   * so that Meilisearch's range filter is the very age filter every engine applies.
   */
  minimum_age: number;
  maximum_age: number;
  front_door: boolean;
  /** indexVersion of the directory it was built from (never searched: read to skip a rebuild). */
  index_version: string;
}

/** What every document of one directory shares, worked out once for all of them. */
export interface DocumentContext {
  readonly version: string;
  readonly tiers: number;
  readonly nameRanks: ReadonlyMap<string, number>;
}

export function documentContext(directory: Directory): DocumentContext {
  return { version: indexVersion(directory), tiers: orderedTiers(directory), nameRanks: nameRanks(directory.services) };
}

export function toDocuments(directory: Directory): ServiceDocument[] {
  const context = documentContext(directory);
  return directory.services.map((service) => toDocument(service, directory, context));
}

export function toDocument(service: Service, directory: Directory, context = documentContext(directory)): ServiceDocument {
  const facts = serviceFacts(service, directory.taxonomy);
  return {
    id: service.id,
    name: service.name,
    organization: service.organization.name,
    description: service.description,
    eligibility: service.eligibility_description ?? "",
    needs: [...service.needs],
    needLabels: service.needs.map((n) => directory.taxonomy.label(n)),
    needTerms: eachWordOnce(directory.taxonomy.termsText(service.needs)),
    areas: [...service.areas],
    areaNames: service.areas.map((a) => directory.gazetteer.name(a)),
    offer: service.offer,
    minimum_age: facts.minimumAge,
    maximum_age: Number.isFinite(facts.maximumAge) ? facts.maximumAge : 120,
    front_door: service.front_door === true,
    ...rankingFields(service, context.nameRanks.get(service.id) ?? 0, directory.services.length, context.tiers),
    index_version: context.version,
  };
}

/**
 * The words of a text, each once, in the order they first come: a service's needs' terms repeat
 * words ("support", "help", the label's words in its terms), and with word proximity counted per
 * attribute a repeat adds nothing to a match but indexing time.
 */
export function eachWordOnce(text: string): string {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const word of text.split(/[\s;]+/)) {
    const key = word.toLowerCase();
    if (key !== "" && !seen.has(key)) {
      seen.add(key);
      words.push(word);
    }
  }
  return words.join(" ");
}

/**
 * Index settings derived from the directory, never kept by hand: searchable
 * attributes in priority order, the filters the engine uses, and the ranking
 * fields it sorts by. Nothing else is indexed for filtering or sorting.
 *
 * No synonyms: Meilisearch 1.21 reads the whole synonym list for every search
 * (meilisearch/meilisearch#5639), and the 729 one-word synonyms that sent need
 * terms to their label and places to their area took 5 to 7 ms of a 7 to 8 ms
 * search. Each document already holds its needs' every term (needTerms), and
 * areas are filtered by id. Word proximity is counted within an attribute
 * only (`byAttribute`), which halves the build; facet search is never used.
 */
export function indexSettings(directory: Directory): Settings {
  const tiers = orderedTiers(directory);
  return {
    searchableAttributes: ["name", "needLabels", "needTerms", "organization", "description", "eligibility", "areaNames"],
    filterableAttributes: ["needs", "areas", "offer", "minimum_age", "maximum_age", "front_door"],
    sortableAttributes: ["need_order", ...Array.from({ length: tiers }, (_, i) => orderField(i + 1, tiers))],
    proximityPrecision: "byAttribute",
    facetSearch: false,
    typoTolerance: { enabled: true },
  };
}
