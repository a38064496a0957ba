import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Job, JobRun } from "../../src/jobs/job.js";
import type { JobLock } from "../../src/storage/job-lock.js";
import { JobRunner } from "../../src/jobs/job-runner.js";
import { JobRuns, maxAttempts, retryAfterMs } from "../../src/jobs/job-runs.js";
import { Notices } from "../../src/jobs/notices.js";
import { KyselyNotificationStore } from "../../src/notifications/kysely-notification-store.js";
import { PostgresJobLock } from "../../src/storage/postgres-job-lock.js";
import { SqliteJobLock } from "../../src/storage/sqlite-job-lock.js";
import type { Database } from "../../src/storage/database-schema.js";
import { migrateToLatest } from "../../src/storage/migrate.js";
import { bothDatabases, openDatabase, type TestDatabase } from "../support/databases.js";
import { ManualClock } from "../support/manual-clock.js";
import { memoryLogger } from "../support/memory-logger.js";
import { waitFor } from "../support/run-process.js";

const targets = {
  maintainers: { notifier: "inbox", destination: { conversationId: "maintainers" } },
  triage: { notifier: "inbox", destination: { conversationId: "triage" } },
};

/** A job that sends the notices it is told to, and can be held open or made to fail. */
class ScriptedJob implements Job {
  readonly name = "stale-entries" as const;
  runs = 0;
  sends: string[] = ["first"];
  failWith: string | undefined;
  hold: Promise<void> | undefined;
  private enteredNow!: () => void;
  /** Settles once a run is inside the job (it holds the lock by then). */
  readonly entered = new Promise<void>((resolve) => (this.enteredNow = resolve));

  async run({ notices }: JobRun) {
    this.runs++;
    this.enteredNow();
    for (const key of this.sends) await notices.send("maintainers", `scripted:${key}`, `notice ${key}`);
    if (this.hold) await this.hold;
    if (this.failWith) throw new Error(this.failWith);
    return { summary: `sent ${this.sends.length}` };
  }
}

/** One "instance" of Signpost: its own connection pool, lock, run record and runner on the shared database. */
function instance(database: TestDatabase, clock: ManualClock) {
  const db = openDatabase(database.settings);
  const lock: JobLock = database.name === "postgres" ? new PostgresJobLock(db) : new SqliteJobLock(db, clock);
  const notices = new Notices(new KyselyNotificationStore(db), targets, () => clock.now());
  const log = memoryLogger();
  return { db, log, runner: new JobRunner(lock, new JobRuns(db), notices, clock, log.logger) };
}

const outbox = async (db: Kysely<Database>) => (await db.selectFrom("outbox").select(["idempotency_key", "payload"]).orderBy("id").execute()).map((row) => row.idempotency_key);

describe.each(bothDatabases)("job runner and lock on %s", (name, makeDatabase) => {
  let database: TestDatabase;
  let one: ReturnType<typeof instance>;
  let two: ReturnType<typeof instance>;
  const clock = new ManualClock(new Date("2027-03-29T08:00:00Z"));
  beforeAll(async () => {
    database = await makeDatabase();
    one = instance(database, clock);
    two = instance(database, clock);
    await migrateToLatest(one.db);
  });
  afterAll(async () => {
    await one.db.destroy();
    await two.db.destroy();
    await database.drop();
  });

  it("runs a slot once, records it, and does not run it again on another instance", async () => {
    const job = new ScriptedJob();
    expect(await one.runner.run(job, "2027-03-29T09:00")).toEqual({ status: "succeeded", summary: "sent 1" });
    expect(await two.runner.run(job, "2027-03-29T09:00")).toEqual({ status: "not-due" });
    expect(job.runs).toBe(1);
    const [record] = await new JobRuns(one.db).recent(job.name);
    expect(record).toMatchObject({ slot: "2027-03-29T09:00", outcome: "succeeded", attempts: 1, summary: "sent 1" });
    const logged = one.log.lines().find((line) => line.msg === "job finished");
    expect(logged).toMatchObject({ job: "stale-entries", slot: "2027-03-29T09:00", outcome: "succeeded" });
    expect(typeof logged?.ms).toBe("number");
  });

  it("lets only one of two instances racing for the lock run the job", async () => {
    const job = new ScriptedJob();
    let release!: () => void;
    job.hold = new Promise((resolve) => (release = resolve));
    const first = one.runner.run(job, "race");
    await job.entered; // the first has the lock and is inside the job
    expect(await two.runner.run(job, "race")).toEqual({ status: "locked" });
    release();
    expect(await first).toMatchObject({ status: "succeeded" });
    expect(job.runs).toBe(1);
    // Both at the very same moment: one runs, the other finds it locked or done.
    const both = await Promise.all([one.runner.run(new ScriptedJob(), "race-2"), two.runner.run(new ScriptedJob(), "race-2")]);
    expect(both.map((result) => result.status).sort()).toEqual(expect.arrayContaining(["succeeded"]));
    expect(both.filter((result) => result.status === "succeeded")).toHaveLength(1);
  });

  it("after a crash halfway, runs again and sends nothing twice", async () => {
    const job = new ScriptedJob();
    job.sends = ["a", "b"];
    job.failWith = "the machine went down"; // sends a and b, then dies
    expect(await one.runner.run(job, "crash")).toMatchObject({ status: "failed" });
    job.failWith = undefined;
    job.sends = ["a", "b", "c"];
    clock.advance(retryAfterMs);
    expect(await two.runner.run(job, "crash")).toMatchObject({ status: "succeeded" });
    const keys = await outbox(one.db);
    for (const key of ["scripted:a", "scripted:b", "scripted:c"]) expect(keys.filter((k) => k === key)).toHaveLength(1);
  });

  it("alerts the maintainers once for a failing slot, retries it after a while, and gives up after a few tries", async () => {
    const job = new ScriptedJob();
    job.sends = [];
    job.failWith = "the feed answered 500";
    expect(await one.runner.run(job, "failing")).toEqual({ status: "failed", reason: "the feed answered 500" });
    expect(await one.runner.run(job, "failing")).toEqual({ status: "not-due" }); // too soon
    for (let attempt = 2; attempt <= maxAttempts; attempt++) {
      clock.advance(retryAfterMs);
      expect(await one.runner.run(job, "failing")).toMatchObject({ status: "failed" });
    }
    clock.advance(retryAfterMs);
    expect(await one.runner.run(job, "failing")).toEqual({ status: "not-due" });
    expect(job.runs).toBe(maxAttempts);
    const alerts = (await one.db.selectFrom("outbox").selectAll().where("idempotency_key", "like", "job-failed:%failing").execute()).map((row) => JSON.parse(row.payload) as { text: string });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.text).toContain("the feed answered 500");
    expect(one.log.lines().some((line) => line.msg === "job failed" && line.outcome === "failed")).toBe(true);
  });

  it("never throws, even when the database cannot be used", async () => {
    const unusable = await makeDatabase(); // never migrated: no job tables
    const broken = instance(unusable, clock);
    try {
      const result = await broken.runner.run(new ScriptedJob(), "no-tables");
      expect(result.status).toBe("failed");
      expect(broken.log.lines().some((line) => line.msg === "job could not be run")).toBe(true);
    } finally {
      await broken.db.destroy();
      await unusable.drop();
    }
  });

  if (name === "postgres") {
    it("frees the lock when the instance holding it dies mid-run", async () => {
      // The dying instance's own pool, whose clients may lose their connection without crashing the test.
      const pool = new pg.Pool({ connectionString: (database.settings as { url: string }).url, max: 2 });
      pool.on("connect", (client) => client.on("error", () => undefined));
      pool.on("error", () => undefined);
      const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
      const dying = new JobRunner(new PostgresJobLock(db), new JobRuns(db), new Notices(new KyselyNotificationStore(db), targets, () => clock.now()), clock, memoryLogger().logger);
      const job = new ScriptedJob();
      let release!: () => void;
      job.hold = new Promise((resolve) => (release = resolve));
      const running = dying.run(job, "dies");
      await job.entered;
      expect(await two.runner.run(new ScriptedJob(), "dies")).toEqual({ status: "locked" });
      // The instance dies: PostgreSQL ends the session that held the advisory lock.
      const held = sql<{ n: number }>`select count(*)::int as n from pg_locks where locktype = 'advisory' and classid = ${0x53_4a_42}`;
      await sql`select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and classid = ${0x53_4a_42}`.execute(two.db);
      await waitFor(async () => ((await held.execute(two.db)).rows[0]?.n === 0 ? true : undefined)); // the session has ended and its lock is gone
      expect(await two.runner.run(new ScriptedJob(), "dies")).toMatchObject({ status: "succeeded" });
      release();
      expect((await running).status).toBe("failed"); // the dead instance's own run could not finish cleanly
      await db.destroy();
    });
  } else {
    it("takes over a lock whose holder died once its lease lapses", async () => {
      await one.db.insertInto("job_locks").values({ name: "stale-entries", holder: "a dead instance", expires_at: new Date(clock.now().getTime() + 60_000).toISOString() }).execute();
      expect(await two.runner.run(new ScriptedJob(), "lapsed")).toEqual({ status: "locked" });
      clock.advance(61_000);
      expect(await two.runner.run(new ScriptedJob(), "lapsed")).toMatchObject({ status: "succeeded" });
    });
  }
});
