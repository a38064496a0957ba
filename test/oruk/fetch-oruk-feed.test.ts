/**
 * Reading a feed over HTTP: `next_page` links and `page=` numbering are
 * followed, the page limit stops a runaway feed with a clear error, a slow
 * server times out, 5xx answers are retried, and a 404 or bad JSON is refused
 * at once, naming the URL.
 */
import { describe, expect, it } from "vitest";
import { fetchOrukFeed } from "../../src/oruk/fetch-oruk-feed.js";
import { formatOrukProblem, OrukImportError } from "../../src/errors/oruk-import-error.js";

type Handler = (url: URL) => Response | Promise<Response>;

function fakeFetch(handler: Handler): { fetch: typeof fetch; urls: string[] } {
  const urls: string[] = [];
  const fake: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof URL ? input.href : typeof input === "string" ? input : input.url);
    urls.push(url.href);
    if (init?.signal?.aborted) throw init.signal.reason;
    return handler(url);
  };
  return { fetch: fake, urls };
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
const item = (id: string) => ({ id, name: id, attributes: [] });
const page = (n: number, total: number, extra: Record<string, unknown> = {}) =>
  json({ total_items: total * 2, total_pages: total, page_number: n, size: 2, first_page: n === 1, last_page: n === total, empty: false, contents: [item(`s${n}a`), item(`s${n}b`)], ...extra });

const problems = (error: unknown) => (error instanceof OrukImportError ? error.problems.map(formatOrukProblem) : [String(error)]);

describe("reading an ORUK feed over HTTP", () => {
  it("follows page numbers up to total_pages, keeping the other parameters", async () => {
    const { fetch, urls } = fakeFetch((url) => page(Number(url.searchParams.get("page") ?? "1"), 3));
    const records = await fetchOrukFeed("https://feed.example.org/api/services?per_page=2", { fetch });
    expect(records.map((r) => (r.value as { id: string }).id)).toEqual(["s1a", "s1b", "s2a", "s2b", "s3a", "s3b"]);
    expect(urls).toEqual([
      "https://feed.example.org/api/services?per_page=2",
      "https://feed.example.org/api/services?per_page=2&page=2",
      "https://feed.example.org/api/services?per_page=2&page=3",
    ]);
    expect(records[2]!.where).toBe("https://feed.example.org/api/services?per_page=2&page=2 contents[0]");
  });

  it("follows next_page links when the API gives them", async () => {
    const { fetch, urls } = fakeFetch((url) =>
      url.pathname === "/feed/first" ? page(1, 2, { next_page: "/feed/second" }) : page(2, 2, { next_page: null }),
    );
    const records = await fetchOrukFeed("https://feed.example.org/feed/first", { fetch });
    expect(records).toHaveLength(4);
    expect(urls).toEqual(["https://feed.example.org/feed/first", "https://feed.example.org/feed/second"]);
  });

  it("fetches list items in full from /services/{id} when the list carries only one-to-one fields", async () => {
    const { fetch, urls } = fakeFetch((url) =>
      url.pathname === "/services" ? json({ total_pages: 1, page_number: 1, contents: [{ id: "a", name: "A" }] }) : json({ ...item("a"), service_areas: [] }),
    );
    const records = await fetchOrukFeed("https://feed.example.org/services", { fetch });
    expect(urls).toEqual(["https://feed.example.org/services", "https://feed.example.org/services/a"]);
    expect(records).toEqual([{ where: "GET https://feed.example.org/services/a", value: { id: "a", name: "a", attributes: [], service_areas: [] } }]);
  });

  it("stops at the page limit with an error rather than importing part of a feed", async () => {
    const { fetch } = fakeFetch((url) => page(Number(url.searchParams.get("page") ?? "1"), 50));
    const error = await fetchOrukFeed("https://feed.example.org/api/services", { fetch, maxPages: 3 }).catch((e: unknown) => e);
    expect(problems(error)).toEqual([
      "GET https://feed.example.org/api/services?page=4: the feed has more than 3 pages; raise --max-pages to read it all",
    ]);
  });

  it("retries a 5xx answer, then gives up naming the URL and the status", async () => {
    let calls = 0;
    const flaky = fakeFetch(() => (++calls === 1 ? json({}, 503) : page(1, 1)));
    expect(await fetchOrukFeed("https://feed.example.org/api/services", { fetch: flaky.fetch })).toHaveLength(2);
    const down = fakeFetch(() => json({}, 502));
    expect(problems(await fetchOrukFeed("https://feed.example.org/x", { fetch: down.fetch }).catch((e: unknown) => e))).toEqual([
      "GET https://feed.example.org/x: answered HTTP 502, three times",
    ]);
    expect(down.urls).toHaveLength(3);
  });

  it("refuses a 404 at once, and a body that is not JSON", async () => {
    const missing = fakeFetch(() => json({ error: "nope" }, 404));
    expect(problems(await fetchOrukFeed("https://feed.example.org/x", { fetch: missing.fetch }).catch((e: unknown) => e))).toEqual([
      "GET https://feed.example.org/x: answered HTTP 404",
    ]);
    expect(missing.urls).toHaveLength(1);
    const html = fakeFetch(() => new Response("<html>", { status: 200 }));
    expect(problems(await fetchOrukFeed("https://feed.example.org/x", { fetch: html.fetch }).catch((e: unknown) => e))[0]).toMatch(
      /^GET https:\/\/feed\.example\.org\/x: is not valid JSON: /,
    );
  });

  it("times out a server that does not answer", async () => {
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal!.reason as Error)));
    const error = await fetchOrukFeed("https://feed.example.org/slow", { fetch: hanging, timeoutMs: 50 }).catch((e: unknown) => e);
    expect(problems(error)).toEqual(["GET https://feed.example.org/slow: gave no answer within 0.05 s, three times"]);
  });
});
