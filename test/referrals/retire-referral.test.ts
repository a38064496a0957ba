import type { Kysely } from "kysely";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { monthMade, retentionAction } from "../../src/referrals/retire-referral.js";
import type { KyselyReferralStore } from "../../src/referrals/kysely-referral-store.js";
import type { Database } from "../../src/storage/database-schema.js";
import { bothDatabases, useReferralDatabase } from "../support/databases.js";
import { emptyReferralTables, referralWithHistory, retiredCounts } from "../support/ended-referrals.js";
import { ManualClock } from "../support/manual-clock.js";
import { refusal, refuseWrites } from "../support/refusing-trigger.js";

describe("the month a referral was made", () => {
  it("is the calendar month in London, summer time included", () => {
    expect(monthMade("2024-06-30T22:59:59.999Z")).toBe("2024-06");
    expect(monthMade("2024-06-30T23:00:00.000Z")).toBe("2024-07");
    expect(monthMade("2024-12-31T23:59:59.999Z")).toBe("2024-12");
    expect(monthMade("2025-01-01T00:00:00.000Z")).toBe("2025-01");
  });
});

describe.each(bothDatabases)("the referral store retiring one referral on %s", (kind, makeDatabase) => {
  const clock = new ManualClock();
  const context = useReferralDatabase(makeDatabase, clock);
  let db: Kysely<Database>;
  let store: KyselyReferralStore;
  beforeAll(() => {
    ({ db, store } = context);
  });
  beforeEach(async () => {
    await emptyReferralTables(db);
  });

  const cutoff = new Date("2025-01-01T00:00:00.000Z");
  const at = new Date("2027-01-02T02:30:00.000Z");
  const everything = async () => ({
    referrals: await db.selectFrom("referrals").selectAll().orderBy("id").execute(),
    outbox: await db.selectFrom("outbox").selectAll().orderBy("id").execute(),
    audit: await db.selectFrom("audit_events").selectAll().orderBy("id").execute(),
    counts: await retiredCounts(db),
  });

  it("chooses only closed and declined referrals that ended before the cutoff, oldest end first, up to the limit", async () => {
    const declined = await referralWithHistory(db, store, clock, { status: "declined", madeAt: "2024-03-01T09:00:00Z", reachedAt: "2024-12-30T09:00:00Z" });
    const closed = await referralWithHistory(db, store, clock, { status: "closed", madeAt: "2024-05-01T09:00:00Z", reachedAt: "2024-06-01T09:00:00Z" });
    const closedLater = await referralWithHistory(db, store, clock, { status: "closed", madeAt: "2024-01-01T09:00:00Z", reachedAt: "2024-12-31T23:59:59.999Z" });
    await referralWithHistory(db, store, clock, { status: "closed", madeAt: "2024-01-01T09:00:00Z", reachedAt: "2025-01-01T00:00:00.000Z" });
    await referralWithHistory(db, store, clock, { status: "declined", madeAt: "2024-01-01T09:00:00Z", reachedAt: "2025-02-01T09:00:00Z" });
    for (const open of ["submitted", "acknowledged", "accepted"] as const) await referralWithHistory(db, store, clock, { status: open, madeAt: "2019-01-01T09:00:00Z" });

    expect(await store.endedBefore(cutoff, 10)).toEqual([closed.id, declined.id, closedLater.id]);
    expect(await store.endedBefore(cutoff, 2)).toEqual([closed.id, declined.id]);
  });

  it("deletes the referral and its outbox rows, counts it, and records the deletion beside its earlier audit events", async () => {
    const referral = await referralWithHistory(db, store, clock, { status: "declined", madeAt: "2024-06-30T23:30:00Z", reachedAt: "2024-07-02T09:00:00Z", area: "rutland", engagement: "unknown" });
    const earlier = await db.selectFrom("audit_events").select("action").where("referral_id", "=", referral.id).orderBy("id").execute();
    expect(earlier.map((event) => event.action)).toEqual(["created", "consent:confirmed", "status:declined"]);

    expect(await store.retire({ referralId: referral.id, cutoff, at, retentionDays: 730 })).toBe(true);
    const after = await everything();
    expect(after.referrals).toEqual([]);
    expect(after.outbox).toEqual([]);
    expect(after.counts).toEqual([{ month: "2024-07", area: "rutland", status: "declined", engagement: "unknown", count: 1 }]);
    expect(after.audit.map((event) => event.action)).toEqual(["created", "consent:confirmed", "status:declined", retentionAction]);
    expect(after.audit[3]).toMatchObject({ referral_id: referral.id, actor_id: "retention-job", at: at.toISOString(), detail: JSON.stringify({ retentionDays: 730, status: "declined" }) });
  });

  it("leaves alone, and reports false for, a referral that is open, ended too recently, unknown or already retired", async () => {
    const open = await referralWithHistory(db, store, clock, { status: "accepted", madeAt: "2019-01-01T09:00:00Z" });
    const recent = await referralWithHistory(db, store, clock, { status: "closed", madeAt: "2024-01-01T09:00:00Z", reachedAt: "2025-01-01T00:00:00.000Z" });
    const old = await referralWithHistory(db, store, clock, { status: "closed", madeAt: "2024-01-01T09:00:00Z", reachedAt: "2024-02-01T09:00:00Z" });
    expect(await store.retire({ referralId: old.id, cutoff, at, retentionDays: 730 })).toBe(true);
    const before = await everything();

    for (const referralId of [open.id, recent.id, "no-such-referral", old.id]) {
      expect(await store.retire({ referralId, cutoff, at, retentionDays: 730 })).toBe(false);
    }
    expect(await everything()).toEqual(before);
    expect(before.counts).toEqual([{ month: "2024-01", area: "charnwood", status: "closed", engagement: "not recorded", count: 1 }]);
  });

  const failingSteps = [
    ["deleting the referral", "referrals", "DELETE", (id: string) => `OLD.id = '${id}'`],
    ["counting it", "retired_referrals", "INSERT", () => `NEW.area = 'blaby'`],
    ["deleting its outbox rows", "outbox", "DELETE", (id: string) => `OLD.referral_id = '${id}'`],
    ["recording the deletion", "audit_events", "INSERT", (id: string) => `NEW.referral_id = '${id}' AND NEW.action = '${retentionAction}'`],
  ] as const;

  it.each(failingSteps)("writes nothing when %s fails, and retires it once when run again", async (_step, table, event, when) => {
    const referral = await referralWithHistory(db, store, clock, { status: "closed", madeAt: "2024-01-10T09:00:00Z", reachedAt: "2024-03-01T09:00:00Z", area: "blaby" });
    const before = await everything();
    expect(before.outbox).toHaveLength(3);

    const refused = await refuseWrites(db, kind, { table, event, when: when(referral.id) });
    await expect(store.retire({ referralId: referral.id, cutoff, at, retentionDays: 730 })).rejects.toThrow(refusal);
    expect(await everything()).toEqual(before);

    await refused.lift();
    expect(await store.retire({ referralId: referral.id, cutoff, at, retentionDays: 730 })).toBe(true);
    expect(await store.retire({ referralId: referral.id, cutoff, at, retentionDays: 730 })).toBe(false);
    const after = await everything();
    expect(after.referrals).toEqual([]);
    expect(after.outbox).toEqual([]);
    expect(after.counts).toEqual([{ month: "2024-01", area: "blaby", status: "closed", engagement: "not recorded", count: 1 }]);
    expect(after.audit.filter((row) => row.action === retentionAction)).toHaveLength(1);
  });
});
