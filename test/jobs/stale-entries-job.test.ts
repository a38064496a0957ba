import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import type { Directory } from "../../src/directory/directory.js";
import { LiveDirectory } from "../../src/directory/live-directory.js";
import type { OutdatedReport } from "../../src/feedback/feedback-store.js";
import { KyselyFeedbackStore } from "../../src/feedback/kysely-feedback-store.js";
import { createJobs } from "../../src/jobs/create-jobs.js";
import { jobStores } from "../support/job-stores.js";
import { Notices, type NoticeTargets } from "../../src/jobs/notices.js";
import { KyselyNotificationStore } from "../../src/notifications/kysely-notification-store.js";
import { StaleEntriesJob } from "../../src/jobs/stale-entries-job.js";
import type { Database } from "../../src/storage/database-schema.js";
import { migrateToLatest } from "../../src/storage/migrate.js";
import { openDatabase, sqliteDatabase } from "../support/databases.js";
import { type RealCore, realDirectoryAndEngine } from "../support/load-real-directory.js";
import { ManualClock } from "../support/manual-clock.js";
import { memoryLogger } from "../support/memory-logger.js";

const targets: NoticeTargets = { maintainers: { notifier: "inbox", destination: { conversationId: "maintainers" } }, triage: { notifier: "inbox", destination: { conversationId: "triage" } } };
const hour = 60 * 60 * 1000;
const day = 24 * hour;
// Monday 29 March 2027, 00:30 in London (BST) but still Sunday 28 March in UTC: ISO week 2027-W13.
const monday = new Date("2027-03-28T23:30:00Z");

let core: RealCore;
const opened: Kysely<Database>[] = [];
beforeAll(async () => {
  core = await realDirectoryAndEngine();
});
afterAll(() => Promise.all(opened.map((db) => db.destroy())));

/** Each test its own database, so that the digests of one do not stop another's. */
async function freshDatabase(): Promise<Kysely<Database>> {
  const db = openDatabase(sqliteDatabase().settings);
  opened.push(db);
  await migrateToLatest(db);
  return db;
}

/** The real directory's services, all verified recently except those given a date here. */
function directoryWith(dates: Readonly<Record<string, string>>): Directory {
  return { ...core.directory, services: core.directory.services.map((service) => ({ ...service, last_verified: dates[service.id] ?? "2027-03-01" })) };
}

/** The reports in a database of their own, as the job reads them. */
async function feedbackWith(reports: readonly OutdatedReport[]): Promise<KyselyFeedbackStore> {
  const store = new KyselyFeedbackStore(await freshDatabase());
  for (const report of reports) await store.record(report);
  return store;
}

function report(details: string, reportedAt: Date): OutdatedReport {
  return { serviceId: "harborough-strollers", organizationId: "harborough-strollers", details, channel: "web", reportedBy: "u-synthetic", reportedAt: reportedAt.toISOString() };
}

/** Runs the job at a moment and returns its summary and everything in the outbox after it, oldest first. */
async function runJob(job: StaleEntriesJob, now: Date, database?: Kysely<Database>) {
  const db = database ?? (await freshDatabase());
  const report = await job.run({ now, slot: "2027-03-29T00:30", notices: new Notices(new KyselyNotificationStore(db), targets, () => now) });
  const rows = await db.selectFrom("outbox").select(["idempotency_key", "payload"]).orderBy("id").execute();
  return { report, texts: rows.map((row) => (JSON.parse(row.payload) as { text: string }).text), keys: rows.map((row) => row.idempotency_key) };
}

describe("StaleEntriesJob", () => {
  it("lists a service verified a day more than 6 months before today in London, not one verified exactly 6 months before", async () => {
    const directory = directoryWith({ "harborough-strollers": "2026-09-29", "melton-lung-chorus": "2026-09-28" });
    const { texts, report: summary } = await runJob(new StaleEntriesJob({ directory, feedback: await feedbackWith([]), staleAfterMonths: 6 }), monday);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain("(before 29 Sept 2026): 1 service from 1 provider");
    expect(texts[0]).toContain("- melton-lung-chorus: ");
    expect(texts[0]).not.toContain("harborough-strollers");
    expect(summary.summary).toMatch(/^1 stale services; 0 reports this week; digest sent$/);
  });

  it("the setting moves the threshold", async () => {
    const directory = directoryWith({ "harborough-strollers": "2026-03-28", "melton-lung-chorus": "2026-09-28" });
    const yearly = await runJob(new StaleEntriesJob({ directory, feedback: await feedbackWith([]), staleAfterMonths: 12 }), monday);
    expect(yearly.texts[0]).toContain("Not verified for over 12 months (before 29 Mar 2026): 1 service");
    expect(yearly.texts[0]).toContain("- harborough-strollers: ");
    expect(yearly.texts[0]).not.toContain("melton-lung-chorus");
  });

  it("includes only the reports of the 7 days before now, the time since the previous digest", async () => {
    const store = await feedbackWith([
      report("eight days ago", new Date(monday.getTime() - 8 * day)),
      report("exactly seven days ago", new Date(monday.getTime() - 7 * day)),
      report("an hour ago", new Date(monday.getTime() - hour)),
      report("after this digest", new Date(monday.getTime() + hour)),
    ]);
    const { texts } = await runJob(new StaleEntriesJob({ directory: directoryWith({}), feedback: store, staleAfterMonths: 6 }), monday);
    expect(texts[0]).toContain("2 reports about 1 provider");
    expect(texts[0]).toContain('"exactly seven days ago"');
    expect(texts[0]).toContain('"an hour ago"');
    expect(texts[0]).not.toContain("eight days ago");
    expect(texts[0]).not.toContain("after this digest");
  });

  it("sends one digest per ISO week, however often it runs", async () => {
    const job = new StaleEntriesJob({ directory: directoryWith({ "melton-lung-chorus": "2020-01-01" }), feedback: await feedbackWith([]), staleAfterMonths: 6 });
    const db = await freshDatabase();
    const first = await runJob(job, monday, db);
    const again = await runJob(job, new Date(monday.getTime() + 2 * day), db);
    expect(again.keys).toEqual(["stale-entries:2027-W13"]);
    expect(again.texts).toEqual(first.texts);
    expect(again.report.summary).toContain("digest for 2027-W13 already sent");
    const nextWeek = await runJob(job, new Date(monday.getTime() + 7 * day), db);
    expect(nextWeek.keys).toEqual(["stale-entries:2027-W13", "stale-entries:2027-W14"]);
  });
});

describe("the stale-entries job as npm start builds it", () => {
  it("reads STALE_AFTER_MONTHS and the stored reports, and runs once a week by hand too", async () => {
    const clock = new ManualClock(monday);
    const db = await freshDatabase();
    const config = loadConfig({ STALE_AFTER_MONTHS: "24" }, { cwd: mkdtempSync(path.join(tmpdir(), "signpost-stale-config-")), readEnvFile: false });
    const directory = directoryWith({ "melton-lung-chorus": "2025-03-28", "harborough-strollers": "2025-03-29" });
    const jobs = createJobs({
      config: config.jobs, ...jobStores(db, "sqlite", clock), clock, logger: memoryLogger().logger, targets, directoryDir: config.directoryDir,
      live: new LiveDirectory(directory), engine: core.engine, feedback: await feedbackWith([report("Now meets on Fridays", new Date(monday.getTime() - day))]),
    });
    expect(await jobs.runNow("stale-entries")).toMatchObject({ status: "succeeded" });
    clock.advance(hour);
    expect(await jobs.runNow("stale-entries")).toMatchObject({ status: "succeeded", summary: expect.stringContaining("already sent") as unknown });
    const rows = await db.selectFrom("outbox").select("payload").where("idempotency_key", "=", "stale-entries:2027-W13").execute();
    expect(rows).toHaveLength(1);
    const text = (JSON.parse(rows[0]?.payload ?? "{}") as { text: string }).text;
    expect(text).toContain("Not verified for over 24 months (before 29 Mar 2025): 1 service");
    expect(text).toContain("- melton-lung-chorus: ");
    expect(text).toContain('"Now meets on Fridays"');
  });
});
