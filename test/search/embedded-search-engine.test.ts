import { beforeAll, describe, expect, it } from "vitest";
import type { Directory } from "../../src/directory/directory.js";
import { SearchError } from "../../src/errors/search-error.js";
import { EmbeddedSearchEngine } from "../../src/search/embedded-search-engine.js";
import { CompactTextIndex } from "../../src/search/compact-text-index.js";
import type { SearchQuery } from "../../src/search/search-engine.js";
import { realDirectoryAndEngine } from "../support/load-real-directory.js";

let directory: Directory;
let engine: EmbeddedSearchEngine;
beforeAll(async () => {
  ({ directory, engine } = await realDirectoryAndEngine());
});

const query = (overrides: Partial<SearchQuery>): SearchQuery => ({ text: "", needs: [], areas: [], age: null, limit: 50, ...overrides });

describe("EmbeddedSearchEngine filters", () => {
  it("keeps strictly to the named area, counting county-wide services in every district", async () => {
    const hits = await engine.search(query({ needs: ["social-isolation"], areas: ["rutland"] }));
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(hit.service.areas).toContain("rutland");
    const countyWide = await engine.search(query({ needs: ["home-adaptations"], areas: ["melton"] }));
    expect(countyWide.map((h) => h.service.id)).toContain("lightbulb-adaptations");
  });

  it("only returns services that meet one of the needs, and never the front door", async () => {
    const hits = await engine.search(query({ needs: ["hoarding", "transport"] }));
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) {
      expect(hit.service.needs.some((n) => n === "hoarding" || n === "transport")).toBe(true);
      expect(hit.service.front_door).not.toBe(true);
    }
  });

  it("leaves out services whose age range excludes the person", async () => {
    const withAge = directory.services.filter((s) => s.minimum_age !== undefined && s.minimum_age >= 50);
    expect(withAge.length).toBeGreaterThan(0);
    const young = await engine.search(query({ needs: [...new Set(withAge.flatMap((s) => s.needs))], age: 25 }));
    for (const hit of young) expect(hit.service.minimum_age ?? 0).toBeLessThanOrEqual(25);
    expect(young.map((h) => h.service.id)).not.toContain(withAge[0]!.id);
  });

  it("filters by offer", async () => {
    const hits = await engine.search(query({ needs: ["social-isolation", "care-at-home"], offers: ["vcs"] }));
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(hit.service.offer).toBe("vcs");
  });

  it("returns nothing rather than padding with services from elsewhere", async () => {
    // A directory whose only hoarding service is county-wide Lightbulb: nothing serves Rutland.
    const countyOnly = { ...directory, services: directory.services.filter((s) => s.id === "lightbulb-hoarding" || s.offer === "vcs") };
    const subset = new EmbeddedSearchEngine(() => new CompactTextIndex());
    await subset.index({ ...countyOnly, services: countyOnly.services.filter((s) => s.id === "lightbulb-hoarding" || !s.needs.includes("hoarding")) });
    expect(await subset.search(query({ needs: ["hoarding"], areas: ["rutland"] }))).toEqual([]);
    expect((await subset.search(query({ needs: ["hoarding"], areas: ["melton"] }))).map((h) => h.service.id)).toEqual(["lightbulb-hoarding"]);
  });
});

describe("EmbeddedSearchEngine ranking", () => {
  it("ranks a service meeting every asked-for need above one meeting some", async () => {
    const hits = await engine.search(query({ needs: ["home-safety", "falls-prevention"], areas: ["blaby"] }));
    const both = (h: (typeof hits)[number]) => h.service.needs.includes("home-safety") && h.service.needs.includes("falls-prevention");
    const firstPartial = hits.findIndex((h) => !both(h));
    const lastFull = hits.map(both).lastIndexOf(true);
    expect(lastFull).toBeGreaterThanOrEqual(0);
    if (firstPartial >= 0) expect(lastFull).toBeLessThan(firstPartial);
  });

  it("finds services by name words when no need is named", async () => {
    const shed = directory.services.find((s) => /men.?s shed/i.test(s.name));
    expect(shed).toBeDefined();
    const hits = await engine.search(query({ text: "mens shed" }));
    expect(hits[0]?.service.id).toBe(shed!.id);
    expect(hits[0]?.words.length).toBeGreaterThan(0);
  });

  it("respects the limit and orders by score", async () => {
    const hits = await engine.search(query({ needs: ["social-isolation"], limit: 3 }));
    expect(hits).toHaveLength(3);
    expect(hits[0]!.score).toBeGreaterThanOrEqual(hits[1]!.score);
    expect(hits[1]!.score).toBeGreaterThanOrEqual(hits[2]!.score);
  });
});

describe("EmbeddedSearchEngine lifecycle", () => {
  it("refuses to search before indexing, and reports not ready", async () => {
    const fresh = new EmbeddedSearchEngine(() => new CompactTextIndex());
    expect(await fresh.health()).toMatchObject({ engine: "embedded", ready: false, services: 0 });
    await expect(fresh.search(query({ text: "lonely" }))).rejects.toBeInstanceOf(SearchError);
  });

  it("replaces the whole index on reindex", async () => {
    const fresh = new EmbeddedSearchEngine(() => new CompactTextIndex());
    await fresh.index(directory);
    const one = { ...directory, services: directory.services.filter((s) => s.id === "lightbulb-hoarding") };
    await fresh.index(one);
    expect(await fresh.health()).toMatchObject({ ready: true, services: 1 });
    const hits = await fresh.search(query({ needs: ["hoarding", "transport"] }));
    expect(hits.map((h) => h.service.id)).toEqual(["lightbulb-hoarding"]);
  });
});
