/**
 * The older Open Referral UK v1 shape, as Placecube sites and others still
 * publish it (schema: ../shared/fixtures/schema/oruk-v1/): pages are Spring
 * pages (`content`, `totalElements`, `totalPages`, `number` from 0, `last`),
 * and a service has `service_taxonomys`, `eligibilitys`, `regular_schedules`,
 * `physical_addresses` and an organisation `url`, plus site extensions named
 * `pc_*`. Each v1 service is rewritten in the v3 shape the rest of the import
 * reads; extensions and fields with no v3 counterpart are named, not read.
 */

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as unknown[]).filter(isObject) : []);
const v1Keys = ["service_taxonomys", "eligibilitys", "regular_schedules", "holiday_schedules", "fundings", "reviews"];

/** A Spring page of v1 services: `content` (a list) beside `totalElements` or `totalPages`. */
export function isV1Page(body: unknown): body is Json & { content: unknown } {
  return isObject(body) && "content" in body && !("contents" in body) && (Array.isArray(body.content) || "totalElements" in body || "totalPages" in body);
}

/** A single v1 service: it has a v1-only list or a site extension. */
export function isV1Service(value: unknown): boolean {
  return isObject(value) && (v1Keys.some((key) => key in value) || Object.keys(value).some((key) => key.startsWith("pc_")));
}

const weekdays: Record<string, string> = {
  monday: "MO", tuesday: "TU", wednesday: "WE", thursday: "TH", friday: "FR", saturday: "SA", sunday: "SU",
  "1": "MO", "2": "TU", "3": "WE", "4": "TH", "5": "FR", "6": "SA", "7": "SU",
};

function byday(schedule: Json): string | undefined {
  if (typeof schedule.byday === "string" && schedule.byday.trim() !== "") return schedule.byday;
  const day = schedule.weekday;
  return typeof day === "string" || typeof day === "number" ? weekdays[String(day).trim().toLowerCase()] : undefined;
}

const text = (value: unknown) => (typeof value === "string" ? value : undefined);
const ages = (values: unknown[]) => values.filter((value): value is number => typeof value === "number");

/** `pc_*` keys anywhere in the record, by path without list positions (`pc_internal_notes`, `organization.pc_logo_alt`). */
function extensions(value: unknown, path: string, found: Set<string>): void {
  if (Array.isArray(value)) for (const item of value as unknown[]) extensions(item, path, found);
  else if (isObject(value)) {
    for (const [key, inner] of Object.entries(value)) {
      const at = path === "" ? key : `${path}.${key}`;
      if (key.startsWith("pc_")) found.add(at);
      else extensions(inner, at, found);
    }
  }
}

/** The service in the v3 shape, and the v1 fields not read (site extensions first). */
export function convertOrukV1Service(service: Json): { value: Json; ignored: string[] } {
  const found = new Set<string>();
  extensions(service, "", found);
  const ignored = [...found, ...["holiday_schedules", "fundings", "reviews"].filter((key) => list(service[key]).length > 0)];
  const organization = isObject(service.organization) ? service.organization : undefined;
  const eligibilities = list(service.eligibilitys);
  const minimums = ages(eligibilities.map((e) => e.minimum_age));
  const maximums = ages(eligibilities.map((e) => e.maximum_age));
  const eligibility = eligibilities.map((e) => text(e.eligibility)?.trim()).filter((words): words is string => !!words);

  const value: Json = {
    id: service.id,
    name: service.name,
    description: service.description,
    status: service.status,
    url: service.url,
    email: service.email,
    fees: service.fees,
    assured_date: service.assured_date,
    last_modified: service.last_modified,
    ...(organization
      ? {
          organization: {
            id: organization.id,
            name: organization.name,
            description: organization.description,
            email: organization.email,
            website: organization.url ?? organization.website,
          },
        }
      : {}),
    phones: service.phones,
    contacts: list(service.contacts).map((c) => ({ name: c.name, title: c.title, department: c.department, email: c.email, phones: c.phones })),
    attributes: list(service.service_taxonomys)
      .map((link) => (isObject(link.taxonomy) ? link.taxonomy : undefined))
      .filter((term): term is Json => term !== undefined)
      .map((term) => ({ taxonomy_term: { id: term.id, name: term.name, taxonomy: term.vocabulary ?? term.taxonomy } })),
    service_areas: list(service.service_areas).map((area) => ({ service_area: area.service_area, name: area.name })),
    service_at_locations: list(service.service_at_locations).map((at) => {
      const location = isObject(at.location) ? at.location : {};
      return { location: { name: location.name, addresses: list(location.physical_addresses ?? location.addresses) } };
    }),
    ...(eligibility.length > 0 ? { eligibility_description: eligibility.join("; ") } : {}),
    ...(minimums.length > 0 ? { minimum_age: Math.min(...minimums) } : {}),
    ...(maximums.length > 0 ? { maximum_age: Math.max(...maximums) } : {}),
    schedules: list(service.regular_schedules).map((s) => ({ byday: byday(s), opens_at: s.opens_at, closes_at: s.closes_at, description: s.description })),
    languages: list(service.languages).map((l) => ({ name: l.language ?? l.name })),
    cost_options: list(service.cost_options).map((c) => ({ option: c.option, amount: c.amount, currency: c.currency, amount_description: c.amount_description })),
  };
  for (const key of Object.keys(value)) if (value[key] === undefined) delete value[key];
  return { value, ignored };
}
