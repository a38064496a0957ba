import { beforeAll, describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/answer/answer-question.js";
import type { Directory } from "../../src/directory/directory.js";
import type { EmbeddedSearchEngine } from "../../src/search/embedded-search-engine.js";
import { isRightService, readLabelledQueries } from "../../scripts/lib/relevance-queries.js";
import { realDirectoryAndEngine } from "../support/load-real-directory.js";

/**
 * The labelled queries in test/fixtures/search-queries.yaml were written in
 * social prescribers' words (typos, abbreviations, lay phrases) without reading
 * the taxonomy or the service files. For each: the named area is found (and no
 * area when none is named), every labelled need is found, the top result is a
 * right service, and every result serves the area.
 */
const queries = readLabelledQueries();

let directory: Directory;
let engine: EmbeddedSearchEngine;
beforeAll(async () => {
  ({ directory, engine } = await realDirectoryAndEngine());
});

describe("search relevance on labelled queries", () => {
  it("has at least 30 queries covering every area", () => {
    expect(queries.length).toBeGreaterThanOrEqual(30);
    expect(new Set(queries.map((q) => q.area).filter((a) => a !== null)).size).toBe(9);
  });

  it.each(queries.map((query) => [query.q, query] as const))("%s", async (_text, query) => {
    const answer = await answerQuestion(query.q, { directory, engine, maxResults: 5 });
    expect(answer.entities.areas).toEqual(query.area === null ? [] : [query.area]);
    expect(answer.entities.needs).toEqual(expect.arrayContaining(query.needs));
    const byId = new Map(directory.services.map((s) => [s.id, s]));
    const top = answer.results.map((r) => byId.get(r.id)!);
    expect(top.length).toBeGreaterThan(0);
    expect(isRightService(top[0]!, query), `top result ${top[0]!.id} should meet ${query.needs.join("/")}`).toBe(true);
    if (query.area !== null) for (const service of top) expect(service.areas).toContain(query.area);
  });
});
