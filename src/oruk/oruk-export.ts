/**
 * Signpost's directory in Open Referral UK v3 shape, for other directories to
 * consume: a full service (`/services/{id}`), a list item (one-to-one fields
 * and the organisation, as ORUK's list endpoint has them) and a page of them.
 * Ids are stable UUIDs; needs, offer and referral routes are taxonomy terms in
 * Signpost's vocabularies; the Signpost ids travel as an attribute and an
 * organisation identifier, so an export imports back unchanged.
 */
import type { Directory, Service } from "../directory/directory.js";
import { signpostUuid, signpostVocabularies as vocab } from "./oruk-ids.js";
import { orukAttributes } from "./oruk-export-terms.js";

type Json = Record<string, unknown>;

const organisationDescription = "A provider in Signpost, the social prescribing directory for Leicester, Leicestershire and Rutland.";
const when = <T>(value: T | undefined, make: (value: T) => Json): Json => (value === undefined ? {} : make(value));
const seconds = (time: string | undefined) => (time === undefined ? undefined : `${time}:00`);

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
    phones: (service.phones ?? []).map(phone("phone")),
    contacts: (service.contacts ?? []).map((contact, c) => ({
      id: sub("contact", c),
      service_id: id,
      title: contact.name,
      ...when(contact.title, (title) => ({ department: title })),
      ...when(contact.email, (email) => ({ email })),
      ...when(contact.phones, (phones) => ({ phones: phones.map(phone(`contact/${c}/phone`)) })),
    })),
    schedules: (service.schedules ?? []).map((schedule, s) => ({
      id: sub("schedule", s),
      service_id: id,
      description: schedule.description,
      ...when(schedule.byday, (byday) => ({ freq: "WEEKLY", byday })),
      ...when(seconds(schedule.opens_at), (opens_at) => ({ opens_at })),
      ...when(seconds(schedule.closes_at), (closes_at) => ({ closes_at })),
    })),
    cost_options: (service.cost_options ?? []).map((cost, c) => ({
      id: sub("cost", c),
      service_id: id,
      option: cost.option,
      ...when(cost.amount, (amount) => ({ amount })),
      ...when(cost.currency, (currency) => ({ currency })),
    })),
    languages: (service.languages ?? []).map((name) => ({ id: sub("language", name), service_id: id, name })),
    attributes: orukAttributes(service, directory.taxonomy, id),
  };
}

export interface OrukPage {
  readonly total_items: number;
  readonly total_pages: number;
  readonly page_number: number;
  readonly size: number;
  readonly first_page: boolean;
  readonly last_page: boolean;
  readonly empty: boolean;
  readonly contents: readonly Json[];
}

/** Page `page` (from 1) of `perPage` list items; a page past the end is empty, not an error. */
export function orukServicePage(directory: Directory, page: number, perPage: number): OrukPage {
  const total = directory.services.length;
  const totalPages = Math.ceil(total / perPage);
  const contents = directory.services.slice((page - 1) * perPage, page * perPage).map(toOrukListItem);
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
