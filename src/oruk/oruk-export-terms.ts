/**
 * Signpost's vocabularies as ORUK taxonomies and taxonomy terms, and a
 * service's needs, offer, referral routes and id as ORUK attributes carrying
 * those terms. Each term names its vocabulary in ORUK's `taxonomy` field (and
 * in `vocabulary`, as older feeds call it), points at its taxonomy by
 * `taxonomy_id`, and carries the Signpost id as its `code`, so an importer can
 * read it back without a mapping. The needs come from the directory's
 * taxonomy, so a need added there is published without a change here.
 */
import type { Service } from "../directory/directory.js";
import { type Offer, offers, type ReferralRoute, referralRoutes } from "../directory/ids.js";
import type { Taxonomy } from "../directory/taxonomy.js";
import { signpostUuid, signpostVocabularies as vocab } from "./oruk-ids.js";

type Json = Record<string, unknown>;

type Vocabulary = (typeof vocab)[keyof typeof vocab];

/** One of Signpost's vocabularies, as ORUK's taxonomy object (without its terms). */
export interface OrukTaxonomy {
  readonly id: string;
  readonly name: string;
  readonly description: string;
}

const taxonomyDescriptions: Record<Vocabulary, { name: string; description: string }> = {
  [vocab.needs]: { name: vocab.needs, description: "The needs Signpost's directory is organised by: what a person needs help with." },
  [vocab.offers]: { name: vocab.offers, description: "Which part of the prevention offer in Leicester, Leicestershire and Rutland a service belongs to." },
  [vocab.referralRoutes]: { name: vocab.referralRoutes, description: "How a person can be referred to a service." },
  [vocab.flags]: { name: vocab.flags, description: "Signpost's own markers: a service's id in Signpost, and whether it is a front door." },
};

/** UUIDs of taxonomies and terms, which depend only on their names: worked out once each. */
const uuids = new Map<string, string>();
function namedUuid(name: string): string {
  let uuid = uuids.get(name);
  if (uuid === undefined) {
    uuid = signpostUuid(name);
    uuids.set(name, uuid);
  }
  return uuid;
}

export function orukTaxonomyId(vocabulary: Vocabulary): string {
  return namedUuid(`taxonomy/${vocabulary}`);
}

export function orukTaxonomy(vocabulary: Vocabulary): OrukTaxonomy {
  return { id: orukTaxonomyId(vocabulary), ...taxonomyDescriptions[vocabulary] };
}

const offerNames: Record<Offer, string> = {
  "unified-prevention": "Unified prevention offer",
  lightbulb: "Lightbulb housing service",
  vcs: "Voluntary and community sector",
  nhs: "NHS",
  council: "Council",
};

const routeNames: Record<ReferralRoute, string> = {
  self: "Self referral",
  professional: "Professional referral",
  "gp-e-referral": "GP e-referral",
  "first-contact": "Referral through First Contact Plus",
};

export function orukTerm(vocabulary: Vocabulary, code: string, name: string, description: string): Json {
  return {
    id: namedUuid(`term/${vocabulary}/${code}`),
    code,
    name,
    description,
    taxonomy: vocabulary,
    taxonomy_id: orukTaxonomyId(vocabulary),
    vocabulary,
    term: code,
  };
}

const serviceIdTerm = () => orukTerm(vocab.flags, "service-id", "Signpost service id", "The attribute's value is the service's id in the Signpost directory.");
const frontDoorTerm = () => orukTerm(vocab.flags, "front-door", "Front door", "The single front door to the prevention offer: it takes any need.");
const needTerm = (taxonomy: Taxonomy, need: Service["needs"][number]) => orukTerm(vocab.needs, need, taxonomy.label(need), taxonomy.need(need).description);
const offerTerm = (offer: Offer) => orukTerm(vocab.offers, offer, offerNames[offer], `Part of Signpost's "${offerNames[offer]}" offer.`);
const routeTerm = (route: ReferralRoute) => orukTerm(vocab.referralRoutes, route, routeNames[route], `${routeNames[route]} is accepted.`);

/** Every term Signpost publishes, grouped by taxonomy: all the directory's needs, offers, routes and flags, used or not. */
export function orukTermsByTaxonomy(taxonomy: Taxonomy): { taxonomy: OrukTaxonomy; terms: Json[] }[] {
  return [
    { taxonomy: orukTaxonomy(vocab.needs), terms: taxonomy.needs.map((need) => needTerm(taxonomy, need.id)) },
    { taxonomy: orukTaxonomy(vocab.offers), terms: offers.map(offerTerm) },
    { taxonomy: orukTaxonomy(vocab.referralRoutes), terms: referralRoutes.map(routeTerm) },
    { taxonomy: orukTaxonomy(vocab.flags), terms: [serviceIdTerm(), frontDoorTerm()] },
  ];
}

/** The terms a service carries: its Signpost id, front door, needs, offer and referral routes. */
export function orukTermsOf(service: Service, taxonomy: Taxonomy): Json[] {
  return [
    serviceIdTerm(),
    ...(service.front_door ? [frontDoorTerm()] : []),
    ...service.needs.map((need) => needTerm(taxonomy, need)),
    offerTerm(service.offer),
    ...service.referral_routes.map(routeTerm),
  ];
}

export function orukAttributes(service: Service, taxonomy: Taxonomy, serviceUuid: string): Json[] {
  const attribute = (term: Json): Json => ({
    id: signpostUuid(`service/${service.id}/attribute/${String(term.taxonomy)}/${String(term.code)}`),
    link_id: serviceUuid,
    link_type: "service",
    link_entity: "service",
    taxonomy_term_id: term.id,
    ...(term.code === "service-id" && term.taxonomy === vocab.flags ? { value: service.id } : {}),
    taxonomy_term: term,
  });
  return orukTermsOf(service, taxonomy).map(attribute);
}
