// Hostile input (decision 0023): the web chat's message endpoint, POST /api/chat, through the app's own
// request handler in-process (Hono's app.request, with the real core, store and limits behind it), given
// arbitrary JSON and arbitrary text: never a 5xx, never a stack trace, never an unhandled rejection.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostileText, propertySettings } from "../support/hostile-text.js";
import { stackTrace } from "../channels/web/support/expect-error.js";
import { startWebWorld, type WebWorld } from "../channels/web/support/web-world.js";

const unlimited = { chatTurnsPerMinute: 1e9, searchesPerMinute: 1e9, referralsPerHour: 1e9, referenceLookupsPerHour: 1e9, feedbackReportsPerHour: 1e9 };
/** What the Node server would hand the app: a loopback caller. */
const loopback = { incoming: { socket: { remoteAddress: "127.0.0.1" } } };

let world: WebWorld;
let headers: Record<string, string>;
const unhandled: unknown[] = [];
const noteUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  world = await startWebWorld({ limits: unlimited });
  process.on("unhandledRejection", noteUnhandled);
  const host = `127.0.0.1:${world.port}`;
  headers = { host, origin: `http://${host}`, "content-type": "application/json" };
  // One browser session for every case, as a person hammering the chat would have.
  const first = await world.app.request("/api/chat", { method: "POST", headers, body: JSON.stringify({ conversationId: "c1", text: "hello" }) }, loopback);
  expect(first.status).toBe(200);
  const cookie = first.headers.getSetCookie()[0]?.split(";")[0];
  expect(cookie).toBeDefined();
  headers = { ...headers, cookie: cookie ?? "" };
});
afterAll(async () => {
  process.off("unhandledRejection", noteUnhandled);
  await world?.close();
});

const actionIds = fc.constantFrom("refer", "show_more", "narrow_area", "report_outdated", "details", "submit_form", "other");
const anything = fc.oneof(hostileText, fc.jsonValue({ maxDepth: 3 }));
/** A well-formed message of hostile text, or shaped like a chat request with hostile values, or any JSON at all. */
const body = fc.oneof(
  { weight: 2, arbitrary: fc.record({ conversationId: fc.constantFrom("c1", "c2"), text: hostileText.filter((text) => text.trim() !== "" && text.length <= 2000) }) },
  {
    weight: 4,
    arbitrary: fc.record(
      {
        conversationId: fc.oneof(fc.constantFrom("c1", "c2"), anything),
        text: fc.oneof(hostileText, anything),
        action: fc.oneof(fc.record({ id: actionIds, value: fc.oneof(hostileText, anything), fields: fc.oneof(fc.dictionary(hostileText, hostileText, { maxKeys: 4 }), anything) }, { requiredKeys: ["id"] }), anything),
        userId: anything,
        __proto__: anything,
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
).map((value) => JSON.stringify(value) ?? "null");
/** Raw bodies: not JSON, cut JSON, or huge. */
const raw = fc.oneof(hostileText, body.map((json) => json.slice(0, Math.floor(json.length / 2))), fc.constant(`{"text":"${"a".repeat(70_000)}"}`));

describe("POST /api/chat, given hostile bodies", () => {
  it("never answers with a 5xx or a stack trace, and leaves no rejection unhandled", async () => {
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 4, arbitrary: body }, { weight: 1, arbitrary: raw }), async (sent) => {
        const response = await world.app.request("/api/chat", { method: "POST", headers, body: sent }, loopback);
        statuses.add(response.status);
        expect(response.status).toBeLessThan(500);
        expect(await response.text()).not.toMatch(stackTrace);
        expect(unhandled).toEqual([]);
      }),
      propertySettings,
    );
    // Not only refusals: some bodies reached the conversation core and were answered.
    expect([...statuses]).toEqual(expect.arrayContaining([200, 400]));
  });
});
