/**
 * Signpost's directory in Open Referral UK v3 shape, for other directories to
 * consume: a full service (`/services/{id}`), a list item (one-to-one fields
 * and the organisation, as ORUK's list endpoint has them) and a page of
 * anything. Ids are stable UUIDs; needs, offer and referral routes are
 * taxonomy terms in Signpost's vocabularies; the Signpost ids travel as an
 * attribute and an organisation identifier, so an export imports back
 * unchanged. Optional fields with nothing in them (an empty list of phones,
 * say) are left out rather than sent empty.
 */
import type { Directory, Service } from "../directory/directory.js";
import { signpostUuid, signpostVocabularies as vocab } from "./oruk-ids.js";
import { orukAttributes } from "./oruk-export-terms.js";

type Json = Record<string, unknown>;

const organisationDescription = "A provider in Signpost, the social prescribing directory for Leicester, Leicestershire and Rutland.";
const when = <T>(value: T | undefined, make: (value: T) => Json): Json => (value === undefined ? {} : make(value));
const seconds = (time: string | undefined) => (time === undefined ? undefined : `${time}:00`);
/** A list field only when it has something in it. */
const list = (name: string, items: readonly unknown[]): Json => (items.length === 0 ? {} : { [name]: items });

/**
 * ORUK's `last_modified`: the directory keeps one date per record,
 * `last_verified`, which maintainers set whenever they check or change a
 * record; the time of day is not known, so it is midnight UTC that day.
 * `modified_after` compares by day for the same reason (filter-oruk-services.ts).
 */
export function orukLastModified(service: Pick<Service, "last_verified">): string {
  return `${service.last_verified}T00:00:00Z`;
}

export function orukServiceId(service: Pick<Service, "id">): string {
  return signpostUuid(`service/${service.id}`);
}

function organization(service: Service): Json {
  const id = signpostUuid(`organization/${service.organization.id}`);
  return {
    id,
    name: service.organization.name,
    description: organisationDescription,
    organization_identifiers: [
      { id: signpostUuid(`organization/${service.organization.id}/signpost-id`), organization_id: id, identifier_scheme: vocab.flags, identifier_type: "Signpost organisation id", identifier: service.organization.id },
    ],
  };
}

/** The one-to-one fields, shared by the list item and the full service. */
export function toOrukListItem(service: Service): Json {
  const org = organization(service);
  return {
    id: orukServiceId(service),
    organization_id: org.id,
    name: service.name,
    description: service.description,
    ...when(service.url, (url) => ({ url })),
    ...when(service.email, (email) => ({ email })),
    status: "active",
    ...when(service.minimum_age, (age) => ({ minimum_age: age })),
    ...when(service.maximum_age, (age) => ({ maximum_age: age })),
    assured_date: service.last_verified,
    last_modified: orukLastModified(service),
    organization: org,
  };
}

export function toOrukService(service: Service, directory: Pick<Directory, "taxonomy" | "gazetteer">): Json {
  const id = orukServiceId(service);
  const sub = (kind: string, index: number | string) => signpostUuid(`service/${service.id}/${kind}/${index}`);
  const phone = (kind: string) => (p: { number: string; description?: string | undefined }, i: number) => ({
    id: sub(kind, i),
    number: p.number,
    ...when(p.description, (description) => ({ description })),
  });
  return {
    ...toOrukListItem(service),
    ...when(service.eligibility_description, (text) => ({ eligibility_description: text })),
    application_process: service.how_to_refer,
    service_areas: service.areas.map((area) => ({ id: sub("area", area), service_id: id, name: directory.gazetteer.name(area) })),
    ...list("phones", (service.phones ?? []).map(phone("phone"))),
    ...list(
      "contacts",
      (service.contacts ?? []).map((contact, c) => ({
        id: sub("contact", c),
        service_id: id,
        title: contact.name,
        ...when(contact.title, (title) => ({ department: title })),
        ...when(contact.email, (email) => ({ email })),
        ...list("phones", (contact.phones ?? []).map(phone(`contact/${c}/phone`))),
      })),
    ),
    ...list(
      "schedules",
      (service.schedules ?? []).map((schedule, s) => ({
        id: sub("schedule", s),
        service_id: id,
        description: schedule.description,
        ...when(schedule.byday, (byday) => ({ freq: "WEEKLY", byday })),
        ...when(seconds(schedule.opens_at), (opens_at) => ({ opens_at })),
        ...when(seconds(schedule.closes_at), (closes_at) => ({ closes_at })),
      })),
    ),
    ...list(
      "cost_options",
      (service.cost_options ?? []).map((cost, c) => ({
        id: sub("cost", c),
        service_id: id,
        option: cost.option,
        ...when(cost.amount, (amount) => ({ amount })),
        ...when(cost.currency, (currency) => ({ currency })),
      })),
    ),
    ...list("languages", (service.languages ?? []).map((name) => ({ id: sub("language", name), service_id: id, name }))),
    attributes: orukAttributes(service, directory.taxonomy, id),
  };
}

export interface OrukPage<T = Json> {
  readonly total_items: number;
  readonly total_pages: number;
  readonly page_number: number;
  readonly size: number;
  readonly first_page: boolean;
  readonly last_page: boolean;
  readonly empty: boolean;
  readonly contents: readonly T[];
}

/** Page `page` (from 1) of `perPage` items, as ORUK pages them; a page past the end is empty, not an error. */
export function orukPage<T, U>(items: readonly T[], page: number, perPage: number, show: (item: T) => U): OrukPage<U> {
  const total = items.length;
  const totalPages = Math.ceil(total / perPage);
  const contents = items.slice((page - 1) * perPage, page * perPage).map((item) => show(item));
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

/** Page `page` of the given services (all of the directory's by default) as ORUK list items. */
export function orukServicePage(services: readonly Service[], page: number, perPage: number): OrukPage {
  return orukPage(services, page, perPage, toOrukListItem);
}
