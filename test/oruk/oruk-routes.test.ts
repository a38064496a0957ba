/**
 * GET /api/oruk/services and /api/oruk/services/{id} serve the real directory
 * in ORUK v3 shape, valid against the ORUK v3 schemas, with ORUK pagination
 * and clear 400s, 404s and 503s.
 */
import type { Hono } from "hono";
import { beforeAll, describe, expect, it } from "vitest";
import type { Directory } from "../../src/directory/directory.js";
import { orukServiceId } from "../../src/oruk/oruk-export.js";
import { type Check, orukValidators } from "./oruk-schema.js";
import { orukFeedApp, realDirectoryAndMap } from "./support.js";

let directory: Directory;
let validators: { service: Check; page: Check };
beforeAll(async () => {
  directory = (await realDirectoryAndMap()).directory;
  validators = orukValidators();
});

function app(loaded: () => Directory | undefined = () => directory): Hono {
  return orukFeedApp(loaded);
}

const get = async (path: string, loaded?: () => Directory | undefined) => {
  const response = await app(loaded).request(path);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe("the ORUK schema check itself", () => {
  it("refuses what ORUK refuses: a non-UUID id, a missing name, a bad url, a page without its counts", () => {
    const good = { id: "6f3c1a52-8d4e-5b7a-9f21-3c5d7e9a0b14", name: "A service", status: "active" };
    expect(validators.service(good)).toEqual([]);
    expect(validators.service({ ...good, id: "charnwood-carers-circle" })).toEqual(['/id must match format "uuid"']);
    expect(validators.service({ ...good, name: undefined, url: "example/counselling" })).toEqual(["/ must have required property 'name'", '/url must match format "uri"']);
    expect(validators.page({ contents: [good] })).toContain("/ must have required property 'total_items'");
    expect(validators.page({ total_items: 1, total_pages: 1, page_number: 1, size: 1, first_page: true, last_page: true, empty: false, contents: [{ ...good, status: "open" }] })).toEqual([
      "/contents/0/status must be equal to one of the allowed values",
    ]);
  });
});

describe("GET /api/oruk/services", () => {
  it("pages through the whole directory; every page validates against ORUK's Page and service_list schemas", async () => {
    const total = directory.services.length;
    const seen: string[] = [];
    for (let page = 1; page <= Math.ceil(total / 40); page++) {
      const { status, body } = await get(`/api/oruk/services?page=${page}&per_page=40`);
      expect(status).toBe(200);
      expect(validators.page(body)).toEqual([]);
      expect(body).toMatchObject({ total_items: total, total_pages: Math.ceil(total / 40), page_number: page, first_page: page === 1, last_page: page === Math.ceil(total / 40), empty: false });
      seen.push(...(body.contents as { name: string }[]).map((s) => s.name));
      expect(body.size).toBe((body.contents as unknown[]).length);
    }
    expect(seen).toEqual(directory.services.map((s) => s.name));
  });

  it("defaults to page 1 of 50, and answers a page beyond the end with an empty page", async () => {
    expect((await get("/api/oruk/services")).body).toMatchObject({ page_number: 1, size: 50 });
    const beyond = await get("/api/oruk/services?page=99&per_page=100");
    expect(beyond.status).toBe(200);
    expect(beyond.body).toMatchObject({ page_number: 99, size: 0, empty: true, first_page: false, last_page: true, contents: [] });
    expect(validators.page(beyond.body)).toEqual([]);
    const all = await get("/api/oruk/services?per_page=100");
    const count = directory.services.length;
    expect(all.body).toMatchObject({ total_pages: Math.ceil(count / 100), first_page: true, last_page: count <= 100, size: Math.min(count, 100) });
  });

  it.each([
    ["page=0", "page: must be 1 or more"],
    ["page=-2", "page: must be 1 or more"],
    ["page=two", "page: must be a whole number, like page=2"],
    ["page=1.5", "page: must be a whole number, like page=2"],
    ["per_page=101", "per_page: must be at most 100"],
    ["per_page=0", "per_page: must be 1 or more"],
    ["page=0&per_page=101", "page: must be 1 or more; per_page: must be at most 100"],
  ])("refuses ?%s with a 400 that says why", async (query, message) => {
    expect(await get(`/api/oruk/services?${query}`)).toEqual({ status: 400, body: { error: { code: "BAD_REQUEST", message } } });
  });

  it("is 503 until the directory is loaded", async () => {
    expect((await get("/api/oruk/services", () => undefined)).status).toBe(503);
    expect((await get("/api/oruk/services/first-contact-plus", () => undefined)).status).toBe(503);
  });
});

describe("GET /api/oruk/services/{id}", () => {
  it("serves every service in full, valid against ORUK's service schema, by its UUID or its Signpost id", async () => {
    for (const service of directory.services) {
      const { status, body } = await get(`/api/oruk/services/${orukServiceId(service)}`);
      expect(status).toBe(200);
      expect(validators.service(body), service.id).toEqual([]);
      expect(body).toMatchObject({ id: orukServiceId(service), name: service.name, status: "active", assured_date: service.last_verified });
    }
    const first = await get("/api/oruk/services/first-contact-plus");
    expect(first.body).toMatchObject({ name: "First Contact Plus" });
  });

  it("gives needs as taxonomy terms in the signpost-needs vocabulary, and areas by name", async () => {
    const { body } = await get("/api/oruk/services/charnwood-carers-circle");
    const terms = (body.attributes as { taxonomy_term: { taxonomy: string; code: string; name: string } }[]).map((a) => a.taxonomy_term);
    expect(terms.filter((t) => t.taxonomy === "signpost-needs")).toEqual([expect.objectContaining({ code: "carers-support", name: "Support for unpaid carers" })]);
    expect(body.service_areas).toEqual([expect.objectContaining({ name: "Charnwood" })]);
    expect(body).toMatchObject({ minimum_age: 16, application_process: "Just come along, or phone the group facilitator first." });
  });

  it("answers an unknown id with a JSON 404", async () => {
    expect(await get("/api/oruk/services/no-such-service")).toEqual({
      status: 404,
      body: { error: { code: "NOT_FOUND", message: "There is no service with that id. The ids are listed at /api/oruk/services." } },
    });
  });
});
