/**
 * Checks every record of a feed against the ORUK service schema and collects
 * every problem, each naming the record and the field. Also refuses an id used
 * twice in one feed, and says so when a record looks like something other than
 * a service (a taxonomy term, an organisation).
 */
import { formatPath } from "../directory/read-yaml-file.js";
import type { OrukProblem } from "./oruk-import-error.js";
import { type OrukService, orukServiceSchema } from "./oruk-service-schema.js";

/** One record as read from a file, page or URL, before it is checked. */
export interface OrukInputRecord {
  /** Where it came from, e.g. `service_list.json contents[3]` or `https://…/services?page=2 contents[0]`. */
  readonly where: string;
  readonly value: unknown;
}

export interface ParsedOrukRecord {
  /** `where` with the record's id and name, for reports and problems. */
  readonly label: string;
  readonly service: OrukService;
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

export function parseOrukRecords(records: readonly OrukInputRecord[]): { parsed: ParsedOrukRecord[]; problems: OrukProblem[] } {
  const parsed: ParsedOrukRecord[] = [];
  const problems: OrukProblem[] = [];
  const seen = new Map<string, string>();
  for (const { where, value } of records) {
    const label = describeRecord(where, value);
    const hint = notAService(value);
    if (hint) problems.push({ record: label, field: "", message: hint });
    const id = field(value, "id")?.trim();
    const earlier = id === undefined ? undefined : seen.get(id);
    if (earlier !== undefined) problems.push({ record: label, field: "id", message: `is already used by ${earlier}; ids must be unique in a feed` });
    else if (id !== undefined) seen.set(id, where);
    const result = orukServiceSchema.safeParse(value);
    if (!result.success) {
      for (const issue of result.error.issues) problems.push({ record: label, field: formatPath(issue.path), message: issue.message });
    } else if (earlier === undefined) {
      parsed.push({ label, service: result.data });
    }
  }
  return { parsed, problems };
}
