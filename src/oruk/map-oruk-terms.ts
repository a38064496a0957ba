/**
 * A service's taxonomy terms (ORUK `attributes[].taxonomy_term`) read as
 * Signpost needs, offer and referral routes: Signpost's own vocabularies
 * directly, the LGA's ESD terms through needs.yaml's `esd` lists, everything
 * else through the editable map file. Terms that mean
 * nothing to Signpost are returned for the report.
 */
import { isNeedId, type NeedId, type Offer, offers, type ReferralRoute, referralRoutes } from "../directory/ids.js";
import { isKebabId, signpostVocabularies as vocab } from "./oruk-ids.js";
import type { OrukService, OrukTaxonomyTerm } from "./oruk-service-schema.js";
import type { OrukTaxonomyMap, TermKey } from "./oruk-taxonomy-map.js";

export interface MappedTerms {
  readonly needs: readonly NeedId[];
  readonly offer?: Offer;
  readonly routes?: readonly ReferralRoute[];
  /** The Signpost id, when the feed is a Signpost export (attribute `signpost` / `service-id`). */
  readonly signpostId?: string;
  readonly frontDoor: boolean;
  readonly unmapped: readonly TermKey[];
}

const present = (value: string | null | undefined): value is string => typeof value === "string" && value.trim() !== "";

export function termKey(term: OrukTaxonomyTerm): TermKey {
  const vocabulary = [term.vocabulary, term.taxonomy, term.taxonomy_detail?.name].find(present)?.trim() ?? "(no vocabulary)";
  const code = present(term.code) ? term.code.trim() : undefined;
  const name = [term.name, term.term].find(present)?.trim();
  return { vocabulary, ...(code === undefined ? {} : { code }), ...(name === undefined ? {} : { name }) };
}

const isOffer = (value: string): value is Offer => (offers as readonly string[]).includes(value);
const isRoute = (value: string): value is ReferralRoute => (referralRoutes as readonly string[]).includes(value);

export function mapOrukTerms(service: OrukService, map: OrukTaxonomyMap, esdNeeds?: (vocabulary: string, code: string) => readonly NeedId[]): MappedTerms {
  const needs = new Set<NeedId>();
  const routes = new Set<ReferralRoute>();
  const unmapped: TermKey[] = [];
  const foreign: TermKey[] = [];
  let offer: Offer | undefined;
  let signpostId: string | undefined;
  let frontDoor = false;

  for (const attribute of service.attributes ?? []) {
    if (!attribute.taxonomy_term) continue;
    const key = termKey(attribute.taxonomy_term);
    const code = key.code ?? key.name ?? "";
    if (key.vocabulary === vocab.flags && code === "service-id") {
      const value = typeof attribute.value === "string" ? attribute.value.trim() : "";
      if (isKebabId(value)) signpostId = value;
      continue;
    }
    if (key.vocabulary === vocab.flags && code === "front-door") {
      frontDoor = true;
      continue;
    }
    if (key.vocabulary === vocab.needs && isNeedId(code)) needs.add(code);
    else if (key.vocabulary === vocab.offers && isOffer(code)) offer ??= code;
    else if (key.vocabulary === vocab.referralRoutes && isRoute(code)) routes.add(code);
    else {
      foreign.push(key);
      // An ESD term (URI, CURIE or id with its vocabulary) that needs.yaml lists: its needs, before the map file.
      const esd = key.code === undefined ? [] : (esdNeeds?.(key.vocabulary, key.code) ?? []);
      for (const need of esd) needs.add(need);
      if (esd.length > 0) continue;
      const mappedNeeds = map.needsFor(key);
      const mappedRoutes = map.routesFor(key);
      for (const need of mappedNeeds ?? []) needs.add(need);
      for (const route of mappedRoutes ?? []) routes.add(route);
      if (mappedNeeds === undefined && mappedRoutes === undefined && map.offerFor([key], "") === undefined) unmapped.push(key);
    }
  }
  offer ??= map.offerFor(foreign, service.organization.name);
  return {
    needs: [...needs],
    ...(offer === undefined ? {} : { offer }),
    ...(routes.size === 0 ? {} : { routes: [...routes] }),
    ...(signpostId === undefined ? {} : { signpostId }),
    frontDoor,
    unmapped,
  };
}
