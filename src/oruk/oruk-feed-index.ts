/**
 * What the published ORUK feed looks things up in, built once per loaded
 * directory: services by ORUK UUID and Signpost id, each service's taxonomy
 * term and taxonomy ids and its words for `search`, and the taxonomies and
 * terms themselves. It is keyed by the directory's services list, which a
 * refresh replaces, so a refreshed directory is indexed afresh even when it is
 * read through the same live view.
 */
import type { Directory, Service } from "../directory/directory.js";
import { tokenize } from "../text/normalise-text.js";
import { orukServiceId } from "./oruk-export.js";
import { orukTermsByTaxonomy, orukTermsOf, type OrukTaxonomy } from "./oruk-export-terms.js";

type Json = Record<string, unknown>;

interface IndexedService {
  readonly service: Service;
  readonly uuid: string;
  readonly termIds: ReadonlySet<string>;
  readonly taxonomyIds: ReadonlySet<string>;
  readonly words: readonly string[];
}

export interface OrukFeedIndex {
  readonly services: readonly IndexedService[];
  serviceById(id: string): Service | undefined;
  readonly taxonomies: readonly OrukTaxonomy[];
  taxonomyById(id: string): { taxonomy: OrukTaxonomy; terms: readonly Json[] } | undefined;
  /** Every term, taxonomy by taxonomy, in a stable order. */
  readonly terms: readonly Json[];
  termById(id: string): Json | undefined;
}

const indexes = new WeakMap<readonly Service[], OrukFeedIndex>();

function indexService(service: Service, directory: Directory): IndexedService {
  const terms = orukTermsOf(service, directory.taxonomy);
  const text = [
    service.name,
    service.organization.name,
    service.description,
    service.eligibility_description ?? "",
    ...service.needs.map((need) => directory.taxonomy.label(need)),
    ...service.areas.map((area) => directory.gazetteer.name(area)),
  ].join(" ");
  return {
    service,
    uuid: orukServiceId(service),
    termIds: new Set(terms.map((term) => String(term.id))),
    taxonomyIds: new Set(terms.map((term) => String(term.taxonomy_id))),
    words: [...new Set(tokenize(text))],
  };
}

function buildIndex(directory: Directory): OrukFeedIndex {
  const services = directory.services.map((service) => indexService(service, directory));
  const byId = new Map(services.flatMap((entry) => [[entry.uuid, entry.service] as const, [entry.service.id, entry.service] as const]));
  const grouped = orukTermsByTaxonomy(directory.taxonomy);
  const taxonomies = new Map(grouped.map((group) => [group.taxonomy.id, group] as const));
  const terms = grouped.flatMap((group) => group.terms);
  const termsById = new Map(terms.map((term) => [String(term.id), term] as const));
  return {
    services,
    serviceById: (id) => byId.get(id.toLowerCase()),
    taxonomies: grouped.map((group) => group.taxonomy),
    taxonomyById: (id) => taxonomies.get(id.toLowerCase()),
    terms,
    termById: (id) => termsById.get(id.toLowerCase()),
  };
}

export function orukFeedIndex(directory: Directory): OrukFeedIndex {
  const services = directory.services;
  let index = indexes.get(services);
  if (!index) {
    index = buildIndex(directory);
    indexes.set(services, index);
  }
  return index;
}
