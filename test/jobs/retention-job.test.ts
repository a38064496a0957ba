import type { Kysely } from "kysely";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { JobLock } from "../../src/storage/job-lock.js";
import { JobRunner } from "../../src/jobs/job-runner.js";
import { JobRuns, retryAfterMs } from "../../src/jobs/job-runs.js";
import { Notices } from "../../src/jobs/notices.js";
import { KyselyNotificationStore } from "../../src/notifications/kysely-notification-store.js";
import { PostgresJobLock } from "../../src/storage/postgres-job-lock.js";
import { RetentionJob } from "../../src/jobs/retention-job.js";
import { retentionAction } from "../../src/referrals/retire-referral.js";
import { SqliteJobLock } from "../../src/storage/sqlite-job-lock.js";
import { KyselyReferralStore } from "../../src/referrals/kysely-referral-store.js";
import type { Database } from "../../src/storage/database-schema.js";
import { bothDatabases, useReferralDatabase } from "../support/databases.js";
import { emptyReferralTables, moveTo, referralWithHistory, retiredCounts, triageViewer } from "../support/ended-referrals.js";
import { ManualClock } from "../support/manual-clock.js";
import { refusal, refuseWrites } from "../support/refusing-trigger.js";
import { memoryLogger } from "../support/memory-logger.js";
import { syntheticNhsNumbers, syntheticPeople } from "../support/synthetic-referral.js";

const dayMs = 86_400_000;
const targets = {
  maintainers: { notifier: "inbox", destination: { conversationId: "maintainers" } },
  triage: { notifier: "inbox", destination: { conversationId: "triage" } },
};
/** When the first referral in each test ended. */
const ended = "2024-03-01T12:00:00.000Z";
const daysAfter = (moment: string, days: number) => new Date(Date.parse(moment) + days * dayMs).toISOString();
const hoursAfter = (moment: string, hours: number) => new Date(Date.parse(moment) + hours * 3_600_000).toISOString();

describe("the retention job's settings", () => {
  it("refuses a retention period or a batch limit that is not a positive whole number", () => {
    const clock = new ManualClock();
    const db = {} as Kysely<Database>;
    const store = new KyselyReferralStore(db, clock);
    for (const retentionDays of [0, -30, 1.5, Number.NaN]) expect(() => new RetentionJob({ messages: new KyselyNotificationStore(db), referrals: store, clock, retentionDays })).toThrow(/retention period/);
    for (const batchLimit of [0, -1, 2.5]) expect(() => new RetentionJob({ messages: new KyselyNotificationStore(db), referrals: store, clock, retentionDays: 730, batchLimit })).toThrow(/batch limit/);
  });
});

describe.each(bothDatabases)("the retention job on %s", (kind, makeDatabase) => {
  const clock = new ManualClock();
  const context = useReferralDatabase(makeDatabase, clock);
  let db: Kysely<Database>;
  let store: KyselyReferralStore;
  let notices: Notices;
  beforeAll(() => {
    ({ db, store } = context);
    notices = new Notices(new KyselyNotificationStore(db), targets, () => clock.now());
  });
  beforeEach(async () => {
    await emptyReferralTables(db);
  });

  const run = (job: RetentionJob, slot = `by-hand:${clock.now().toISOString()}`) => job.run({ now: clock.now(), slot, notices });
  const retention = (batchLimit?: number) => new RetentionJob({ messages: new KyselyNotificationStore(db), referrals: store, clock, retentionDays: 730, ...(batchLimit === undefined ? {} : { batchLimit }) });
  const remaining = async () => (await db.selectFrom("referrals").select("id").orderBy("id").execute()).map((row) => row.id);
  const maintainerNotices = async () =>
    (await db.selectFrom("outbox").select(["idempotency_key", "payload"]).where("referral_id", "=", "").orderBy("id").execute()).map((row) => ({ key: row.idempotency_key, text: (JSON.parse(row.payload) as { text: string }).text }));

  it.each(["closed", "declined"] as const)("deletes and counts a referral %s 731 days ago, and keeps those that ended 730 and 729 days ago", async (status) => {
    await referralWithHistory(db, store, clock, { status, madeAt: "2024-02-20T10:00:00Z", reachedAt: ended });
    const exactly = await referralWithHistory(db, store, clock, { status, madeAt: "2024-02-20T10:00:00Z", reachedAt: daysAfter(ended, 1) });
    const recent = await referralWithHistory(db, store, clock, { status, madeAt: "2024-02-20T10:00:00Z", reachedAt: daysAfter(ended, 2) });
    moveTo(clock, daysAfter(ended, 731));

    expect(await run(retention())).toEqual({ summary: "deleted 1 referral ended more than 730 days ago; none remain" });
    expect(await remaining()).toEqual([exactly.id, recent.id].sort());
    expect(await retiredCounts(db)).toEqual([{ month: "2024-02", area: "charnwood", status, engagement: "not recorded", count: 1 }]);
  });

  it("deletes inbox messages and sent notifications older than the period, and keeps newer and unsent ones", async () => {
    clock.set("2026-11-30T12:00:00Z");
    const old = "2024-11-01T12:00:00.000Z";
    const recent = "2025-12-01T12:00:00.000Z";
    await db.deleteFrom("inbox").execute();
    await db.deleteFrom("outbox").execute();
    for (const [id, at] of [["inbox-old", old], ["inbox-recent", recent]] as const) {
      await db.insertInto("inbox").values({ id, conversation_id: "first-contact-triage", text: `New referral for ${syntheticPeople[0]}`, created_at: at, read_at: null }).execute();
    }
    const outbox = (key: string, at: string, delivered: boolean) => ({ id: key, idempotency_key: key, referral_id: "", notifier: "inbox", destination: "{}", payload: "{}", attempts: 1, next_attempt_at: at, delivered_at: delivered ? at : null, last_error: null, created_at: at });
    await db.insertInto("outbox").values([outbox("sent-old", old, true), outbox("unsent-old", old, false), outbox("sent-recent", recent, true)]).execute();
    expect((await run(retention())).summary).toBe("deleted 0 referrals ended more than 730 days ago; none remain; 1 inbox and 1 sent messages older than that deleted");
    expect((await db.selectFrom("inbox").select("id").execute()).map((row) => row.id)).toEqual(["inbox-recent"]);
    expect((await db.selectFrom("outbox").select("id").orderBy("id").execute()).map((row) => row.id)).toEqual(["sent-recent", "unsent-old"]);
  });

  it("counts a declined referral that was later closed from when it was closed", async () => {
    const reopened = await referralWithHistory(db, store, clock, { status: "declined", madeAt: "2024-02-20T10:00:00Z", reachedAt: ended });
    moveTo(clock, daysAfter(ended, 100));
    await store.changeStatus(reopened.reference, { status: "closed", outcome: "Closed after review" }, triageViewer, () => []);
    moveTo(clock, daysAfter(ended, 731));
    expect((await run(retention())).summary).toMatch(/^deleted 0 referrals/);
    moveTo(clock, daysAfter(ended, 831));
    expect((await run(retention())).summary).toMatch(/^deleted 1 referral /);
    expect(await retiredCounts(db)).toEqual([{ month: "2024-02", area: "charnwood", status: "closed", engagement: "not recorded", count: 1 }]);
  });

  it("never deletes an open referral, however old, and sends no notice when it deleted nothing", async () => {
    for (const status of ["submitted", "acknowledged", "accepted"] as const) await referralWithHistory(db, store, clock, { status, madeAt: "2019-01-01T09:00:00Z" });
    moveTo(clock, "2029-01-01T02:30:00Z");
    expect(await run(retention())).toEqual({ summary: "deleted 0 referrals ended more than 730 days ago; none remain" });
    expect(await remaining()).toHaveLength(3);
    expect(await retiredCounts(db)).toEqual([]);
    expect(await maintainerNotices()).toEqual([]);
  });

  it("counts by London month made, area, final status and engagement, adding to counts already there", async () => {
    const history = [
      { status: "closed", madeAt: "2024-01-15T09:00:00Z", area: "charnwood", engagement: "engaged" },
      { status: "closed", madeAt: "2024-01-20T09:00:00Z", area: "charnwood", engagement: "engaged" },
      { status: "closed", madeAt: "2024-01-25T09:00:00Z", area: "charnwood" },
      { status: "declined", madeAt: "2024-01-25T09:00:00Z", area: "charnwood" },
      { status: "closed", madeAt: "2024-01-25T09:00:00Z", area: "rutland", engagement: "did-not-engage" },
      { status: "closed", madeAt: "2024-06-30T23:30:00Z", area: "charnwood", engagement: "engaged" },
    ] as const;
    for (const referral of history) await referralWithHistory(db, store, clock, { ...referral, reachedAt: "2024-07-05T09:00:00Z" });
    await db.insertInto("retired_referrals").values({ month: "2024-01", area: "charnwood", status: "closed", engagement: "engaged", count: 5 }).execute();
    moveTo(clock, "2026-08-01T02:30:00Z");

    expect((await run(retention())).summary).toBe("deleted 6 referrals ended more than 730 days ago; none remain");
    expect(await remaining()).toEqual([]);
    expect(await retiredCounts(db)).toEqual([
      { month: "2024-01", area: "charnwood", status: "closed", engagement: "engaged", count: 7 },
      { month: "2024-01", area: "charnwood", status: "closed", engagement: "not recorded", count: 1 },
      { month: "2024-01", area: "charnwood", status: "declined", engagement: "not recorded", count: 1 },
      { month: "2024-01", area: "rutland", status: "closed", engagement: "did-not-engage", count: 1 },
      { month: "2024-07", area: "charnwood", status: "closed", engagement: "engaged", count: 1 },
    ]);
  });

  it("records the deletion in the audit trail, keeps the earlier events, and leaves no personal data behind", async () => {
    const referral = await referralWithHistory(db, store, clock, { status: "closed", madeAt: "2024-02-20T10:00:00Z", reachedAt: ended });
    await store.find(referral.reference, triageViewer);
    const earlier = await db.selectFrom("audit_events").selectAll().where("referral_id", "=", referral.id).orderBy("id").execute();
    expect(earlier.map((event) => event.action)).toEqual(["created", "consent:confirmed", "status:accepted", "status:closed", "read"]);
    moveTo(clock, daysAfter(ended, 731));

    const report = await run(retention(), "2026-03-02T02:30");
    const trail = await db.selectFrom("audit_events").selectAll().where("referral_id", "=", referral.id).orderBy("id").execute();
    expect(trail.slice(0, earlier.length)).toEqual(earlier);
    expect(trail.slice(earlier.length)).toEqual([
      { id: expect.any(String) as string, referral_id: referral.id, action: retentionAction, actor_id: "retention-job", actor_team: "signpost", channel: "scheduled-job", at: clock.now().toISOString(), detail: '{"retentionDays":730,"status":"closed"}' },
    ]);
    expect(await maintainerNotices()).toEqual([
      { key: "retention:deleted:2026-03-02T02:30", text: "Signpost's retention job deleted 1 referral that ended more than 730 days ago, keeping only anonymous counts; none remain." },
    ]);
    const leftBehind = JSON.stringify([report, await db.selectFrom("audit_events").selectAll().execute(), await db.selectFrom("outbox").selectAll().execute(), await retiredCounts(db)]);
    for (const personal of [referral.person, ...syntheticPeople, ...syntheticNhsNumbers, referral.contact.phone ?? "", referral.whatMatters]) expect(leftBehind).not.toContain(personal);
  });

  it("leaves find, list and export nothing to return, and deletes the referral's outbox rows and no one else's", async () => {
    const old = await referralWithHistory(db, store, clock, { status: "closed", madeAt: "2024-02-20T10:00:00Z", reachedAt: ended });
    const kept = await referralWithHistory(db, store, clock, { status: "accepted", madeAt: "2024-02-21T10:00:00Z" });
    expect(await db.selectFrom("outbox").select("id").where("referral_id", "=", old.id).execute()).toHaveLength(3);
    moveTo(clock, daysAfter(ended, 731));
    await run(retention());

    expect(await store.find(old.reference, triageViewer)).toBeUndefined();
    expect((await store.list(triageViewer, { scope: "triage", openOnly: false })).map((r) => r.id)).toEqual([kept.id]);
    expect((await store.export(undefined, triageViewer)).map((r) => r.id)).toEqual([kept.id]);
    expect(await db.selectFrom("outbox").select("id").where("referral_id", "=", old.id).execute()).toEqual([]);
    expect(await db.selectFrom("outbox").select("id").where("referral_id", "=", kept.id).execute()).toHaveLength(2);
    expect(await maintainerNotices()).toHaveLength(1);
  });

  it("deletes at most the batch limit in a run, oldest end first, says whether more remain, and the next runs finish", async () => {
    const made = [];
    for (const hour of [3, 0, 4, 1, 2]) made[hour] = await referralWithHistory(db, store, clock, { status: "closed", madeAt: "2024-02-20T10:00:00Z", reachedAt: hoursAfter(ended, hour) });
    const ids = made.map((referral) => referral.id);
    moveTo(clock, daysAfter(ended, 800));
    const job = retention(2);

    expect((await run(job, "slot-1")).summary).toBe("deleted 2 referrals ended more than 730 days ago; more remain for the next run");
    expect(await remaining()).toEqual(ids.slice(2).sort());
    expect((await run(job, "slot-2")).summary).toBe("deleted 2 referrals ended more than 730 days ago; more remain for the next run");
    expect(await remaining()).toEqual(ids.slice(4).sort());
    expect((await run(job, "slot-3")).summary).toBe("deleted 1 referral ended more than 730 days ago; none remain");
    expect((await run(job, "slot-4")).summary).toBe("deleted 0 referrals ended more than 730 days ago; none remain");
    expect(await retiredCounts(db)).toEqual([{ month: "2024-02", area: "charnwood", status: "closed", engagement: "not recorded", count: 5 }]);
    expect((await maintainerNotices()).map((notice) => notice.key)).toEqual(["retention:deleted:slot-1", "retention:deleted:slot-2", "retention:deleted:slot-3"]);
  });

  it("when one referral's deletion fails, finishes the others, fails the run without personal data, and a rerun counts every referral once", async () => {
    const areas = ["blaby", "melton", "rutland"] as const;
    const made = [];
    for (const [hour, area] of areas.entries()) made.push(await referralWithHistory(db, store, clock, { status: "closed", madeAt: "2024-02-20T10:00:00Z", reachedAt: hoursAfter(ended, hour), area }));
    const stuck = made[1]?.id ?? "";
    const stuckOutbox = await db.selectFrom("outbox").selectAll().where("referral_id", "=", stuck).orderBy("id").execute();
    const refused = await refuseWrites(db, kind, { table: "referrals", event: "DELETE", when: `OLD.id = '${stuck}'` });
    moveTo(clock, daysAfter(ended, 731));
    const log = memoryLogger();
    const lock: JobLock = kind === "postgres" ? new PostgresJobLock(db) : new SqliteJobLock(db, clock);
    const runner = new JobRunner(lock, new JobRuns(db), notices, clock, log.logger);
    const job = retention();

    const failed = await runner.run(job, "2026-03-02T02:30");
    expect(failed).toEqual({ status: "failed", reason: `deleted 2 referrals ended more than 730 days ago; more remain for the next run; 1 could not be deleted and were left as they were: ${stuck} (${refusal})` });
    expect(await remaining()).toEqual([stuck]);
    expect(await db.selectFrom("outbox").selectAll().where("referral_id", "=", stuck).orderBy("id").execute()).toEqual(stuckOutbox);
    expect(await db.selectFrom("audit_events").select("id").where("referral_id", "=", stuck).where("action", "=", retentionAction).execute()).toEqual([]);
    expect(await retiredCounts(db)).toEqual([
      { month: "2024-02", area: "blaby", status: "closed", engagement: "not recorded", count: 1 },
      { month: "2024-02", area: "rutland", status: "closed", engagement: "not recorded", count: 1 },
    ]);
    expect((await maintainerNotices()).map((notice) => notice.key)).toEqual(["retention:deleted:2026-03-02T02:30", "job-failed:retention:2026-03-02T02:30"]);

    await refused.lift();
    clock.advance(retryAfterMs);
    expect(await runner.run(job, "2026-03-02T02:30")).toEqual({ status: "succeeded", summary: "deleted 1 referral ended more than 730 days ago; none remain" });
    expect(await remaining()).toEqual([]);
    expect(await retiredCounts(db)).toEqual(areas.map((area) => ({ month: "2024-02", area, status: "closed", engagement: "not recorded", count: 1 })));
    expect(await db.selectFrom("audit_events").select("referral_id").where("action", "=", retentionAction).execute()).toHaveLength(3);

    const written = JSON.stringify([log.lines(), await maintainerNotices(), await db.selectFrom("job_runs").selectAll().execute()]);
    for (const personal of [...syntheticPeople, ...syntheticNhsNumbers]) expect(written).not.toContain(personal);
  });
});
