/**
 * The ORUK feed is readable from any other site (CORS for GET, a preflight
 * answered), and nothing else is: over real HTTP, on the whole app as
 * src/main.ts mounts it (browser defences, the web chat, the search API, then
 * the feed), the chat, session, search and referral routes carry no CORS
 * headers, cross-site posts are still refused, and a foreign Host header still
 * gets 421 on the feed too.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mountOrukRoutes } from "../../src/oruk/mount-oruk-routes.js";
import { expectError } from "../channels/web/support/expect-error.js";
import { startWebWorld, type WebWorld } from "../channels/web/support/web-world.js";
import { realDirectoryAndMap } from "./support.js";

const neighbour = "https://directory.neighbour.example.org";
const corsHeaders = (response: Response) => [...response.headers.keys()].filter((name) => name.startsWith("access-control-"));

let world: WebWorld;
beforeAll(async () => {
  world = await startWebWorld();
  const { directory } = await realDirectoryAndMap();
  // Mounted after the web channel and the search API, as src/main.ts does; no request has been served yet.
  mountOrukRoutes(world.app, { directory: () => directory });
}, 60_000);
afterAll(() => world.close());

describe("the ORUK feed, read from another site", () => {
  it.each(["/api/oruk/", "/api/oruk/services?per_page=5", "/api/oruk/taxonomies", "/api/oruk/taxonomy_terms", "/api/oruk/services/first-contact-plus"])(
    "lets any origin read GET %s, without credentials",
    async (path) => {
      const response = await world.client({ origin: neighbour, "sec-fetch-site": "cross-site" }).fetch(path);
      expect(response.status).toBe(200);
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      expect(response.headers.get("access-control-allow-credentials")).toBeNull();
      expect(response.headers.get("set-cookie")).toBeNull();
    },
  );

  it("answers a preflight for GET with 204, allowing GET and HEAD only", async () => {
    const response = await world.client().fetch("/api/oruk/services", {
      method: "OPTIONS",
      headers: { origin: neighbour, "access-control-request-method": "GET", "access-control-request-headers": "accept" },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-methods")?.split(",")).toEqual(["GET", "HEAD", "OPTIONS"]);
    expect(response.headers.get("access-control-max-age")).toBe("86400");
  });

  it("gives its errors the CORS header too, so a neighbour's page can read why", async () => {
    const client = world.client({ origin: neighbour });
    const missing = await client.fetch("/api/oruk/services/no-such-service");
    expect(missing.headers.get("access-control-allow-origin")).toBe("*");
    await expectError(missing, 404, "NOT_FOUND", /^There is no service with that id/);
    const bad = await client.fetch("/api/oruk/services?per_page=1000");
    expect(bad.headers.get("access-control-allow-origin")).toBe("*");
    await expectError(bad, 400, "BAD_REQUEST", /^per_page: must be at most 100$/);
  });

  it("answers HEAD like GET, with no body", async () => {
    const response = await world.client({ origin: neighbour }).fetch("/api/oruk/services", { method: "HEAD" });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(await response.text()).toBe("");
  });

  it("still refuses a post from another site, and a foreign Host header (DNS rebinding)", async () => {
    const client = world.client({ origin: neighbour });
    const posted = await client.fetch("/api/oruk/services", { json: { name: "A service" } });
    expect(corsHeaders(posted)).toEqual([]);
    await expectError(posted, 403, "FORBIDDEN_ORIGIN", /own page/);
    await expectError(await world.client({ host: "rebound.example.org" }).fetch("/api/oruk/services"), 421, "MISDIRECTED", /not one Signpost answers to/);
  });
});

describe("everything else, read from another site", () => {
  it.each(["/", "/api/session", "/api/search?q=lonely+in+Blaby", "/api/chat/inbox?conversationId=c", "/api/inbox/triage", "/healthz", "/api/nothing-here"])(
    "carries no CORS headers on GET %s",
    async (path) => {
      const response = await world.client({ origin: neighbour, "sec-fetch-site": "cross-site" }).fetch(path);
      expect(corsHeaders(response)).toEqual([]);
    },
  );

  it("answers no preflight for the chat or the search API, so a browser never sends the request", async () => {
    for (const [path, method] of [
      ["/api/chat", "POST"],
      ["/api/search?q=x", "GET"],
      ["/api/session", "GET"],
    ] as const) {
      const response = await world.client().fetch(path, {
        method: "OPTIONS",
        headers: { origin: neighbour, "access-control-request-method": method, "access-control-request-headers": "content-type" },
      });
      expect(corsHeaders(response), path).toEqual([]);
      expect(response.status, path).not.toBe(204);
    }
  });

  it("still refuses a chat turn posted from another site", async () => {
    const response = await world.client().chat({ conversationId: "c", text: "lonely in Blaby" }, { origin: neighbour });
    expect(corsHeaders(response)).toEqual([]);
    await expectError(response, 403, "FORBIDDEN_ORIGIN", /own page/);
  });
});
