/**
 * Tidies every record of a feed (normalise-oruk-record.ts), then checks it
 * against the ORUK service schema. A record still wrong is rejected with every
 * problem, each naming the record and the field; so is a second record with an
 * id already used, and one that looks like something other than a service (a
 * taxonomy term, an organisation). The rest go on to be mapped.
 */
import { formatPath } from "../directory/read-yaml-file.js";
import { type NormaliseFix, normaliseOrukRecord } from "./normalise-oruk-record.js";
import type { OrukProblem } from "../errors/oruk-import-error.js";
import { isReadField, type OrukService, orukServiceSchema } from "./oruk-service-schema.js";

/** One record as read from a file, page or URL, before it is checked. */
export interface OrukInputRecord {
  /** Where it came from, e.g. `service_list.json contents[3]` or `https://…/services?page=2 contents[0]`. */
  readonly where: string;
  readonly value: unknown;
  /** "v1" when it was read from the older ORUK v1 shape and rewritten as v3. */
  readonly format?: "v1";
  /** v1 fields not read (site extensions `pc_*`, holiday schedules, ...). */
  readonly ignored?: readonly string[];
}

export interface ParsedOrukRecord {
  /** `where` with the record's id and name, for reports and problems. */
  readonly label: string;
  readonly service: OrukService;
  readonly fixes: readonly NormaliseFix[];
  readonly format: "v1" | "v3";
  readonly ignored: readonly string[];
}

/** A record left out because it is wrong, with every problem found in it. */
export interface RejectedOrukRecord {
  readonly label: string;
  readonly problems: readonly OrukProblem[];
}

function field(value: unknown, key: string): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const found = (value as Record<string, unknown>)[key];
  return typeof found === "string" || typeof found === "number" ? String(found) : undefined;
}

export function describeRecord(where: string, value: unknown): string {
  const id = field(value, "id");
  const name = field(value, "name");
  const shortName = name && name.length > 60 ? `${name.slice(0, 57)}...` : name;
  const parts = [id === undefined ? "no id" : `id ${id}`, ...(shortName === undefined ? [] : [`"${shortName}"`])];
  return `${where} (${parts.join(", ")})`;
}

/** A hint for records that are clearly not services, so the error says what went wrong. */
function notAService(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const keys = new Set(Object.keys(value));
  if (keys.has("organization") || keys.has("status")) return undefined;
  if (keys.has("term") || keys.has("taxonomy") || keys.has("term_uri") || keys.has("taxonomy_id")) {
    return "looks like a taxonomy term, not a service: import the feed's services (a service, a list with contents, or an array)";
  }
  if (keys.has("services") || keys.has("organization_identifiers") || keys.has("legal_status")) {
    return "looks like an organisation, not a service: import the feed's /services endpoint";
  }
  return undefined;
}

export function parseOrukRecords(records: readonly OrukInputRecord[]): { parsed: ParsedOrukRecord[]; rejected: RejectedOrukRecord[] } {
  const parsed: ParsedOrukRecord[] = [];
  const rejected: RejectedOrukRecord[] = [];
  const seen = new Map<string, string>();
  for (const input of records) {
    const { value, fixes } = normaliseOrukRecord(input.value);
    const label = describeRecord(input.where, value);
    const problems: OrukProblem[] = [];
    const hint = notAService(value);
    if (hint) problems.push({ record: label, field: "", message: hint });
    const id = field(value, "id");
    const earlier = id === undefined ? undefined : seen.get(id);
    if (earlier !== undefined) problems.push({ record: label, field: "id", message: `is already used by ${earlier}; ids must be unique in a feed` });
    else if (id !== undefined) seen.set(id, input.where);
    const result = orukServiceSchema.safeParse(value);
    if (!result.success) for (const issue of result.error.issues) problems.push({ record: label, field: formatPath(issue.path), message: issue.message });
    if (problems.length > 0 || !result.success) rejected.push({ label, problems });
    // Fields Signpost never reads are tidied too (harmlessly), but only the fields it reads are worth a line in the report.
    else parsed.push({ label, service: result.data, fixes: fixes.filter((fix) => isReadField(fix.field)), format: input.format ?? "v3", ignored: input.ignored ?? [] });
  }
  return { parsed, rejected };
}
