import type { Meilisearch } from "meilisearch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Directory } from "../../src/directory/directory.js";
import { meilisearchClient } from "../../src/search/meilisearch-client.js";
import { needIds } from "../../src/directory/ids.js";
import { buildFilter, maxExactTierNeeds } from "../../src/search/meilisearch-filter.js";
import { textMargin } from "../../src/search/meilisearch-search-plan.js";
import { MeilisearchSearchEngine } from "../../src/search/meilisearch-search-engine.js";
import { rankServices } from "../../src/search/rank-services.js";
import type { SearchQuery } from "../../src/search/search-engine.js";
import { serviceFacts } from "../../src/search/service-filters.js";
import type { Understander } from "../../src/understanding/create-understander.js";
import { readLabelledQueries } from "../../scripts/lib/relevance-queries.js";
import { syntheticDirectory } from "../../scripts/lib/synthetic-directory.js";
import { realDirectoryAndEngine } from "../support/load-real-directory.js";
import { type RunningMeilisearch, startMeilisearch } from "../support/meilisearch-server.js";
import { startRecordingProxy } from "../support/recording-proxy.js";

/**
 * The Meilisearch engine's search plan against a real Meilisearch: one request
 * per search, only about what is shown, and the very order rank-services.ts
 * gives over every service (with Meilisearch's score for the best limit + 5
 * text matches), on a directory of 2,000 services.
 */
let meili: RunningMeilisearch;
let client: Meilisearch;
let directory: Directory;
let understander: Understander;
let engine: MeilisearchSearchEngine;
let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;
beforeAll(async () => {
  const real = await realDirectoryAndEngine();
  understander = real.understander;
  directory = syntheticDirectory(real.directory, 2000, 3);
  meili = await startMeilisearch();
  client = meilisearchClient({ url: meili.url, apiKey: meili.masterKey, timeoutMs: 30_000 });
  await new MeilisearchSearchEngine(client, "plan").index(directory);
  proxy = await startRecordingProxy(meili.url);
  engine = new MeilisearchSearchEngine(meilisearchClient({ url: proxy.url, apiKey: meili.masterKey }), "plan");
  await engine.index(directory); // finds the index built: reads one document
}, 60_000);
afterAll(async () => {
  await proxy.close();
  await meili.stop();
});

const query = (overrides: Partial<SearchQuery>): SearchQuery => ({ text: "", needs: [], areas: [], age: null, limit: 5, ...overrides });
const ids = async (q: SearchQuery) => (await engine.search(q)).map((hit) => hit.service.id);
const byId = () => new Map(directory.services.map((service) => [service.id, service]));

/** What rank-services.ts gives from every service the query may return, read from Meilisearch without limits. */
async function reference(q: SearchQuery): Promise<string[]> {
  const index = client.index<{ id: string }>("plan");
  const needs = q.needs.length > 0;
  const text = q.text.trim() === "" ? [] : (await index.search(q.text, { filter: buildFilter(q, { needs }), limit: q.limit + textMargin, showRankingScore: true, attributesToRetrieve: ["id"] })).hits;
  const every = needs ? (await index.search("", { filter: buildFilter(q, { needs }), limit: 1000, attributesToRetrieve: ["id"] })).hits : [];
  const scores = new Map(text.map((hit) => [hit.id, hit._rankingScore ?? 0]));
  const services = byId();
  const candidates = [...new Set([...every, ...text].map((hit) => hit.id))].map((id) => ({ service: services.get(id)!, facts: serviceFacts(services.get(id)!, directory.taxonomy), textScore: scores.get(id) ?? 0, words: [] }));
  return rankServices(candidates, q).map((hit) => hit.service.id);
}

describe("the Meilisearch search plan", () => {
  it("asks once per search, in one multi-search, for only about what is shown", async () => {
    const before = proxy.requests.length;
    const hits = await engine.search(query({ text: "lonely widower in Loughborough, wants company", needs: ["social-isolation", "bereavement"], areas: ["charnwood"] }));
    expect(hits).toHaveLength(5);
    const asked = proxy.requests.slice(before);
    expect(asked.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /multi-search"]);
    const { queries } = JSON.parse(asked[0]!.body) as { queries: { q: string; limit: number; sort?: string[] }[] };
    // The best 10 text matches, then the first 5 of each tier: both needs met, then one.
    expect(queries.map((q) => [q.q === "" ? "tier" : "text", q.limit])).toEqual([["text", 5 + textMargin], ["tier", 5], ["tier", 5]]);
    expect(queries[1]!.sort).toEqual(["order_2:desc"]);
    expect(queries[2]!.sort).toEqual(["order_1:desc"]);
  });

  it("gives the order rank-services.ts gives over every service, for the labelled queries and others", async () => {
    const understood = readLabelledQueries().map(({ q }) => ({ text: q, ...understander.understand(q).entities }));
    const others: Partial<SearchQuery>[] = [
      { needs: ["carers-support", "young-carers"], age: 14 },
      { text: "walking group", needs: ["physical-activity"], areas: ["rutland", "melton"], offers: ["vcs"] },
      { text: "benefits advice", needs: ["money-and-benefits", "housing-options", "food-and-essentials"] },
      { text: "memory cafe" },
      { text: "memory cafe", areas: ["blaby"], age: 70 },
    ];
    for (const q of [...understood.map(({ text, needs, areas, age }) => query({ text, needs, areas, age })), ...others.map(query)]) {
      for (const limit of [1, 5, 20]) expect(await ids({ ...q, limit }), `${q.text} ${q.needs.join(",")} limit ${limit}`).toEqual(await reference({ ...q, limit }));
    }
  }, 60_000);

  it("lists the services meeting every asked need first, then by fewest needs and name, when no words are given", async () => {
    const hits = await engine.search(query({ needs: ["social-isolation", "transport"], limit: 40 }));
    expect(hits).toHaveLength(40);
    const met = hits.map(({ service }) => service.needs.filter((need) => need === "social-isolation" || need === "transport").length);
    expect(met).toEqual([...met].sort((a, b) => b - a));
    expect(met[0]).toBe(2);
    const tierOne = hits.filter((_, at) => met[at] === 1).map(({ service }) => [service.needs.length, service.name] as const);
    expect(tierOne).toEqual([...tierOne].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1)));
  });

  it("keeps to the area, the age (with the needs' age bands), the offer and the limit", async () => {
    const hits = await engine.search(query({ text: "support group", needs: ["carers-support", "young-carers"], areas: ["harborough"], age: 15, offers: ["vcs", "nhs"], limit: 8 }));
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThanOrEqual(8);
    for (const { service } of hits) {
      const facts = serviceFacts(service, directory.taxonomy);
      expect(service.areas).toContain("harborough");
      expect(["vcs", "nhs"]).toContain(service.offer);
      expect([facts.minimumAge <= 15, facts.maximumAge >= 15]).toEqual([true, true]);
      expect(service.needs.some((need) => need === "carers-support" || need === "young-carers")).toBe(true);
    }
    // A young carers' service with no ages of its own is for under-18s: at 45 only services meeting other needs too.
    expect(directory.services.some((s) => s.needs.length === 1 && s.needs[0] === "young-carers")).toBe(true);
    const adults = await engine.search(query({ needs: ["young-carers"], age: 45, limit: 50 }));
    expect(adults.length).toBeGreaterThan(0);
    for (const { service } of adults) expect(service.needs.length).toBeGreaterThan(1);
    expect(await engine.search(query({ needs: ["young-carers"], limit: 0 }))).toEqual([]);
    // More needs than tiers are written out for: still only services meeting one, within the area.
    const many = needIds.slice(0, maxExactTierNeeds + 1);
    const wide = await engine.search(query({ needs: many, areas: ["blaby"], limit: 10 }));
    expect(wide).toHaveLength(10);
    for (const { service } of wide) expect([service.areas.includes("blaby"), service.needs.some((need) => many.includes(need))]).toEqual([true, true]);
  });
});
