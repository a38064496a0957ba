// Where a privately sent Teams card's buttons lead, shared by every instance, on SQLite and
// PostgreSQL: a route opened on one connection (one instance) is found on another, only for the
// user it was opened for, only until the conversation it leads to would have expired.
import { describe, expect, it } from "vitest";
import { KyselyPrivateRoutes } from "../../../src/channels/teams/private-routes.js";
import { bothDatabases, useMigratedDatabase, withSecondConnection } from "../../support/databases.js";
import { ManualClock } from "../../support/manual-clock.js";

const ttlMs = 30 * 60 * 1000;
const route = { conversationId: "19:channel@thread.tacv2;messageid=1", userId: "teams:tenant:user-a", team: "teams:tenant:19:team@thread.tacv2" };

describe.each(bothDatabases)("KyselyPrivateRoutes on %s", (_name, makeDatabase) => {
  const context = useMigratedDatabase(makeDatabase);

  it("finds a route opened by another instance, for its own user only, until it expires", async () => {
    const clock = new ManualClock();
    const token = await new KyselyPrivateRoutes(context.db, clock, ttlMs).open(route);
    expect(token).toMatch(/^[A-Za-z0-9_-]{16}$/);
    await withSecondConnection(context.settings, async (other) => {
      const there = new KyselyPrivateRoutes(other, clock, ttlMs);
      expect(await there.find(token, route.userId)).toEqual(route);
      expect(await there.find(token, "teams:tenant:user-b")).toBeUndefined();
      expect(await there.find("AbCdEfGh12345678", route.userId)).toBeUndefined();
      clock.advance(ttlMs);
      expect(await there.find(token, route.userId)).toBeUndefined();
    });
  });

  it("keeps a route with no team as one with no team", async () => {
    const routes = new KyselyPrivateRoutes(context.db, new ManualClock(), ttlMs);
    const token = await routes.open({ conversationId: "a:personal", userId: route.userId });
    expect(await routes.find(token, route.userId)).toEqual({ conversationId: "a:personal", userId: route.userId });
  });
});
