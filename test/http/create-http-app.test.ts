import { beforeAll, describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/answer/answer-question.js";
import { SearchError } from "../../src/errors/search-error.js";
import type { Hono } from "hono";
import { createHttpApp, type HttpAppOptions, type HttpCore } from "../../src/http/create-http-app.js";
import { mountSearchApi } from "../../src/http/search-api.js";
import { realDirectoryAndEngine } from "../support/load-real-directory.js";
import { memoryLogger } from "../support/memory-logger.js";

let core: HttpCore;
beforeAll(async () => {
  const { directory, engine, understander } = await realDirectoryAndEngine();
  core = {
    ask: (question) => answerQuestion(question, { directory, engine, understander, maxResults: 5 }),
    health: () => engine.health(),
    directoryFingerprint: directory.fingerprint,
    serviceCount: directory.services.length,
  };
});

/**
 * The app with the search API mounted and no guard (the web channel's guard is tested with it, in
 * test/channels/web/), answering in-process requests as a browser on loopback sends them.
 */
function httpApp(options: HttpAppOptions): { request(path: string): Promise<Response> } {
  const app: Hono = createHttpApp(options);
  mountSearchApi(app, { core: options.core, guard: (_c, next) => next() });
  return { request: async (path) => app.request(path, { headers: { host: "127.0.0.1:3978" } }) };
}

describe("GET /readyz and /healthz", () => {
  it("is live at once, and ready only once the directory is indexed", async () => {
    let ready: HttpCore | undefined = undefined;
    const app = httpApp({ core: () => ready, logger: memoryLogger().logger });
    expect((await app.request("/healthz")).status).toBe(200);
    const starting = await app.request("/readyz");
    expect(starting.status).toBe(503);
    expect(await starting.json()).toMatchObject({ status: "starting" });
    ready = core;
    const readyResponse = await app.request("/readyz");
    expect(readyResponse.status).toBe(200);
    expect(await readyResponse.json()).toMatchObject({ status: "ready", engine: "embedded", services: core.serviceCount });
  });
});

describe("GET /readyz and the directory version", () => {
  const shared = { fingerprint: "b".repeat(64), services: 120, madeAt: "2026-12-04T10:00:00.000Z", madeBy: "signpost-a", reason: "refresh" as const };
  const readyz = async (overrides: Partial<HttpCore>) => {
    const response = await httpApp({ core: () => ({ ...core, ...overrides }), logger: memoryLogger().logger }).request("/readyz");
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it("reports its own directory and service count, never a shared index's, and whether it is on the shared version", async () => {
    const on = await readyz({ directoryFingerprint: "b".repeat(64), health: () => Promise.resolve({ engine: "meilisearch", ready: true, services: 999 }), directoryVersion: () => ({ shared }) });
    expect(on).toEqual({ status: 200, body: { status: "ready", engine: "meilisearch", services: core.serviceCount, directory: "bbbbbbbbbbbb", sharedDirectory: "bbbbbbbbbbbb", onSharedVersion: true } });
    const off = await readyz({ directoryFingerprint: "a".repeat(64), directoryVersion: () => ({ shared, problem: "could not take up the shared directory version bbbbbbbbbbbb" }) });
    // Still ready: it answers, from its last good directory, and says so.
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ directory: "aaaaaaaaaaaa", sharedDirectory: "bbbbbbbbbbbb", onSharedVersion: false, directoryProblem: "could not take up the shared directory version bbbbbbbbbbbb" });
    const first = await readyz({ directoryVersion: () => ({}) });
    expect(first.body).toMatchObject({ sharedDirectory: null, onSharedVersion: true });
  });

  it("stays ready without the database, and says it is degraded and why", async () => {
    const away = await readyz({ databaseReachable: () => Promise.resolve(false) });
    expect(away.status).toBe(200);
    expect(away.body).toMatchObject({ status: "ready", database: "unreachable", degraded: true, detail: expect.stringMatching(/^the database is unreachable: chat turns, sign-in and referrals are refused with a sentence/) as unknown });
    const back = await readyz({ databaseReachable: () => Promise.resolve(true) });
    expect(back.body).toMatchObject({ database: "reachable" });
    expect(back.body.degraded).toBeUndefined();
  });
});

describe("GET /api/search", () => {
  const app = () => httpApp({ core: () => core, logger: memoryLogger().logger });

  it("answers like ask --json", async () => {
    const response = await app().request("/api/search?q=lonely+widower+in+Loughborough");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    const body = (await response.json()) as { entities: unknown; results: { areas: string[] }[]; intent: string };
    expect(body.intent).toBe("find_service");
    expect(body.entities).toMatchObject({ areas: ["charnwood"], needs: ["social-isolation"], age: null });
    expect(body.results.length).toBeGreaterThan(0);
    for (const result of body.results) expect(result.areas).toContain("charnwood");
  });

  it.each([
    ["/api/search", /Add a question in the q parameter/],
    ["/api/search?q=", /The q parameter is empty/],
    ["/api/search?q=%20%20", /The q parameter is empty/],
    [`/api/search?q=${"a".repeat(2001)}`, /longer than 2000 characters/],
  ])("refuses %s with a 400 and a clear message", async (path, message) => {
    const response = await app().request(path);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("BAD_REQUEST");
    expect(body.error.message).toMatch(message);
  });

  it("logs each request without the words that were searched", async () => {
    const { logger, lines } = memoryLogger();
    await httpApp({ core: () => core, logger }).request("/api/search?q=Mrs+Patel+lonely+in+Oakham");
    const logged = lines().find((line) => line.msg === "request");
    expect(logged).toMatchObject({ method: "GET", path: "/api/search", status: 200 });
    expect(JSON.stringify(lines())).not.toMatch(/Patel|Oakham|lonely/);
  });

  it("is never cached: the question is in the URL", async () => {
    const response = await app().request("/api/search?q=lonely");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("says it is starting rather than failing while the directory loads", async () => {
    const starting = httpApp({ core: () => undefined, logger: memoryLogger().logger });
    const response = await starting.request("/api/search?q=lonely");
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: { code: "NOT_READY" } });
  });
});

describe("errors", () => {
  it("answers an unknown path with a JSON 404", async () => {
    const response = await httpApp({ core: () => core, logger: memoryLogger().logger }).request("/nope");
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "NOT_FOUND", message: "There is nothing at GET /nope." } });
  });

  it("turns a known failure into its code and user sentence", async () => {
    const failing: HttpCore = { ...core, ask: () => Promise.reject(new SearchError("meilisearch timed out after 2000 ms")) };
    const response = await httpApp({ core: () => failing, logger: memoryLogger().logger }).request("/api/search?q=lonely");
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      error: { code: "SEARCH_UNAVAILABLE", message: "Search is not available just now. Please try again in a minute." },
    });
  });

  it("hides an unexpected failure's details from the user and logs them for the operator", async () => {
    const { logger, lines } = memoryLogger();
    const failing: HttpCore = { ...core, ask: () => Promise.reject(new Error("disk on fire at /srv/secret/path")) };
    const response = await httpApp({ core: () => failing, logger }).request("/api/search?q=lonely");
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain("disk on fire");
    expect(text).not.toMatch(/at .*\.ts:\d+/);
    expect(JSON.parse(text)).toMatchObject({ error: { code: "INTERNAL" } });
    const logged = lines().find((line) => line.msg === "unexpected error handling request");
    expect(JSON.stringify(logged)).toContain("disk on fire");
    expect(JSON.stringify(logged)).not.toContain("lonely");
  });
});
