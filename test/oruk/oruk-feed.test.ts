/**
 * The published ORUK feed beyond one page of services: the root, /services
 * filtered by search, taxonomy term, taxonomy and modified_after, and the
 * taxonomy endpoints, each response validated against the schema ORUK's
 * OpenAPI document gives for its path, ORUK's validator's pagination checks,
 * empty optional fields left out, 404s in the feed's error shape, and a
 * refreshed directory seen at once.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Hono } from "hono";
import { beforeAll, describe, expect, it } from "vitest";
import type { Directory, Service } from "../../src/directory/directory.js";
import { LiveDirectory } from "../../src/directory/live-directory.js";
import { Taxonomy } from "../../src/directory/taxonomy.js";
import { orukServiceId } from "../../src/oruk/oruk-export.js";
import { type OrukPath, orukOpenApiValidators } from "./oruk-schema.js";
import { orukFeedApp, orukFixtures, realDirectoryAndMap } from "./support.js";

type Body = Record<string, unknown>;
interface Term {
  id: string;
  code: string;
  name: string;
  taxonomy: string;
  taxonomy_id: string;
}

let directory: Directory;
let validators: ReturnType<typeof orukOpenApiValidators>;
beforeAll(async () => {
  directory = (await realDirectoryAndMap()).directory;
  validators = orukOpenApiValidators();
});

function feed(loaded: () => Directory | undefined = () => directory): Hono {
  return orukFeedApp(loaded);
}

async function get(url: string, app = feed()) {
  const response = await app.request(url);
  return { status: response.status, headers: response.headers, body: (await response.json()) as Body };
}

/** GET, expect 200 and a body valid for ORUK's schema of `route`. */
async function valid(url: string, route: OrukPath, app = feed()): Promise<Body> {
  const { status, body } = await get(url, app);
  expect(status, url).toBe(200);
  expect(validators.forPath(route)(body), url).toEqual([]);
  return body;
}

/** Every page of a list, as ORUK's validator reads it: totals steady, sizes right, first and last flagged. */
async function allPages(url: string, route: OrukPath, perPage: number, app = feed()): Promise<Body[]> {
  const join = url.includes("?") ? "&" : "?";
  const first = await valid(`${url}${join}per_page=${perPage}`, route, app);
  const contents: Body[] = [];
  const pages = first.total_pages as number;
  for (let page = 1; page <= pages; page++) {
    const body = await valid(`${url}${join}per_page=${perPage}&page=${page}`, route, app);
    expect(body).toMatchObject({ total_items: first.total_items, total_pages: pages, page_number: page, first_page: page === 1, last_page: page === pages, empty: false });
    expect(body.size).toBe((body.contents as unknown[]).length);
    if (page < pages) expect(body.size).toBe(perPage);
    contents.push(...(body.contents as Body[]));
  }
  expect(contents).toHaveLength(first.total_items as number);
  return contents;
}

const names = (items: readonly object[]) => items.map((item) => (item as { name?: unknown }).name);

/** Whether a service mentions carers anywhere the search looks (its areas aside), by a plain regex. */
const mentionsCarers = (service: Service) =>
  /\bcarer/i.test(`${service.name} ${service.organization.name} ${service.description} ${service.eligibility_description ?? ""} ${service.needs.map((n) => directory.taxonomy.label(n)).join(" ")}`);

describe("GET /api/oruk/", () => {
  it("says it is HSDS-UK-3.0 with ORUK's profile and OpenAPI, as ORUK's / does, with or without the slash", async () => {
    for (const url of ["/api/oruk/", "/api/oruk"]) {
      expect(await valid(url, "/")).toEqual({
        version: "HSDS-UK-3.0",
        profile: "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md",
        openapi_url: "https://raw.githubusercontent.com/OpenReferralUK/uk-profile/main/schema/openapi.json",
      });
    }
    expect(validators.forPath("/")({ version: "HSDS-UK-3.0", profile: "uk profile" })).toEqual(['/profile must match format "uri"', "/ must have required property 'openapi_url'"]);
  });
});

describe("GET /api/oruk/services, filtered", () => {
  it("finds by search: every word must start a word of the service, so 'carer' finds carers' services, in directory order", async () => {
    const carers = await allPages("/api/oruk/services?search=carer", "/services", 3);
    const mentioning = directory.services.filter(mentionsCarers);
    expect(mentioning.length).toBeGreaterThan(3);
    expect(names(carers)).toEqual(names(mentioning));
    const circle = directory.services.find((s) => s.id === "charnwood-carers-circle")!.name;
    expect(names(carers)).toContain(circle);

    const both = await valid("/api/oruk/services?search=Carers%20CHARNWOOD&per_page=100", "/services");
    expect(names(both.contents as Body[])).toContain(circle);
    expect((both.contents as unknown[]).length).toBeLessThan(carers.length);
    for (const item of both.contents as Body[]) expect(directory.services.find((s) => s.name === item.name)?.areas).toContain("charnwood");
  });

  it("answers a search that matches nothing with an empty, valid page, and treats a blank search as none", async () => {
    expect(await valid("/api/oruk/services?search=zzyzx", "/services")).toMatchObject({ total_items: 0, total_pages: 0, size: 0, empty: true, first_page: true, last_page: true, contents: [] });
    expect(await valid("/api/oruk/services?search=%20%20&per_page=100", "/services")).toMatchObject({ total_items: directory.services.length });
  });

  it("filters by taxonomy_term_id: exactly the services with that need, each carrying the term in full", async () => {
    const terms = (await allPages("/api/oruk/taxonomy_terms", "/taxonomy_terms", 100)) as unknown as Term[];
    const carersTerm = terms.find((t) => t.taxonomy === "signpost-needs" && t.code === "carers-support")!;
    const listed = await allPages(`/api/oruk/services?taxonomy_term_id=${carersTerm.id}`, "/services", 2);
    const withNeed = directory.services.filter((s) => s.needs.includes("carers-support"));
    expect(withNeed.length).toBeGreaterThan(2);
    expect(names(listed)).toEqual(names(withNeed));
    for (const item of listed) {
      const full = await valid(`/api/oruk/services/${String(item.id)}`, "/services/{id}");
      expect((full.attributes as { taxonomy_term_id: string }[]).map((a) => a.taxonomy_term_id)).toContain(carersTerm.id);
    }
    const upper = await valid(`/api/oruk/services?taxonomy_term_id=${carersTerm.id.toUpperCase()}&per_page=100`, "/services");
    expect(upper.total_items).toBe(withNeed.length);
    expect(await valid("/api/oruk/services?taxonomy_term_id=3f7b145d-84af-42d7-8fae-eaca714b02b2", "/services")).toMatchObject({ total_items: 0, empty: true });
  });

  it("filters by taxonomy_id and by a referral route's term, combined with search", async () => {
    const taxonomies = (await valid("/api/oruk/taxonomies", "/taxonomies")).contents as { id: string; name: string }[];
    const needsTaxonomy = taxonomies.find((t) => t.name === "signpost-needs")!;
    const withNeeds = await allPages(`/api/oruk/services?taxonomy_id=${needsTaxonomy.id}`, "/services", 100);
    expect(names(withNeeds)).toEqual(names(directory.services.filter((s) => s.needs.length > 0)));

    const terms = (await allPages("/api/oruk/taxonomy_terms", "/taxonomy_terms", 100)) as unknown as Term[];
    const selfReferral = terms.find((t) => t.code === "self")!;
    const selfAndCarers = await allPages(`/api/oruk/services?taxonomy_term_id=${selfReferral.id}&search=carer`, "/services", 100);
    const expected = directory.services.filter((s) => s.referral_routes.includes("self") && mentionsCarers(s));
    expect(names(selfAndCarers)).toEqual(names(expected));
  });

  it("filters by modified_after, by day: a date, a date and time (UTC unless it says), and an offset that moves the day", async () => {
    const after = (day: string) => directory.services.filter((s) => s.last_verified >= day);
    const may = await allPages("/api/oruk/services?modified_after=2026-05-27", "/services", 7);
    expect(names(may)).toEqual(names(after("2026-05-27")));
    expect(may.length).toBeGreaterThan(7);
    expect(may.length).toBeLessThan(directory.services.length);
    for (const item of may) expect(String(item.last_modified) >= "2026-05-27T00:00:00Z").toBe(true);
    // Later the same day still includes that day's records: the time of a change is not known.
    expect((await valid("/api/oruk/services?modified_after=2026-05-27T16:45:00Z&per_page=100", "/services")).total_items).toBe(may.length);
    expect((await valid("/api/oruk/services?modified_after=2026-05-27T16:45&per_page=100", "/services")).total_items).toBe(may.length);
    // 00:30 on the 27th at +01:00 is 23:30 UTC on the 26th.
    expect((await valid("/api/oruk/services?modified_after=2026-05-27T00:30:00%2B01:00&per_page=100", "/services")).total_items).toBe(after("2026-05-26").length);
    expect((await valid("/api/oruk/services?modified_after=2099-01-01", "/services")).total_items).toBe(0);
  });

  it.each([
    ["modified_after=yesterday", "modified_after: must be a date or a date and time, like modified_after=2026-01-31 or modified_after=2026-01-31T09:00:00Z"],
    ["modified_after=2026-02-30", "modified_after: must be a date or a date and time, like modified_after=2026-01-31 or modified_after=2026-01-31T09:00:00Z"],
    ["modified_after=2026-01-31T25:00:00Z", "modified_after: must be a date or a date and time, like modified_after=2026-01-31 or modified_after=2026-01-31T09:00:00Z"],
    [`search=${"a".repeat(201)}`, "search: must be at most 200 characters"],
    ["per_page=500&modified_after=31/01/2026", "per_page: must be at most 100; modified_after: must be a date or a date and time, like modified_after=2026-01-31 or modified_after=2026-01-31T09:00:00Z"],
  ])("refuses ?%s with a 400 that says why", async (query, message) => {
    const { status, body } = await get(`/api/oruk/services?${query}`);
    expect({ status, body }).toEqual({ status: 400, body: { error: { code: "BAD_REQUEST", message } } });
  });
});

describe("GET /api/oruk/services/{id}", () => {
  it("leaves out every optional field with nothing in it: no empty list, empty text or null anywhere", async () => {
    const empties: string[] = [];
    const walk = (value: unknown, where: string): void => {
      if (value === null || value === "" || (Array.isArray(value) && value.length === 0)) empties.push(where);
      else if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${where}/${i}`));
      else if (typeof value === "object") for (const [key, inner] of Object.entries(value)) walk(inner, `${where}/${key}`);
    };
    for (const service of directory.services) {
      walk(await valid(`/api/oruk/services/${orukServiceId(service)}`, "/services/{id}"), service.id);
    }
    for (const item of await allPages("/api/oruk/services", "/services", 100)) walk(item, String(item.name));
    expect(empties).toEqual([]);
    // A service with no phones has no `phones` at all; one with phones keeps them.
    const silent = directory.services.find((s) => (s.phones ?? []).length === 0)!;
    expect(await valid(`/api/oruk/services/${silent.id}`, "/services/{id}")).not.toHaveProperty("phones");
    const phoned = directory.services.find((s) => (s.phones ?? []).length > 0)!;
    expect((await valid(`/api/oruk/services/${phoned.id}`, "/services/{id}")).phones).toHaveLength(phoned.phones!.length);
  });

  it("sees a refreshed directory at once, through the same live view", async () => {
    const live = new LiveDirectory({ ...directory, services: directory.services.slice(0, 5), fingerprint: "first" });
    const app = feed(() => live.view);
    const later = directory.services[10]!;
    expect((await get(`/api/oruk/services/${later.id}`, app)).status).toBe(404);
    expect((await valid("/api/oruk/services?per_page=100", "/services", app)).total_items).toBe(5);
    live.replace(directory);
    expect(await valid(`/api/oruk/services/${later.id}`, "/services/{id}", app)).toMatchObject({ name: later.name });
    expect((await valid("/api/oruk/services?per_page=100", "/services", app)).total_items).toBe(directory.services.length);
  });
});

describe("GET /api/oruk/taxonomies and /api/oruk/taxonomy_terms", () => {
  it("accepts ORUK's own taxonomy and term examples, and refuses a taxonomy without a UUID or a name", () => {
    const example = (file: string) => JSON.parse(readFileSync(path.join(orukFixtures, "uk-profile-v3", file), "utf8")) as Body;
    expect(validators.forPath("/taxonomies/{id}")(example("taxonomy.json"))).toEqual([]);
    expect(validators.forPath("/taxonomies")(example("taxonomy_list.json"))).toEqual([]);
    expect(validators.forPath("/taxonomy_terms/{id}")(example("taxonomy_term.json"))).toEqual([]);
    expect(validators.forPath("/taxonomy_terms")(example("taxonomy_term_list.json"))).toEqual([]);
    expect(validators.forPath("/services/{id}")(example("service_full.json"))).toEqual([]);
    expect(validators.forPath("/taxonomies/{id}")({ id: "needs", description: "d", taxonomy_terms: [{ id: "3f7b145d-84af-42d7-8fae-eaca714b02b2", name: "n" }] })).toEqual([
      "/ must have required property 'name'",
      '/id must match format "uuid"',
      "/taxonomy_terms/0 must have required property 'description'",
    ]);
  });

  it("publishes Signpost's four vocabularies, each in full by id, needs exactly as the directory's taxonomy has them", async () => {
    const taxonomies = await allPages("/api/oruk/taxonomies", "/taxonomies", 3);
    expect(names(taxonomies)).toEqual(["signpost-needs", "signpost-offers", "signpost-referral-routes", "signpost"]);
    for (const taxonomy of taxonomies) {
      const full = await valid(`/api/oruk/taxonomies/${String(taxonomy.id)}`, "/taxonomies/{id}");
      expect(full).toMatchObject(taxonomy);
      for (const term of full.taxonomy_terms as Term[]) expect(term).toMatchObject({ taxonomy_id: taxonomy.id, taxonomy: taxonomy.name });
    }
    const needs = await valid(`/api/oruk/taxonomies/${String(taxonomies[0]!.id)}`, "/taxonomies/{id}");
    expect((needs.taxonomy_terms as Term[]).map((t) => [t.code, t.name])).toEqual(directory.taxonomy.needs.map((n) => [n.id, n.label]));
  });

  it("pages every term, each valid and found by its id, and covers every term a service carries", async () => {
    const terms = (await allPages("/api/oruk/taxonomy_terms", "/taxonomy_terms", 7)) as unknown as Term[];
    expect(new Set(terms.map((t) => t.id)).size).toBe(terms.length);
    for (const term of terms) expect(await valid(`/api/oruk/taxonomy_terms/${term.id}`, "/taxonomy_terms/{id}")).toEqual(term);
    const known = new Set(terms.map((t) => t.id));
    for (const service of directory.services) {
      const full = await valid(`/api/oruk/services/${orukServiceId(service)}`, "/services/{id}");
      for (const attribute of full.attributes as { taxonomy_term: Term }[]) expect(known.has(attribute.taxonomy_term.id), attribute.taxonomy_term.code).toBe(true);
    }
  });

  it("reads the needs from the directory it is given, not from a fixed list", async () => {
    const few = new Taxonomy(directory.taxonomy.needs.slice(0, 3));
    const small: Directory = { ...directory, services: [], taxonomy: few, fingerprint: "small" };
    const terms = (await allPages("/api/oruk/taxonomy_terms", "/taxonomy_terms", 100, feed(() => small))) as unknown as Term[];
    expect(terms.filter((t) => t.taxonomy === "signpost-needs").map((t) => t.code)).toEqual(few.needs.map((n) => n.id));
  });
});

describe("errors", () => {
  it.each([
    ["/api/oruk/services/no-such-service", "There is no service with that id. The ids are listed at /api/oruk/services."],
    ["/api/oruk/taxonomies/3f7b145d-84af-42d7-8fae-eaca714b02b2", "There is no taxonomy with that id. The ids are listed at /api/oruk/taxonomies."],
    ["/api/oruk/taxonomy_terms/carers-support", "There is no taxonomy term with that id. The ids are listed at /api/oruk/taxonomy_terms."],
  ])("answers %s with a 404 in the feed's error shape", async (url, message) => {
    const { status, body } = await get(url);
    expect({ status, body }).toEqual({ status: 404, body: { error: { code: "NOT_FOUND", message } } });
  });

  it("is 503 on every endpoint but / until the directory is loaded, and refuses a bad page before that", async () => {
    const starting = feed(() => undefined);
    for (const url of ["/api/oruk/services", "/api/oruk/taxonomies", "/api/oruk/taxonomy_terms", "/api/oruk/taxonomies/x", "/api/oruk/taxonomy_terms/x", "/api/oruk/services/x"]) {
      expect((await get(url, starting)).status, url).toBe(503);
    }
    expect((await get("/api/oruk/", starting)).status).toBe(200);
    expect((await get("/api/oruk/taxonomy_terms?page=0", starting)).body).toEqual({ error: { code: "BAD_REQUEST", message: "page: must be 1 or more" } });
  });
});
