import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LiveDirectory } from "../../src/directory/live-directory.js";
import { loadDirectory } from "../../src/directory/load-directory.js";
import { DirectoryRefreshJob } from "../../src/jobs/directory-refresh-job.js";
import { Notices } from "../../src/jobs/notices.js";
import { KyselyNotificationStore } from "../../src/notifications/kysely-notification-store.js";
import { CompactTextIndex } from "../../src/search/compact-text-index.js";
import { EmbeddedSearchEngine } from "../../src/search/embedded-search-engine.js";
import type { SearchQuery } from "../../src/search/search-engine.js";
import { migrateToLatest } from "../../src/storage/migrate.js";
import { openDatabase, sqliteDatabase } from "../support/databases.js";
import { copyDirectory } from "../support/directory-copy.js";
import { ManualClock } from "../support/manual-clock.js";
import { orukService } from "../oruk/support.js";

const db = openDatabase(sqliteDatabase().settings);
const clock = new ManualClock(new Date("2026-11-30T10:00:00Z"));
const notices = new Notices(new KyselyNotificationStore(db), { maintainers: { notifier: "inbox", destination: { conversationId: "maintainers" } }, triage: { notifier: "inbox", destination: { conversationId: "triage" } } }, () => clock.now());
beforeAll(async () => {
  await migrateToLatest(db);
});
afterAll(async () => {
  await db.destroy();
});

const wreake = "services/vcs/wreake-valley-good-neighbours.yaml";
const alerts = async () => (await db.selectFrom("outbox").select("payload").where("idempotency_key", "like", "directory-refresh:%").orderBy("id").execute()).map((row) => (JSON.parse(row.payload) as { text: string }).text);
const find = (text: string, needs: SearchQuery["needs"]): SearchQuery => ({ text, needs, areas: [], age: null, limit: 20 });

/** A directory copy, indexed and live, with a refresh job over it (and any feeds). */
async function setUp(feeds: { name: string; source: string }[] = []) {
  const copy = copyDirectory();
  const live = new LiveDirectory(await loadDirectory(copy.dir));
  const engine = new EmbeddedSearchEngine(() => new CompactTextIndex());
  await engine.index(live.view);
  const job = new DirectoryRefreshJob({ directoryDir: copy.dir, feeds, live, engine });
  const run = () => job.run({ now: clock.now(), slot: `test:${clock.now().toISOString()}`, notices });
  return { copy, live, engine, run };
}

describe("directory refresh job", () => {
  it("leaves the index alone when nothing changed", async () => {
    const { live, run } = await setUp();
    const before = live.view.services;
    expect((await run()).summary).toMatch(/^unchanged; 0 of 0 feeds changed; 0 problems$/);
    expect(live.view.services).toBe(before);
  });

  it("reindexes a changed directory and swaps it in: the new words are found, and every reader sees the new directory", async () => {
    const { copy, live, engine, run } = await setUp();
    const before = live.fingerprint;
    copy.edit(wreake, (text) => text.replace("for a chat", "for a chat and a game of dominoes"));
    expect((await run()).summary).toMatch(/^reindexed \d+ services/);
    expect(live.fingerprint).not.toBe(before);
    expect(live.view.services.find((s) => s.id === "wreake-valley-befriending")?.description).toContain("dominoes");
    const hits = await engine.search(find("dominoes", ["social-isolation"]));
    expect(hits[0]?.service.id).toBe("wreake-valley-befriending");
    expect(hits[0]?.words).toContain("dominoes");
  });

  it("keeps the last good directory and index when a file breaks, and tells the maintainers the exact error once a day", async () => {
    const { copy, live, engine, run } = await setUp();
    const before = live.fingerprint;
    copy.edit(wreake, (text) => text.replace("needs: [social-isolation", "needs: [lonelyness"));
    expect((await run()).summary).toMatch(/^unchanged; 0 of 0 feeds changed; 1 problems$/);
    expect(live.fingerprint).toBe(before);
    expect((await engine.search(find("", ["social-isolation"]))).length).toBeGreaterThan(0);
    const [alert] = await alerts();
    expect(alert).toContain("keeps answering from the last good directory");
    expect(alert).toContain("wreake-valley-good-neighbours.yaml");
    expect(alert).toContain('"lonelyness" is not a need; did you mean "social-isolation"?');
    await run(); // the same problem, the same day: no second message
    expect(await alerts()).toHaveLength(1);
    clock.advance(24 * 60 * 60 * 1000);
    await run();
    expect(await alerts()).toHaveLength(2);
  });

  describe("with an Open Referral UK feed", () => {
    const folder = mkdtempSync(path.join(tmpdir(), "signpost-feed-"));
    const feedFile = path.join(folder, "feed.json");
    const page = (services: unknown[]) => JSON.stringify({ total_items: services.length, total_pages: 1, page_number: 1, size: services.length, contents: services });

    it("imports the feed, finds its services, and does nothing more while the feed is unchanged", async () => {
      writeFileSync(feedFile, page([orukService("one"), orukService("two")]));
      const { live, engine, run } = await setUp([{ name: "county", source: feedFile }]);
      expect((await run()).summary).toMatch(/^reindexed \d+ services; 1 of 1 feeds changed; 0 problems$/);
      const imported = live.view.services.filter((s) => s.source === "ORUK feed county");
      expect(imported.map((s) => s.name).sort()).toEqual(["Test befriending one", "Test befriending two"]);
      expect((await engine.search(find("Test befriending two", ["social-isolation"]))).map((h) => h.service.name)).toContain("Test befriending two");
      expect((await run()).summary).toMatch(/^unchanged; 0 of 1 feeds changed; 0 problems$/);
    });

    it("keeps a broken feed's last good copy, and says which feed and why", async () => {
      writeFileSync(feedFile, page([orukService("one")]));
      const { live, run } = await setUp([{ name: "county", source: feedFile }]);
      await run();
      writeFileSync(feedFile, "{ this is not json");
      clock.advance(60_000);
      expect((await run()).summary).toMatch(/1 problems$/);
      expect(live.view.services.filter((s) => s.source === "ORUK feed county")).toHaveLength(1);
      expect((await alerts()).at(-1)).toMatch(/The ORUK feed "county" was not imported; its last good copy stays\./);
    });
  });
});
