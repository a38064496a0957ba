/**
 * Reads an ORUK feed over HTTP: GET the URL, follow the pages (`next_page` if
 * the API gives one, else `page=` up to `total_pages` or `last_page`; for a v1
 * Spring page, `page=` from `number` + 1 up to `totalPages` or `last`), at most
 * `maxPages`, each request with a timeout and two retries on 5xx, 429 or a
 * network error. ORUK list pages carry only one-to-one fields, so a record
 * without taxonomy or areas is fetched in full from `<list>/{id}`.
 */
import { OrukImportError } from "../errors/oruk-import-error.js";
import type { OrukInputRecord } from "./parse-oruk-records.js";
import { isV1Page } from "./convert-oruk-v1.js";
import { parseJson, recordsFromBody } from "./read-oruk-files.js";

export interface FetchOrukOptions {
  readonly fetch?: typeof globalThis.fetch;
  readonly timeoutMs?: number;
  readonly maxPages?: number;
  readonly concurrency?: number;
  readonly onProgress?: (done: number, total: number | undefined, what: "pages" | "services") => void;
}

async function getJson(url: URL, options: FetchOrukOptions): Promise<unknown> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const fail = (message: string) => new OrukImportError([{ record: `GET ${url.href}`, field: "", message }]);
  let last = "";
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      const response = await (options.fetch ?? fetch)(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: "application/json" } });
      const text = await response.text();
      if (response.ok) {
        const parsed = parseJson(text, `GET ${url.href}`);
        if (parsed.ok) return parsed.body;
        throw new OrukImportError([parsed.problem]);
      }
      last = `answered HTTP ${response.status}`;
      if (response.status < 500 && response.status !== 429) throw fail(last);
    } catch (error) {
      if (error instanceof OrukImportError) throw error;
      last = (error as Error).name === "TimeoutError" ? `gave no answer within ${timeoutMs / 1000} s` : `could not be reached (${(error as Error).message})`;
    }
    if (attempt < 3) await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
  }
  throw fail(`${last}, three times`);
}

/** The next page's URL, or undefined on the last page. */
export function nextPageUrl(body: unknown, current: URL): URL | undefined {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return undefined;
  const page = body as Record<string, unknown>;
  if (isV1Page(page)) return nextV1PageUrl(page, current);
  if (typeof page.next_page === "string" && page.next_page !== "") return new URL(page.next_page, current);
  if (!Array.isArray(page.contents) || page.contents.length === 0 || page.last_page === true) return undefined;
  const number = typeof page.page_number === "number" ? page.page_number : Number(current.searchParams.get("page") ?? "1");
  const more = page.last_page === false || (typeof page.total_pages === "number" && number < page.total_pages);
  if (!more) return undefined;
  const next = new URL(current);
  next.searchParams.set("page", String(number + 1));
  return next;
}

/** A v1 (Spring) page numbers its pages from 0 in `number` and says `last`. */
function nextV1PageUrl(page: Record<string, unknown>, current: URL): URL | undefined {
  if (!Array.isArray(page.content) || page.content.length === 0 || page.last === true) return undefined;
  const number = typeof page.number === "number" ? page.number : Number(current.searchParams.get("page") ?? "0");
  const more = page.last === false || (typeof page.totalPages === "number" && number + 1 < page.totalPages);
  if (!more) return undefined;
  const next = new URL(current);
  next.searchParams.set("page", String(number + 1));
  return next;
}

const isListItem = (value: unknown) =>
  typeof value === "object" && value !== null && typeof (value as { id?: unknown }).id === "string" &&
  !["attributes", "service_areas", "service_at_locations", "service_taxonomys", "eligibilitys", "regular_schedules"].some((key) => key in value);

export async function fetchOrukFeed(start: string, options: FetchOrukOptions = {}): Promise<OrukInputRecord[]> {
  const maxPages = options.maxPages ?? 1000;
  const records: OrukInputRecord[] = [];
  const visited = new Set<string>();
  let next: URL | undefined = new URL(start);
  let totalPages: number | undefined;
  while (next && !visited.has(next.href)) {
    if (visited.size >= maxPages) {
      throw new OrukImportError([{ record: `GET ${next.href}`, field: "", message: `the feed has more than ${maxPages} pages; raise --max-pages to read it all` }]);
    }
    visited.add(next.href);
    const body = await getJson(next, options);
    const found = recordsFromBody(body, next.href);
    if (found.problems.length > 0) throw new OrukImportError(found.problems);
    records.push(...found.records);
    const said = (body as { total_pages?: unknown; totalPages?: unknown } | null)?.total_pages ?? (body as { totalPages?: unknown } | null)?.totalPages;
    totalPages = typeof said === "number" ? said : totalPages;
    options.onProgress?.(visited.size, totalPages, "pages");
    next = nextPageUrl(body, next);
  }

  const base = new URL(start);
  if (!/\/services\/?$/.test(base.pathname)) return records;
  const wanted = records.map((record, index) => ({ record, index })).filter(({ record }) => isListItem(record.value));
  const total = wanted.length;
  let done = 0;
  let failed = false;
  const worker = async () => {
    for (let item = wanted.shift(); item && !failed; item = wanted.shift()) {
      const detail = new URL(`${base.pathname.replace(/\/?$/, "/")}${encodeURIComponent((item.record.value as { id: string }).id)}`, base.origin);
      const value = await getJson(detail, options).catch((error: unknown) => {
        failed = true;
        throw error;
      });
      records[item.index] = { where: `GET ${detail.href}`, value };
      done += 1;
      if (done % 100 === 0) options.onProgress?.(done, total, "services");
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  return records;
}
