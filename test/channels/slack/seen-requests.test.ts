// Slack requests already handled, shared by every instance, on SQLite and PostgreSQL: the first
// sighting of a key wins and any later one within its time is refused, whichever connection (which
// instance) asks; two instances asking at the same moment get exactly one yes between them; a
// sighting past its time counts as new, and the sweep clears such rows away.
import { describe, expect, it } from "vitest";
import { KyselySeenRequests } from "../../../src/channels/slack/seen-requests.js";
import { bothDatabases, useMigratedDatabase, withSecondConnection } from "../../support/databases.js";
import { ManualClock } from "../../support/manual-clock.js";

const minute = 60_000;

describe.each(bothDatabases)("KyselySeenRequests on %s", (_name, makeDatabase) => {
  const context = useMigratedDatabase(makeDatabase);

  it("says yes once per key, whichever instance asks, until its time is up", async () => {
    const clock = new ManualClock();
    const a = new KyselySeenRequests(context.db, clock);
    await withSecondConnection(context.settings, async (other) => {
      const b = new KyselySeenRequests(other, clock);
      expect(await a.firstSighting("event:Ev1", 10 * minute)).toBe(true);
      expect(await b.firstSighting("event:Ev1", 10 * minute)).toBe(false);
      expect(await a.firstSighting("event:Ev1", 10 * minute)).toBe(false);
      expect(await b.firstSighting("event:Ev2", 10 * minute)).toBe(true);
      clock.advance(10 * minute);
      // Its time is up: a new sighting, recorded afresh for its own time.
      expect(await b.firstSighting("event:Ev1", 10 * minute)).toBe(true);
      expect(await a.firstSighting("event:Ev1", 10 * minute)).toBe(false);
    });
  });

  it("gives exactly one yes to two instances asking about the same keys at the same moment", async () => {
    const keys = Array.from({ length: 25 }, (_, i) => `signature:v0=race-${i}`);
    const answers = await withSecondConnection(context.settings, (other) => {
      const [a, b] = [new KyselySeenRequests(context.db, new ManualClock()), new KyselySeenRequests(other, new ManualClock())];
      return Promise.all(keys.flatMap((key) => [a.firstSighting(key, minute), b.firstSighting(key, minute)]));
    });
    for (let i = 0; i < keys.length; i++) expect([answers[2 * i], answers[2 * i + 1]].filter(Boolean), keys[i]).toHaveLength(1);
  });

  it("sweeps rows past their time on a later write, and keeps the current ones", async () => {
    const clock = new ManualClock(new Date("2027-01-01T00:00:00Z"));
    const seen = new KyselySeenRequests(context.db, clock);
    await seen.firstSighting("event:old", minute);
    clock.advance(10 * minute);
    await seen.firstSighting("event:new", 60 * minute);
    const keys = await context.db.selectFrom("slack_seen_requests").select("key").where("key", "in", ["event:old", "event:new"]).execute();
    expect(keys.map((row) => row.key)).toEqual(["event:new"]);
  });
});
