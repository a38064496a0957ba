import { Meilisearch } from "meilisearch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/answer/answer-question.js";
import type { Directory, Service } from "../../src/directory/directory.js";
import { SearchError } from "../../src/errors/search-error.js";
import { EmbeddedSearchEngine } from "../../src/search/embedded-search-engine.js";
import { MeilisearchSearchEngine } from "../../src/search/meilisearch-search-engine.js";
import { CompactTextIndex } from "../../src/search/compact-text-index.js";
import type { SearchEngine, SearchQuery } from "../../src/search/search-engine.js";
import type { Understander } from "../../src/understanding/create-understander.js";
import { isRightService, readLabelledQueries } from "../../scripts/lib/relevance-queries.js";
import { realDirectoryAndEngine } from "../support/load-real-directory.js";
import { type RunningMeilisearch, startMeilisearch } from "../support/meilisearch-server.js";

/**
 * One suite, both engines: the same relevance, filter, typo, reindex and
 * filter-injection tests on the embedded engine and on a real Meilisearch.
 */
let directory: Directory;
let understander: Understander;
let meili: RunningMeilisearch;
beforeAll(async () => {
  ({ directory, understander } = await realDirectoryAndEngine());
  meili = await startMeilisearch();
}, 60_000);
afterAll(async () => {
  await meili.stop();
});

const engines: [string, () => SearchEngine][] = [
  ["embedded", () => new EmbeddedSearchEngine(() => new CompactTextIndex())],
  ["meilisearch", () => new MeilisearchSearchEngine(new Meilisearch({ host: meili.url, apiKey: meili.masterKey }), `services_${Math.random().toString(36).slice(2, 8)}`)],
];
const query = (overrides: Partial<SearchQuery>): SearchQuery => ({ text: "", needs: [], areas: [], age: null, limit: 50, ...overrides });

describe.each(engines)("%s engine", (name, makeEngine) => {
  let engine: SearchEngine;
  beforeAll(async () => {
    engine = makeEngine();
    await engine.index(directory);
  }, 60_000);

  it("reports itself ready, with every service", async () => {
    expect(await engine.health()).toMatchObject({ engine: name, ready: true, services: directory.services.length });
  });

  it("has a right service in the top 3 for every labelled query, and first for at least 95%", async () => {
    const byId = new Map(directory.services.map((s) => [s.id, s]));
    const queries = readLabelledQueries();
    let first = 0;
    for (const labelled of queries) {
      const answer = await answerQuestion(labelled.q, { directory, engine, understander, maxResults: 5 });
      expect(answer.engine).toBe(name);
      const top = answer.results.slice(0, 3).map((r) => byId.get(r.id)!);
      expect(top.some((service) => isRightService(service, labelled)), `${labelled.q} -> ${top.map((s) => s.id).join(", ")}`).toBe(true);
      if (top[0] && isRightService(top[0], labelled)) first++;
    }
    expect(first / queries.length).toBeGreaterThanOrEqual(0.95);
  });

  it("keeps to the area, the age and the offer, and leaves out the front door", async () => {
    const hits = await engine.search(query({ needs: ["social-isolation", "care-at-home"], areas: ["rutland"], age: 30, offers: ["vcs"] }));
    expect(hits.length).toBeGreaterThan(0);
    for (const { service } of hits) {
      expect(service.areas).toContain("rutland");
      expect(service.offer).toBe("vcs");
      expect(service.minimum_age ?? 0).toBeLessThanOrEqual(30);
      expect(service.maximum_age ?? 120).toBeGreaterThanOrEqual(30);
      expect(service.front_door).not.toBe(true);
    }
  });

  it("keeps to a need's age band as to a service's own ages", async () => {
    const young = await engine.search(query({ needs: ["young-carers"], age: 13 }));
    expect(young.length).toBeGreaterThan(0);
    for (const { service } of young) expect(service.needs).toContain("young-carers");
    expect(await engine.search(query({ needs: ["young-carers"], age: 45 }))).toEqual([]);
    const adults = await engine.search(query({ needs: ["carers-support", "young-carers"], age: 45 }));
    expect(adults.length).toBeGreaterThan(0);
    for (const { service } of adults) expect(service.needs).toContain("carers-support");
  });

  it("tolerates a typo in the words of a name", async () => {
    const shed = directory.services.find((s) => /men.?s shed/i.test(s.name))!;
    const hits = await engine.search(query({ text: "hinckley mens shed colective" }));
    expect(hits[0]?.service.id).toBe(shed.id);
  });

  it("replaces the whole index on reindex", async () => {
    const fresh = makeEngine();
    const hoarding = (s: Service) => s.needs.includes("hoarding");
    // Another directory version (its own fingerprint), as every directory with other services has.
    await fresh.index({ ...directory, fingerprint: "1".repeat(64), services: directory.services.filter((s) => s.id === "lightbulb-hoarding") });
    expect((await fresh.search(query({ needs: ["hoarding"] }))).map((h) => h.service.id)).toEqual(["lightbulb-hoarding"]);
    await fresh.index(directory);
    expect((await fresh.search(query({ needs: ["hoarding"], limit: 50 }))).length).toBe(directory.services.filter(hoarding).length);
  }, 60_000);

  it.each([
    'social-isolation" OR needs EXISTS OR needs = "x',
    "social-isolation\\\" OR 1=1",
    "x".repeat(10_000),
    "hoarding) OR (areas EXISTS",
  ])("keeps the filter pinned against %j", async (evil) => {
    const pinned = query({ needs: [evil as never], areas: ["rutland"] });
    const outcome = await engine.search(pinned).then(
      (hits) => ({ hits }),
      (error: unknown) => ({ error }),
    );
    if ("error" in outcome) expect(outcome.error).toBeInstanceOf(SearchError);
    else expect(outcome.hits).toEqual([]);
  });
});

describe("meilisearch engine: a failed reindex", () => {
  it("leaves the live index answering as before", async () => {
    const engine = new MeilisearchSearchEngine(new Meilisearch({ host: meili.url, apiKey: meili.masterKey }), "services_atomic");
    await engine.index(directory);
    const before = await engine.search(query({ needs: ["hoarding"] }));
    // A new version (another fingerprint) that Meilisearch refuses: a document id it does not allow.
    const broken = { ...directory, fingerprint: "0".repeat(64), services: [{ ...directory.services[0]!, id: "not a valid id!" }] };
    await expect(engine.index(broken)).rejects.toBeInstanceOf(SearchError);
    expect((await engine.search(query({ needs: ["hoarding"] }))).map((h) => h.service.id)).toEqual(before.map((h) => h.service.id));
    const indexes = await new Meilisearch({ host: meili.url, apiKey: meili.masterKey }).getIndexes({ limit: 100 });
    expect(indexes.results.map((i) => i.uid).filter((uid) => uid.startsWith("services_atomic-"))).toEqual([]);
  }, 60_000);
});
