import cron from "node-cron";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Job, JobName, JobRun } from "../../src/jobs/job.js";
import { JobRunner } from "../../src/jobs/job-runner.js";
import { JobRuns } from "../../src/jobs/job-runs.js";
import { JobScheduler } from "../../src/jobs/job-scheduler.js";
import { Notices } from "../../src/jobs/notices.js";
import { KyselyNotificationStore } from "../../src/notifications/kysely-notification-store.js";
import { SqliteJobLock } from "../../src/storage/sqlite-job-lock.js";
import { WallClockSchedule } from "../../src/jobs/wall-clock-schedule.js";
import { migrateToLatest } from "../../src/storage/migrate.js";
import { openDatabase, sqliteDatabase } from "../support/databases.js";
import { ManualClock } from "../support/manual-clock.js";
import { memoryLogger } from "../support/memory-logger.js";

/** Remembers the moments it ran at. */
class RecordingJob implements Job {
  readonly ran: string[] = [];
  constructor(
    readonly name: JobName,
    private readonly fail = false,
  ) {}

  run({ now, slot }: JobRun) {
    this.ran.push(`${slot} at ${now.toISOString()}`);
    if (this.fail) return Promise.reject(new Error("always broken"));
    return Promise.resolve({ summary: "ok" });
  }
}

const db = openDatabase(sqliteDatabase().settings);
const targets = { maintainers: { notifier: "inbox", destination: { conversationId: "m" } }, triage: { notifier: "inbox", destination: { conversationId: "t" } } };
beforeAll(async () => {
  await migrateToLatest(db);
});
afterAll(async () => {
  await db.destroy();
});

/** A scheduler over the given jobs on a fresh clock; `minuteByMinute` ticks as node-cron would. */
function schedulerFor(start: string, jobs: [RecordingJob, string][]) {
  const clock = new ManualClock(new Date(start));
  const runner = new JobRunner(new SqliteJobLock(db, clock), new JobRuns(db), new Notices(new KyselyNotificationStore(db), targets, () => clock.now()), clock, memoryLogger().logger);
  const scheduler = new JobScheduler(
    jobs.map(([job, pattern]) => ({ job, schedule: WallClockSchedule.parse(pattern) })),
    runner,
    clock,
    memoryLogger().logger,
  );
  return {
    clock,
    scheduler,
    async minuteByMinute(until: string) {
      while (clock.now() < new Date(until)) {
        await scheduler.tick();
        clock.advance(60_000);
      }
    },
  };
}

describe("JobScheduler", () => {
  it("runs a daily job once at its time, however many ticks follow, and again the next day", async () => {
    const job = new RecordingJob("unacknowledged-referrals");
    const run = schedulerFor("2026-11-30T08:55:00Z", [[job, "0 9 * * *"]]);
    await run.minuteByMinute("2026-12-01T09:30:00Z");
    expect(job.ran).toEqual(["2026-11-30T09:00 at 2026-11-30T09:00:00.000Z", "2026-12-01T09:00 at 2026-12-01T09:00:00.000Z"]);
  });

  it("on the night the clocks go forward, runs a 02:30 job once, and a 01:30 job (a time that never shows) once, when the clocks pass it", async () => {
    const atHalfTwo = new RecordingJob("retention");
    const atHalfOne = new RecordingJob("outcome-follow-up");
    // 27 March 2027, 23:00 GMT, to 28 March, 05:00 BST, a minute at a time.
    const run = schedulerFor("2027-03-27T23:00:00Z", [[atHalfTwo, "30 2 * * *"], [atHalfOne, "30 1 * * *"]]);
    await run.minuteByMinute("2027-03-28T04:00:00Z");
    expect(atHalfTwo.ran).toEqual(["2027-03-28T02:30 at 2027-03-28T01:30:00.000Z"]);
    // At 01:00 UTC the clocks jump from 01:00 GMT to 02:00 BST: 01:30 has passed, so it runs then.
    expect(atHalfOne.ran).toEqual(["2027-03-28T01:30 at 2027-03-28T01:00:00.000Z"]);
  });

  it("on the night the clocks go back, runs a 01:30 job once, though 01:30 shows twice", async () => {
    const job = new RecordingJob("stale-entries");
    const run = schedulerFor("2027-10-30T23:00:00Z", [[job, "30 1 * * *"]]);
    await run.minuteByMinute("2027-10-31T04:00:00Z");
    expect(job.ran).toEqual(["2027-10-31T01:30 at 2027-10-31T00:30:00.000Z"]);
  });

  it("skips a slot missed by more than six hours (Signpost was down), and catches up on one missed by less", async () => {
    const late = new RecordingJob("unmet-need");
    await schedulerFor("2026-11-30T15:01:00Z", [[late, "0 9 * * *"]]).scheduler.tick();
    expect(late.ran).toEqual([]);
    const soon = new RecordingJob("directory-refresh");
    await schedulerFor("2026-11-30T14:59:00Z", [[soon, "0 9 * * *"]]).scheduler.tick();
    expect(soon.ran).toEqual(["2026-11-30T09:00 at 2026-11-30T14:59:00.000Z"]);
  });

  it("keeps running the other jobs when one fails, and never stops ticking", async () => {
    const broken = new RecordingJob("retention", true);
    const fine = new RecordingJob("stale-entries");
    const run = schedulerFor("2026-12-07T07:59:00Z", [[broken, "0 8 * * 1"], [fine, "0 8 * * 1"]]);
    await run.minuteByMinute("2026-12-07T08:05:00Z");
    expect(broken.ran).toHaveLength(1);
    expect(fine.ran).toHaveLength(1);
    const results = await run.scheduler.tick();
    expect(results.get("retention")).toEqual({ status: "not-due" }); // retried later, not every minute
  });

  it("is ticked by node-cron once started, and stops cleanly", async () => {
    const run = schedulerFor("2026-11-30T09:00:00Z", []);
    const before = cron.getTasks().size;
    run.scheduler.start();
    run.scheduler.start(); // twice is once
    const task = [...cron.getTasks().values()].at(-1);
    expect(cron.getTasks().size).toBe(before + 1);
    expect(task?.getPattern()).toBe("* * * * *");
    await run.scheduler.stop();
    expect(cron.getTasks().size).toBe(before);
    await run.scheduler.stop();
  });
});
