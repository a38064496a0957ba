/**
 * The parts of an Open Referral UK v3 service (HSDS 3.0) that Signpost reads,
 * checked after the record is tidied (normalise-oruk-record.ts).
 * Lenient: unknown fields are ignored and `null` counts as absent, so a field
 * the import throws away (an assurer's email, internal notes, `pc_*`
 * extensions) can never cost a service. Strict on what we use: a field we read
 * must have the right type and form (the service's own phone numbers valid UK
 * numbers, its emails and web address well formed), and a service must have
 * the id, name, description, status and organisation that a Signpost record
 * cannot do without. The organisation's own email and website are checked
 * when mapped, and dropped (not the service) when wrong.
 */
import { z } from "zod";
import { formatUkPhone } from "../directory/feed-contact-rules.js";

function kind(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object" : `${typeof value} ${JSON.stringify(value)}`;
}

const missingOr = (expected: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? "is required" : `must be ${expected}, not ${kind(issue.input)}`;

const text = z.string({ error: missingOr("text") });
const required = (why: string) =>
  z.string({ error: (issue) => (issue.input === undefined || issue.input === null ? `is required: ${why}` : missingOr("text")(issue)) })
    .trim()
    .min(1, `must not be empty: ${why}`);
const optionalText = text.nullish();
const number = z.number({ error: missingOr("a number") });
const list = <T extends z.ZodType>(item: T) => z.array(item, { error: missingOr("a list") }).nullish();
const object = <T extends z.ZodRawShape>(shape: T) => z.object(shape, { error: missingOr("an object") });

const webAddress = text.refine((value) => {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}, "must be a web address starting http:// or https://");
const emailAddress = text.pipe(z.email("must be an email address like name@example.org"));
const isoDateOrDateTime = text.regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, "must be a date written YYYY-MM-DD (or an ISO date-time)");
const age = number.min(0, "must be 0 or more");

const phone = object({
  number: required("a phone entry without a number says nothing").refine((number) => formatUkPhone(number) !== undefined, "is not a valid UK phone number"),
  description: optionalText,
});

export const orukTaxonomyTermSchema = object({
  id: optionalText,
  code: optionalText,
  name: optionalText,
  term: optionalText,
  taxonomy: optionalText,
  vocabulary: optionalText,
  taxonomy_detail: object({ name: optionalText }).nullish(),
});

const attribute = object({
  value: z.union([text, number, z.boolean()], { error: missingOr("text") }).nullish(),
  taxonomy_term: orukTaxonomyTermSchema.nullish(),
});

const address = object({ address_1: optionalText, city: optionalText, postal_code: optionalText });

export const orukServiceSchema = object({
  id: required("every service needs an id"),
  name: required("every service needs a name"),
  description: required("Signpost shows every service's description"),
  status: z.enum(["active", "inactive", "defunct", "temporarily closed"], {
    error: (issue) => (issue.input === undefined ? "is required" : `must be active, inactive, defunct or temporarily closed, not ${kind(issue.input)}`),
  }),
  url: webAddress.nullish(),
  email: emailAddress.nullish(),
  organization: object({
    id: required("every organisation needs an id"),
    name: required("every organisation needs a name"),
    description: optionalText,
    website: optionalText,
    email: optionalText,
    organization_identifiers: list(object({ identifier_scheme: optionalText, identifier: optionalText })),
  }),
  phones: list(phone),
  contacts: list(object({ name: optionalText, title: optionalText, department: optionalText, email: emailAddress.nullish(), phones: list(phone) })),
  service_areas: list(object({ name: optionalText, service_area: optionalText, description: optionalText })),
  service_at_locations: list(object({ location: object({ name: optionalText, addresses: list(address) }).nullish() })),
  eligibility_description: optionalText,
  application_process: optionalText,
  minimum_age: age.nullish(),
  maximum_age: age.nullish(),
  cost_options: list(
    object({ option: optionalText, amount: number.min(0, "must be 0 or more").nullish(), currency: optionalText, amount_description: optionalText }),
  ),
  schedules: list(
    object({ description: optionalText, notes: optionalText, byday: optionalText, opens_at: optionalText, closes_at: optionalText }),
  ),
  languages: list(object({ name: optionalText, code: optionalText })),
  attributes: list(attribute),
  assured_date: isoDateOrDateTime.nullish(),
  last_modified: isoDateOrDateTime.nullish(),
}).superRefine((service, ctx) => {
  const { minimum_age: min, maximum_age: max } = service;
  if (min !== undefined && min !== null && max !== undefined && max !== null && min > max) {
    ctx.addIssue({ code: "custom", path: ["maximum_age"], message: `must not be below minimum_age (${min})` });
  }
});

export type OrukService = z.infer<typeof orukServiceSchema>;
export type OrukTaxonomyTerm = z.infer<typeof orukTaxonomyTermSchema>;

/** The object schema inside optional, nullable, list and pipe wrappers, if there is one. */
function objectShape(schema: z.core.$ZodType): Record<string, z.core.$ZodType> | undefined {
  const def = schema._zod.def as { type: string; shape?: Record<string, z.core.$ZodType>; innerType?: z.core.$ZodType; element?: z.core.$ZodType; in?: z.core.$ZodType };
  if (def.type === "object") return def.shape;
  const inner = def.innerType ?? def.element ?? def.in;
  return inner ? objectShape(inner) : undefined;
}

/** True when Signpost reads the field at `path` (dotted, no list positions), e.g. `contacts.phones.number`. */
export function isReadField(path: string): boolean {
  let schema: z.core.$ZodType | undefined = orukServiceSchema;
  for (const key of path.split(".")) {
    schema = schema === undefined ? undefined : objectShape(schema)?.[key];
    if (schema === undefined) return false;
  }
  return true;
}
