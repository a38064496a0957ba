// The unacknowledged referrals job on both databases, with an injected clock: which
// referrals are late in working days (weekends, Easter 2027, the Christmas and New Year
// substitute days of 2027-28, a closure from configuration, London dates across the clock
// change), what triage is told (references, days, area and urgency; never the person), and
// that triage hears once a day however often the job runs and on however many instances.
import type { Kysely } from "kysely";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import type { Directory } from "../../src/directory/directory.js";
import { loadDirectory } from "../../src/directory/load-directory.js";
import { ConfigError } from "../../src/errors/config-error.js";
import { JobRunner } from "../../src/jobs/job-runner.js";
import { JobRuns } from "../../src/jobs/job-runs.js";
import { Notices, type NoticeTargets } from "../../src/jobs/notices.js";
import { KyselyNotificationStore } from "../../src/notifications/kysely-notification-store.js";
import { PostgresJobLock } from "../../src/storage/postgres-job-lock.js";
import { SqliteJobLock } from "../../src/storage/sqlite-job-lock.js";
import { UnacknowledgedReferralsJob } from "../../src/jobs/unacknowledged-referrals-job.js";
import { InboxNotifier } from "../../src/notifications/inbox-notifier.js";
import { InboxStore } from "../../src/notifications/inbox-store.js";
import { OutboxSender } from "../../src/notifications/outbox-sender.js";
import { KyselyReferralStore } from "../../src/referrals/kysely-referral-store.js";
import type { Database } from "../../src/storage/database-schema.js";
import { migrateToLatest } from "../../src/storage/migrate.js";
import { WorkingDays } from "../../src/time/working-days.js";
import { bothDatabases, openDatabase, type TestDatabase } from "../support/databases.js";
import { realDirectory } from "../support/directory-copy.js";
import { ManualClock } from "../support/manual-clock.js";
import { moveClockTo, referralMadeAt, triageMovesAt } from "../support/referral-timeline.js";
import { memoryLogger } from "../support/memory-logger.js";
import { syntheticNhsNumbers, syntheticPeople } from "../support/synthetic-referral.js";

const targets: NoticeTargets = {
  maintainers: { notifier: "inbox", destination: { conversationId: "signpost-maintainers" } },
  triage: { notifier: "inbox", destination: { conversationId: "first-contact-triage" } },
};

describe.each(bothDatabases)("the unacknowledged referrals job on %s", (name, makeDatabase) => {
  const clock = new ManualClock();
  let database: TestDatabase;
  let db: Kysely<Database>;
  /** A second connection pool on the same database: another instance of Signpost. */
  let elsewhere: Kysely<Database>;
  let store: KyselyReferralStore;
  let directory: Directory;

  beforeAll(async () => {
    database = await makeDatabase();
    db = openDatabase(database.settings);
    await migrateToLatest(db);
    elsewhere = openDatabase(database.settings);
    store = new KyselyReferralStore(db, clock);
    directory = await loadDirectory(realDirectory);
  });
  afterAll(async () => {
    await elsewhere.destroy();
    await db.destroy();
    await database.drop();
  });
  // Each test starts with nothing waiting: what one leaves submitted is picked up here.
  afterEach(async () => {
    await db.updateTable("referrals").set({ status: "acknowledged" }).where("status", "=", "submitted").execute();
  });

  const jobOn = (on: Kysely<Database>, closed: ReadonlySet<string> = new Set()) =>
    new UnacknowledgedReferralsJob({ referrals: new KyselyReferralStore(on, clock), workingDays: new WorkingDays(closed), afterWorkingDays: 2, directory });
  const runAt = (moment: string, job = jobOn(db)) => {
    moveClockTo(clock, moment);
    return job.run({ now: clock.now(), slot: `by-hand:${moment}`, notices: new Notices(new KyselyNotificationStore(db), targets, () => clock.now()) });
  };
  /** What the job wrote to the outbox for a London date, if anything. */
  const raised = async (date: string) => {
    const rows = await db.selectFrom("outbox").selectAll().where("idempotency_key", "=", `unacknowledged:${date}`).execute();
    return rows.map((row) => ({ notifier: row.notifier, destination: JSON.parse(row.destination) as unknown, payload: JSON.parse(row.payload) as { kind: string; text: string } }));
  };
  const textOn = async (date: string) => {
    const rows = await raised(date);
    expect(rows).toHaveLength(1);
    return rows[0]?.payload.text ?? "";
  };

  it("raises a referral after two working days, counting over a weekend, and lists the oldest first", async () => {
    const thursday = await referralMadeAt(store, clock, "2027-03-04T10:00:00Z");
    expect(await runAt("2027-03-05T09:00:00Z")).toEqual({ summary: "no referrals waiting too long" });
    expect(await raised("2027-03-05")).toEqual([]);
    const friday = await referralMadeAt(store, clock, "2027-03-05T15:00:00Z");

    expect((await runAt("2027-03-08T09:00:00Z")).summary).toBe("1 referrals waiting 2+ working days; triage told");
    expect(await raised("2027-03-08")).toEqual([
      {
        notifier: "inbox",
        destination: { conversationId: "first-contact-triage" },
        payload: {
          kind: "triage",
          text: [
            "1 referral has not been picked up after 2 working days or more:",
            `- ${thursday.reference}: waiting 2 working days (Charnwood, routine)`,
            `Say "acknowledge ${thursday.reference}" when one is picked up.`,
          ].join("\n"),
        },
      },
    ]);

    await runAt("2027-03-09T09:00:00Z");
    const tuesday = await textOn("2027-03-09");
    expect(tuesday.split("\n").slice(0, 3)).toEqual([
      "2 referrals have not been picked up after 2 working days or more:",
      `- ${thursday.reference}: waiting 3 working days (Charnwood, routine)`,
      `- ${friday.reference}: waiting 2 working days (Charnwood, routine)`,
    ]);
    // References, days, area and urgency only: nothing about the person or the referrer.
    for (const personal of [syntheticPeople[0], syntheticNhsNumbers[0], "01164960555", "Staying in her own home", "Sam Prescriber"]) expect(tuesday).not.toContain(personal);
  });

  it("skips Good Friday and Easter Monday 2027, across the change to summer time", async () => {
    const wednesday = await referralMadeAt(store, clock, "2027-03-24T11:00:00Z", { urgency: "soon" });
    const thursday = await referralMadeAt(store, clock, "2027-03-25T11:00:00Z");
    // Good Friday 26 March and Easter Monday 29 March are closed: Tuesday 30th is Thursday's first working day.
    await runAt("2027-03-30T08:00:00Z");
    expect(await textOn("2027-03-30")).toContain(`- ${wednesday.reference}: waiting 2 working days (Charnwood, to be seen soon)`);
    expect(await textOn("2027-03-30")).not.toContain(thursday.reference);
    await runAt("2027-03-31T08:00:00Z");
    expect(await textOn("2027-03-31")).toContain(`- ${thursday.reference}: waiting 2 working days`);
  });

  it("skips the substitute days for Christmas 2027 and New Year 2028", async () => {
    const beforeChristmas = await referralMadeAt(store, clock, "2027-12-23T10:00:00Z");
    // Christmas Day and Boxing Day 2027 fall at the weekend: Monday 27th and Tuesday 28th are the holidays.
    expect((await runAt("2027-12-28T09:00:00Z")).summary).toBe("no referrals waiting too long");
    await runAt("2027-12-29T09:00:00Z");
    expect(await textOn("2027-12-29")).toContain(`- ${beforeChristmas.reference}: waiting 2 working days`);

    const beforeNewYear = await referralMadeAt(store, clock, "2027-12-30T10:00:00Z");
    // New Year's Day 2028 is a Saturday: Monday 3 January is the holiday.
    await runAt("2028-01-03T09:00:00Z");
    expect(await textOn("2028-01-03")).toContain(`- ${beforeChristmas.reference}: waiting 4 working days`);
    expect(await textOn("2028-01-03")).not.toContain(beforeNewYear.reference);
    await runAt("2028-01-04T09:00:00Z");
    expect(await textOn("2028-01-04")).toContain(`- ${beforeNewYear.reference}: waiting 2 working days`);
  });

  it("skips a closure named in EXTRA_NON_WORKING_DAYS, and the configuration refuses a day it can't read", async () => {
    const closed = loadConfig({ EXTRA_NON_WORKING_DAYS: "2027-06-07, 2027-12-31" }, { cwd: process.cwd(), readEnvFile: false }).jobs.extraNonWorkingDays;
    expect(() => loadConfig({ EXTRA_NON_WORKING_DAYS: "next Monday" }, { cwd: process.cwd(), readEnvFile: false })).toThrow(ConfigError);

    const referral = await referralMadeAt(store, clock, "2027-06-03T09:00:00Z");
    expect((await runAt("2027-06-07T08:00:00Z", jobOn(db, closed))).summary).toBe("no referrals waiting too long");
    // Without the closure, Monday 7th would have been its second working day.
    await runAt("2027-06-07T08:00:00Z", jobOn(db));
    expect(await textOn("2027-06-07")).toContain(`- ${referral.reference}: waiting 2 working days`);
    await runAt("2027-06-08T08:00:00Z", jobOn(db, closed));
    expect(await textOn("2027-06-08")).toContain(`- ${referral.reference}: waiting 2 working days`);
  });

  it("counts from the London date a referral was made: 00:30 on a summer Friday is Friday, not Thursday", async () => {
    const referral = await referralMadeAt(store, clock, "2027-06-10T23:30:00Z");
    expect((await runAt("2027-06-14T08:00:00Z")).summary).toBe("no referrals waiting too long");
    await runAt("2027-06-15T08:00:00Z");
    expect(await textOn("2027-06-15")).toContain(`- ${referral.reference}: waiting 2 working days`);
  });

  it("raises only referrals still submitted: acknowledged, accepted and declined ones are not", async () => {
    const [waiting, acknowledged, accepted, declined] = await Promise.all(["09:00", "09:01", "09:02", "09:03"].map((time) => referralMadeAt(store, clock, `2027-09-06T${time}:00Z`)));
    if (!waiting || !acknowledged || !accepted || !declined) throw new Error("the referrals were not made");
    await triageMovesAt(store, clock, "2027-09-06T12:00:00Z", acknowledged.reference, { status: "acknowledged" });
    await triageMovesAt(store, clock, "2027-09-06T12:00:00Z", accepted.reference, { status: "accepted", service: "lightbulb-home-safety-falls" });
    await triageMovesAt(store, clock, "2027-09-06T12:00:00Z", declined.reference, { status: "declined", reason: "Already supported" });
    await runAt("2027-09-09T08:00:00Z");
    const text = await textOn("2027-09-09");
    expect(text.split("\n")[0]).toBe("1 referral has not been picked up after 2 working days or more:");
    expect(text).toContain(waiting.reference);
    for (const moved of [acknowledged, accepted, declined]) expect(text).not.toContain(moved.reference);
  });

  it("sends nothing when nothing is waiting", async () => {
    const picked = await referralMadeAt(store, clock, "2027-11-01T09:00:00Z");
    await triageMovesAt(store, clock, "2027-11-01T10:00:00Z", picked.reference, { status: "acknowledged" });
    expect(await runAt("2027-11-10T09:00:00Z")).toEqual({ summary: "no referrals waiting too long" });
    expect(await db.selectFrom("outbox").select("id").where("idempotency_key", "like", "unacknowledged:2027-11-%").execute()).toEqual([]);
  });

  it("tells triage once a day however often it runs, on either instance, and again the next day", async () => {
    const referral = await referralMadeAt(store, clock, "2027-10-04T08:00:00Z");
    const { logger } = memoryLogger();
    const runnerOn = (on: Kysely<Database>) => new JobRunner(name === "postgres" ? new PostgresJobLock(on) : new SqliteJobLock(on, clock), new JobRuns(on), new Notices(new KyselyNotificationStore(on), targets, () => clock.now()), clock, logger);
    const [here, there] = [runnerOn(db), runnerOn(elsewhere)];
    const [jobHere, jobThere] = [jobOn(db), jobOn(elsewhere)];
    const inbox = new InboxStore(db, clock);
    const sender = new OutboxSender(db, [new InboxNotifier(inbox)], clock, logger);
    // What the earlier tests raised is delivered and read first.
    moveClockTo(clock, "2027-10-06T09:00:00Z");
    while ((await sender.runOnce()) > 0);
    await inbox.takeUnread("first-contact-triage");

    expect(await here.run(jobHere, "2027-10-06T10:00")).toEqual({ status: "succeeded", summary: "1 referrals waiting 2+ working days; triage told" });
    expect(await there.run(jobThere, "2027-10-06T10:00")).toEqual({ status: "not-due" });
    moveClockTo(clock, "2027-10-06T12:00:00Z");
    expect(await there.run(jobThere, `by-hand:${clock.now().toISOString()}`)).toEqual({ status: "succeeded", summary: "1 referrals waiting 2+ working days; triage already told today" });
    moveClockTo(clock, "2027-10-06T15:00:00Z");
    expect((await here.run(jobHere, `by-hand:${clock.now().toISOString()}`)).status).toBe("succeeded");
    expect(await raised("2027-10-06")).toHaveLength(1);
    await sender.runOnce();
    const today = await inbox.takeUnread("first-contact-triage");
    expect(today).toHaveLength(1);
    expect(today[0]).toContain(`- ${referral.reference}: waiting 2 working days`);

    // The next day, both instances at once: one message between them.
    moveClockTo(clock, "2027-10-07T09:00:00Z");
    const results = await Promise.all([here.run(jobHere, "2027-10-07T10:00"), there.run(jobThere, `by-hand:${clock.now().toISOString()}`)]);
    expect(results.some((result) => result.status === "succeeded")).toBe(true);
    await sender.runOnce();
    const tomorrow = await inbox.takeUnread("first-contact-triage");
    expect(tomorrow).toHaveLength(1);
    expect(tomorrow[0]).toContain(`- ${referral.reference}: waiting 3 working days`);
  });
});
