import type { Kysely } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Directory } from "../../src/directory/directory.js";
import { needIds } from "../../src/directory/ids.js";
import { Taxonomy } from "../../src/directory/taxonomy.js";
import { Notices, type NoticeTargets } from "../../src/jobs/notices.js";
import { KyselyNotificationStore } from "../../src/notifications/kysely-notification-store.js";
import { unmetNeedDigest } from "../../src/jobs/unmet-need-digest.js";
import { UnmetNeedJob } from "../../src/jobs/unmet-need-job.js";
import type { Database } from "../../src/storage/database-schema.js";
import { migrateToLatest } from "../../src/storage/migrate.js";
import { KyselyUnmetSearchLog } from "../../src/unmet-searches/kysely-unmet-search-log.js";
import { UnmetSearchRecorder } from "../../src/unmet-searches/unmet-search-recorder.js";
import { bothDatabases, openDatabase, sqliteDatabase, useMigratedDatabase } from "../support/databases.js";
import { coreWithGaps } from "../support/directory-with-gaps.js";
import { realDirectoryAndEngine } from "../support/load-real-directory.js";
import { ManualClock } from "../support/manual-clock.js";
import { conversation, realBot } from "../support/real-bot.js";
import { memoryLogger } from "../support/memory-logger.js";

const targets: NoticeTargets = { maintainers: { notifier: "inbox", destination: { conversationId: "maintainers" } }, triage: { notifier: "inbox", destination: { conversationId: "triage" } } };
const day = 24 * 60 * 60 * 1000;
// Monday 29 March 2027, 00:30 in London (BST) but still Sunday 28 March in UTC: ISO week 2027-W13.
const monday = new Date("2027-03-28T23:30:00Z");

let directory: Directory;
beforeAll(async () => {
  ({ directory } = await realDirectoryAndEngine());
});

describe.each(bothDatabases)("UnmetNeedJob on %s", (_name, makeDatabase) => {
  const context = useMigratedDatabase(makeDatabase);
  let db: Kysely<Database>;
  let log: KyselyUnmetSearchLog;
  beforeAll(() => {
    db = context.db;
    log = new KyselyUnmetSearchLog(db);
  });

  const run = (now: Date) => new UnmetNeedJob({ log, directory }).run({ now, slot: "2027-03-29T08:30", notices: new Notices(new KyselyNotificationStore(db), targets, () => now) });
  const digests = async () => (await db.selectFrom("outbox").select(["idempotency_key", "payload"]).orderBy("id").execute()).map((row) => ({ key: row.idempotency_key, text: (JSON.parse(row.payload) as { text: string }).text }));

  it("sends the previous 7 London days' counts by need and area, nothing anywhere apart from nothing in the area", async () => {
    await log.record("2027-03-21", [{ need: "hoarding", area: "blaby", kind: "nothing" }]); // 8 days before: last week's
    await log.record("2027-03-22", [{ need: "transport", area: "rutland", kind: "nothing-in-area" }, { need: "digital-inclusion", area: "rutland", kind: "nothing" }]);
    await log.record("2027-03-22", [{ need: "transport", area: "rutland", kind: "nothing-in-area" }]);
    await log.record("2027-03-25", [{ need: "transport", area: "melton", kind: "nothing-in-area" }, { need: "digital-inclusion", area: "", kind: "nothing" }]);
    await log.record("2027-03-28", [{ need: "transport", area: "rutland", kind: "nothing-in-area" }, { need: "digital-inclusion", area: "rutland", kind: "nothing" }]);
    await log.record("2027-03-28", [{ need: "", area: "rutland", kind: "nothing-in-area" }]);
    await log.record("2027-03-29", [{ need: "carers-support", area: "rutland", kind: "nothing" }]); // today: next week's
    const report = await run(monday);
    expect(report.summary).toBe("8 unmet search counts in 5 need and area rows, 2027-03-22 to 2027-03-28; digest sent");
    expect(await digests()).toEqual([
      {
        key: "unmet-need:2027-W13",
        text: [
          "Searches that found nothing, 22 Mar 2027 to 28 Mar 2027 (London days), by need and area. Counts only: the words searched are never kept.",
          "",
          "Nothing anywhere in the directory: 3",
          "- Getting online: 3 (Rutland 2, no place named 1)",
          "",
          "Nothing in the area asked for, though there is elsewhere: 5",
          "- Transport and getting about: 4 (Rutland 3, Melton 1)",
          "- No need named (a place only): 1 (Rutland 1)",
          "",
          "A search that named several needs or places is counted once for each.",
        ].join("\n"),
      },
    ]);
  });

  it("sends one digest per ISO week, however often it runs", async () => {
    const again = await run(new Date(monday.getTime() + 3 * day));
    expect(again.summary).toContain("digest for 2027-W13 already sent");
    expect((await digests()).map((d) => d.key)).toEqual(["unmet-need:2027-W13"]);
    await run(new Date(monday.getTime() + 7 * day));
    const sent = await digests();
    expect(sent.map((d) => d.key)).toEqual(["unmet-need:2027-W13", "unmet-need:2027-W14"]);
    // The week of 29 March: only the carers-support search made on the 29th.
    expect(sent[1]?.text).toContain("- Support for unpaid carers: 1 (Rutland 1)");
    expect(sent[1]?.text).not.toContain("Transport");
  });

  it("says so when every search found something", async () => {
    await run(new Date(monday.getTime() + 28 * day));
    expect((await digests()).at(-1)).toEqual({
      key: "unmet-need:2027-W17",
      text: "Searches that found nothing, 19 Apr 2027 to 25 Apr 2027: none. Every search that named a need or a place found at least one service.",
    });
  });
});

describe("from a conversation to the digest", () => {
  it("counts a search that found nothing and reports it by label, with none of the words typed", async () => {
    const database = sqliteDatabase();
    const db = openDatabase(database.settings);
    await migrateToLatest(db);
    const log = new KyselyUnmetSearchLog(db);
    const core = await coreWithGaps();
    const clock = new ManualClock(new Date("2027-03-24T12:00:00Z"));
    const recorder = new UnmetSearchRecorder(log, core.engine, clock, memoryLogger().logger);
    const { bot } = await realBot({ core, clock, unmetSearches: recorder });
    await conversation(bot).say("Mrs Quillfeather in Oakham wants help getting online and community transport to the surgery");
    await recorder.settled();
    const now = monday;
    await new UnmetNeedJob({ log, directory: core.directory }).run({ now, slot: "2027-03-29T08:30", notices: new Notices(new KyselyNotificationStore(db), targets, () => now) });
    const row = await db.selectFrom("outbox").select("payload").executeTakeFirstOrThrow();
    const text = (JSON.parse(row.payload) as { text: string }).text;
    expect(text).toContain("Nothing anywhere in the directory: 1\n- Getting online: 1 (Rutland 1)");
    expect(text).toContain("Nothing in the area asked for, though there is elsewhere: 1\n- Transport and getting about: 1 (Rutland 1)");
    expect(text).not.toMatch(/quillfeather|oakham|surgery|community/i);
    await db.destroy();
  });
});

describe("unmetNeedDigest", () => {
  it("lists the 15 needs with the most and sums up the rest in one line", () => {
    const counts = needIds.map((need, i) => ({ need, area: "leicester" as const, kind: "nothing" as const, count: i + 1 }));
    const text = unmetNeedDigest(counts, { first: "2027-03-22", last: "2027-03-28" }, directory);
    const listed = text.split("\n").filter((line) => line.startsWith("- ") && !line.startsWith("- …") && line !== "- none");
    expect(listed).toHaveLength(15);
    expect(listed[0]).toBe(`- ${directory.taxonomy.label(needIds[needIds.length - 1]!)}: ${needIds.length} (Leicester ${needIds.length})`);
    const rest = needIds.length - 15;
    expect(text).toContain(`- … and ${rest} more needs (${(rest * (rest + 1)) / 2})`);
    expect(text).toContain("Nothing in the area asked for, though there is elsewhere: 0\n- none");
  });

  it("shows an id the directory no longer knows as it is, rather than failing", () => {
    const text = unmetNeedDigest([{ need: "transport", area: "rutland", kind: "nothing", count: 2 }], { first: "2027-03-22", last: "2027-03-28" }, { ...directory, taxonomy: new Taxonomy([]) });
    expect(text).toContain("- transport: 2 (Rutland 2)");
  });
});
