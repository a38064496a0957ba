// The insight view over real HTTP: who may see it (trial mode on this computer; with
// sign-in, the commissioner and triage roles), the same 404 as a missing page for
// everyone else, each figure's CSV, and no person anywhere in the page or the CSVs.
import { networkInterfaces } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { figureIds } from "../../../src/insight/figure.js";
import type { Role } from "../../../src/identity/roles.js";
import { insightNow, seededPersonalData, seedInsight } from "../../support/insight-seed.js";
import { ManualClock } from "../../support/manual-clock.js";
import { webClient } from "../../support/web-client.js";
import { expectError } from "./support/expect-error.js";
import { startWebWorld, type WebWorld } from "./support/web-world.js";

const personal = () => [...seededPersonalData.names, ...seededPersonalData.nhsNumbers, ...seededPersonalData.phones, ...seededPersonalData.freeText, ...seededPersonalData.references];

function expectNoPersonalData(text: string, where: string): void {
  for (const item of personal()) expect(text, `${where} holds ${item}`).not.toContain(item);
  // Nothing shaped like an NHS number or a phone number either.
  expect(text, where).not.toMatch(/\b999\d{7}\b|\b0\d{3} ?\d{3} ?\d{4}\b|\b07\d{9}\b/);
}

describe("the insight view in trial mode", () => {
  let world: WebWorld;
  beforeAll(async () => {
    world = await startWebWorld({ host: "0.0.0.0", insightClock: new ManualClock(insightNow) });
    await seedInsight(world.db);
  });
  afterAll(() => world.close());

  it("shows every figure to this computer, with a chart, a table and a CSV link, and no person", async () => {
    const response = await world.client().fetch("/insight");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/html/);
    expect(response.headers.get("content-security-policy")).toMatch(/script-src 'self'/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const page = await response.text();
    for (const id of figureIds) {
      expect(page).toContain(`data-testid="chart-${id}"`);
      expect(page).toContain(`href="/insight/${id}.csv"`);
    }
    expect(page.match(/<svg /g)?.length).toBeGreaterThanOrEqual(figureIds.length);
    expect(page).toContain("&lt;5");
    expect(page).not.toMatch(/<script|style="/);
    expectNoPersonalData(page, "the page");
  });

  it("gives each figure as CSV, suppressed as on the page, with no person", async () => {
    const client = world.client();
    for (const id of figureIds) {
      const response = await client.fetch(`/insight/${id}.csv`);
      expect(response.status, id).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${id}.csv"`);
      const csv = await response.text();
      expectNoPersonalData(csv, id);
      expect(csv.endsWith("\r\n")).toBe(true);
    }
    const months = await (await client.fetch("/insight/referrals-by-month.csv")).text();
    expect(months.split("\r\n")[0]).toBe("Month,Sent,Acknowledged,Accepted,Declined,Closed,Total");
    expect(months).toContain("Nov 2026,0,0,*,<5,0,7\r\n");
    const time = await (await client.fetch("/insight/time-to-response.csv")).text();
    expect(time).toContain("Sent to accepted,6,5.5,20\r\n");
  });

  it("answers a figure that does not exist, and any request from another computer, as a missing page", async () => {
    await expectError(await world.client().fetch("/insight/everything.csv"), 404, "NOT_FOUND", /^There is nothing at GET \/insight\/everything\.csv\.$/);
    const found = Object.values(networkInterfaces()).flat().find((i) => i !== undefined && i.family === "IPv4" && !i.internal);
    if (!found) throw new Error("this test needs a network interface other than loopback");
    const remote = webClient(`http://${found.address}:${world.port}`, { host: `127.0.0.1:${world.port}` });
    await expectError(await remote.fetch("/insight"), 404, "NOT_FOUND", /^There is nothing at GET \/insight\.$/);
    await expectError(await remote.fetch("/insight/engagement.csv"), 404, "NOT_FOUND", /^There is nothing at GET \/insight\/engagement\.csv\.$/);
  });
});

describe("the insight view with sign-in", () => {
  let world: WebWorld;
  beforeAll(async () => {
    world = await startWebWorld({
      insightClock: new ManualClock(insightNow),
      roles: { commissioner: new Set(["web:commissioner-by-config"]) },
      web: {
        publicUrl: new URL("http://127.0.0.1:9"),
        // Sessions are made here directly; the provider is never asked (oidc-sign-in.test.ts signs in for real).
        oidc: { issuer: "http://127.0.0.1:9", clientId: "signpost", clientSecret: "secret", redirectUri: "http://127.0.0.1:9/auth/callback", groupsClaim: "groups", roleGroups: { triage: new Set(), maintainer: new Set(), commissioner: new Set() } },
      },
    });
    await seedInsight(world.db);
  });
  afterAll(() => world.close());

  async function signedIn(userId: string, roles: Role[]) {
    const { token } = await world.sessions.create({ userId, userName: "Sam Prescriber", roles, kind: "signed-in" });
    const client = world.client();
    client.cookies.set("signpost_session", token);
    return client;
  }

  it("shows the page and the CSVs to the commissioner and triage roles, from the identity provider or configuration", async () => {
    for (const client of [await signedIn("web:c-1", ["commissioner"]), await signedIn("web:t-1", ["triage"]), await signedIn("web:commissioner-by-config", [])]) {
      const page = await client.fetch("/insight");
      expect(page.status).toBe(200);
      expectNoPersonalData(await page.text(), "the page");
      expect((await client.fetch("/insight/unmet-by-area.csv")).status).toBe(200);
    }
  });

  it("answers everyone else exactly as for a page that does not exist", async () => {
    const missing = await (await world.client().fetch("/nothing-here")).json();
    expect(missing).toEqual({ error: { code: "NOT_FOUND", message: "There is nothing at GET /nothing-here." } });
    for (const client of [world.client(), await signedIn("web:m-1", ["maintainer"]), await signedIn("web:r-1", [])]) {
      await expectError(await client.fetch("/insight"), 404, "NOT_FOUND", /^There is nothing at GET \/insight\.$/);
      await expectError(await client.fetch("/insight/referrals-by-need.csv"), 404, "NOT_FOUND", /^There is nothing at GET \/insight\/referrals-by-need\.csv\.$/);
    }
  });
});
