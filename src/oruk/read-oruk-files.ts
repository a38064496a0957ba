/**
 * Reads ORUK JSON from disk: one file (a service, a v3 list page with
 * `contents`, a v1 page with `content`, or an array of services) or a folder of
 * page files (every .json file, in natural order: page-2 before page-10). v1
 * services are rewritten in the v3 shape (convert-oruk-v1.ts). A page of some
 * other shape is refused with a sentence, never read as one service.
 * Unreadable or malformed files are problems, reported together.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { convertOrukV1Service, isV1Page, isV1Service } from "./convert-oruk-v1.js";
import { OrukImportError, type OrukProblem } from "../errors/oruk-import-error.js";
import type { OrukInputRecord } from "./parse-oruk-records.js";

function record(value: unknown, where: string): OrukInputRecord {
  if (!isV1Service(value)) return { where, value };
  const converted = convertOrukV1Service(value as Record<string, unknown>);
  return { where, value: converted.value, format: "v1", ignored: converted.ignored };
}

const listKeys = ["items", "data", "results", "records"];
const pagingKeys = ["total_items", "total_pages", "page_number", "totalElements", "totalPages", "pageable"];

/** A sentence for a body that is a page of something, but not an ORUK page Signpost can read. */
function unknownPage(body: Record<string, unknown>): string | undefined {
  const listed = listKeys.find((key) => Array.isArray(body[key]));
  const paging = pagingKeys.filter((key) => key in body);
  if (listed === undefined && paging.length === 0) return undefined;
  const what = listed === undefined ? `page details (${paging.join(", ")})` : `a list under "${listed}"`;
  return `is a page of a list (it has ${what}), but its services are not under "contents" (ORUK v3) or "content" (ORUK v1, as Placecube sites publish): Signpost cannot read this shape, so nothing in it was read as a service`;
}

/** The records in one parsed JSON body: a service, a v3 page's `contents`, a v1 page's `content`, or an array. */
export function recordsFromBody(body: unknown, where: string): { records: OrukInputRecord[]; problems: OrukProblem[] } {
  if (Array.isArray(body)) return { records: (body as unknown[]).map((value, i) => record(value, `${where} [${i}]`)), problems: [] };
  if (typeof body === "object" && body !== null) {
    const page = body as Record<string, unknown>;
    if (isV1Page(page)) {
      if (!Array.isArray(page.content)) return { records: [], problems: [{ record: where, field: "content", message: "must be a list of services (this is an ORUK v1 page)" }] };
      return { records: (page.content as unknown[]).map((value, i) => record(value, `${where} content[${i}]`)), problems: [] };
    }
    const contents = page.contents;
    if (contents === undefined) {
      const hint = unknownPage(page);
      return hint ? { records: [], problems: [{ record: where, field: "", message: hint }] } : { records: [record(body, where)], problems: [] };
    }
    if (Array.isArray(contents)) return { records: (contents as unknown[]).map((value, i) => record(value, `${where} contents[${i}]`)), problems: [] };
    return { records: [], problems: [{ record: where, field: "contents", message: "must be a list of services" }] };
  }
  return { records: [], problems: [{ record: where, field: "", message: "is not an ORUK service, a list page with contents, or an array of services" }] };
}

export function parseJson(text: string, where: string): { ok: true; body: unknown } | { ok: false; problem: OrukProblem } {
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, problem: { record: where, field: "", message: `is not valid JSON: ${(error as Error).message}` } };
  }
}

async function readOne(file: string, shownAs: string): Promise<{ records: OrukInputRecord[]; problems: OrukProblem[] }> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    return { records: [], problems: [{ record: shownAs, field: "", message: `could not be read: ${(error as Error).message}` }] };
  }
  const parsed = parseJson(text, shownAs);
  return parsed.ok ? recordsFromBody(parsed.body, shownAs) : { records: [], problems: [parsed.problem] };
}

/** Every record in a file or a folder of page files; throws OrukImportError with every problem. */
export async function readOrukFiles(target: string): Promise<OrukInputRecord[]> {
  const info = await stat(target).catch(() => undefined);
  if (!info) throw new OrukImportError([{ record: target, field: "", message: "no such file or folder" }]);
  const files = info.isDirectory()
    ? (await readdir(target))
        .filter((name) => name.toLowerCase().endsWith(".json"))
        .sort((a, b) => a.localeCompare(b, "en", { numeric: true }))
        .map((name) => path.join(target, name))
    : [target];
  if (files.length === 0) throw new OrukImportError([{ record: target, field: "", message: "holds no .json files" }]);
  const records: OrukInputRecord[] = [];
  const problems: OrukProblem[] = [];
  for (const file of files) {
    const read = await readOne(file, path.basename(file));
    records.push(...read.records);
    problems.push(...read.problems);
  }
  if (problems.length > 0) throw new OrukImportError(problems);
  return records;
}
