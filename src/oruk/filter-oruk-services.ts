/**
 * The services a /services query asks for, in directory order: every word of
 * `search` starting a word of the service's name, organisation, description,
 * eligibility, needs or areas (so "carer" finds "carers"); a taxonomy term or
 * taxonomy among its attributes; and last changed on or after the day of
 * `modified_after`. A service's last change is its `last_verified` date (ORUK's
 * `last_modified`, see oruk-export.ts), compared by day so that a record
 * changed on that day is never missed.
 */
import type { Service } from "../directory/directory.js";
import { tokenize } from "../text/normalise-text.js";
import type { OrukFeedIndex } from "./oruk-feed-index.js";
import type { ServiceQuery } from "./oruk-feed-query.js";

export function filterOrukServices(index: OrukFeedIndex, query: Omit<ServiceQuery, "page" | "perPage">): Service[] {
  const words = query.search === undefined ? [] : tokenize(query.search);
  return index.services
    .filter(
      (entry) =>
        (query.taxonomyTermId === undefined || entry.termIds.has(query.taxonomyTermId)) &&
        (query.taxonomyId === undefined || entry.taxonomyIds.has(query.taxonomyId)) &&
        (query.modifiedOnOrAfter === undefined || entry.service.last_verified >= query.modifiedOnOrAfter) &&
        words.every((word) => entry.words.some((own) => own.startsWith(word))),
    )
    .map((entry) => entry.service);
}
