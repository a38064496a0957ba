/**
 * Reads ORUK JSON from disk: one file (a service, a list page with `contents`,
 * or an array of services) or a folder of page files (every .json file, in
 * natural order: page-2 before page-10). Unreadable or malformed files are
 * problems, reported together.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { OrukImportError, type OrukProblem } from "./oruk-import-error.js";
import type { OrukInputRecord } from "./parse-oruk-records.js";

/** The records in one parsed JSON body: a service, a page's `contents`, or an array. */
export function recordsFromBody(body: unknown, where: string): { records: OrukInputRecord[]; problems: OrukProblem[] } {
  if (Array.isArray(body)) return { records: (body as unknown[]).map((value, i) => ({ where: `${where} [${i}]`, value })), problems: [] };
  if (typeof body === "object" && body !== null) {
    const contents = (body as Record<string, unknown>).contents;
    if (contents === undefined) return { records: [{ where, value: body }], problems: [] };
    if (Array.isArray(contents)) return { records: (contents as unknown[]).map((value, i) => ({ where: `${where} contents[${i}]`, value })), problems: [] };
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
