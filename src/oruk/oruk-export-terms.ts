/**
 * A Signpost service's needs, offer, referral routes and id as ORUK attributes
 * with taxonomy terms. Each term names its vocabulary in ORUK's `taxonomy`
 * field (and in `vocabulary`, as older feeds call it) and carries the Signpost
 * id as its `code`, so an importer can read it back without a mapping.
 */
import type { Service } from "../directory/directory.js";
import type { Offer, ReferralRoute } from "../directory/ids.js";
import type { Taxonomy } from "../directory/taxonomy.js";
import { signpostUuid, signpostVocabularies as vocab } from "./oruk-ids.js";

type Json = Record<string, unknown>;

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

export function orukTerm(vocabulary: string, code: string, name: string, description: string): Json {
  return {
    id: signpostUuid(`term/${vocabulary}/${code}`),
    code,
    name,
    description,
    taxonomy: vocabulary,
    vocabulary,
    term: code,
  };
}

export function orukAttributes(service: Service, taxonomy: Taxonomy, serviceUuid: string): Json[] {
  const attribute = (term: Json, value?: string): Json => ({
    id: signpostUuid(`service/${service.id}/attribute/${String(term.taxonomy)}/${String(term.code)}`),
    link_id: serviceUuid,
    link_type: "service",
    link_entity: "service",
    taxonomy_term_id: term.id,
    ...(value === undefined ? {} : { value }),
    taxonomy_term: term,
  });
  return [
    attribute(orukTerm(vocab.flags, "service-id", "Signpost service id", "The attribute's value is the service's id in the Signpost directory."), service.id),
    ...(service.front_door ? [attribute(orukTerm(vocab.flags, "front-door", "Front door", "The single front door to the prevention offer: it takes any need."))] : []),
    ...service.needs.map((need) => attribute(orukTerm(vocab.needs, need, taxonomy.label(need), taxonomy.need(need).description))),
    attribute(orukTerm(vocab.offers, service.offer, offerNames[service.offer], `Part of Signpost's "${offerNames[service.offer]}" offer.`)),
    ...service.referral_routes.map((route) => attribute(orukTerm(vocab.referralRoutes, route, routeNames[route], `${routeNames[route]} is accepted.`))),
  ];
}
