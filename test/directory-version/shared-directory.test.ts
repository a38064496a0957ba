import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LiveDirectory } from "../../src/directory/live-directory.js";
import { loadDirectory } from "../../src/directory/load-directory.js";
import { KyselyDirectoryVersions } from "../../src/directory-version/kysely-directory-versions.js";
import { SharedDirectory } from "../../src/directory-version/shared-directory.js";
import { CompactTextIndex } from "../../src/search/compact-text-index.js";
import { EmbeddedSearchEngine } from "../../src/search/embedded-search-engine.js";
import { migrateToLatest } from "../../src/storage/migrate.js";
import { openDatabase, sqliteDatabase } from "../support/databases.js";
import { copyDirectory } from "../support/directory-copy.js";
import { ManualClock } from "../support/manual-clock.js";
import { memoryLogger } from "../support/memory-logger.js";

const db = openDatabase(sqliteDatabase().settings);
const versions = new KyselyDirectoryVersions(db, "sqlite");
const clock = new ManualClock(new Date("2026-12-04T10:00:00Z"));
beforeAll(async () => {
  await migrateToLatest(db);
});
afterAll(async () => {
  await db.destroy();
});

const wreake = "services/vcs/wreake-valley-good-neighbours.yaml";
const versionRows = async () => (await db.selectFrom("directory_versions").select(["fingerprint", "made_by", "reason"]).orderBy("id").execute()).map((row) => `${row.fingerprint.slice(0, 12)} ${row.made_by} ${row.reason}`);

/** One instance: its own live directory and engine over a folder, sharing the version table. */
async function instance(name: string, directoryDir: string) {
  const { logger, lines } = memoryLogger();
  const live = new LiveDirectory(await loadDirectory(directoryDir));
  const engine = new EmbeddedSearchEngine(() => new CompactTextIndex());
  await engine.index(live.view);
  const shared = new SharedDirectory({ versions, live, engine, directoryDir, instance: name, clock, logger });
  return { live, engine, shared, lines };
}

describe("the shared directory version", () => {
  it("is recorded at start-up only when it is new, taken up by another instance from the same folder, and found there", async () => {
    await db.deleteFrom("directory_versions").execute();
    const folder = copyDirectory();
    const a = await instance("signpost-a", folder.dir);
    const b = await instance("signpost-b", folder.dir);
    await a.shared.adopt();
    await b.shared.adopt(); // the same files: nothing new to record
    const first = a.live.fingerprint.slice(0, 12);
    expect(await versionRows()).toEqual([`${first} signpost-a start-up`]);

    folder.edit(wreake, (text) => text.replace("for a chat", "for a chat and a game of dominoes"));
    const next = await loadDirectory(folder.dir);
    await a.shared.publish(next, "refresh", async () => {
      await a.engine.index(next);
      a.live.replace(next);
    });
    expect(await versionRows()).toEqual([`${first} signpost-a start-up`, `${next.fingerprint.slice(0, 12)} signpost-a refresh`]);

    expect(b.live.fingerprint.slice(0, 12)).toBe(first);
    await b.shared.check();
    expect(b.live.fingerprint).toBe(next.fingerprint);
    expect(b.shared.status()).toEqual({ shared: expect.objectContaining({ fingerprint: next.fingerprint, madeBy: "signpost-a" }) as unknown });
    const hits = await b.engine.search({ text: "dominoes", needs: [], areas: [], age: null, limit: 5 });
    expect(hits[0]?.service.id).toBe("wreake-valley-befriending");
    expect(b.lines().find((line) => line.msg === "took up the shared directory version")).toMatchObject({ from: first, to: next.fingerprint.slice(0, 12), madeBy: "signpost-a" });
  });

  it("keeps the last good directory when its folder holds other files, says why once, and takes the version up once it can", async () => {
    await db.deleteFrom("directory_versions").execute();
    const shared = copyDirectory();
    const own = copyDirectory(); // not on shared storage
    const a = await instance("signpost-a", shared.dir);
    const b = await instance("signpost-b", own.dir);
    await a.shared.adopt();
    shared.edit(wreake, (text) => text.replace("for a chat", "for a chat and a game of dominoes"));
    const next = await loadDirectory(shared.dir);
    await a.shared.publish(next, "refresh", async () => {
      await a.engine.index(next);
      a.live.replace(next);
    });

    const before = b.live.fingerprint;
    await b.shared.check();
    await b.shared.check(); // the periodic look tries again: still the same problem, said once
    expect(b.live.fingerprint).toBe(before);
    expect(b.shared.status().problem).toMatch(/^could not take up the shared directory version [0-9a-f]{12}, so this instance answers from [0-9a-f]{12}: directory\/ here holds version [0-9a-f]{12}, not the shared [0-9a-f]{12}; is DIRECTORY_DIR on storage every instance shares\?$/);
    expect(b.lines().filter((line) => line.msg === "could not take up the shared directory version; answering from the last good one")).toHaveLength(1);

    own.edit(wreake, (text) => text.replace("for a chat", "for a chat and a game of dominoes"));
    await b.shared.check();
    expect(b.live.fingerprint).toBe(next.fingerprint);
    expect(b.shared.status().problem).toBeUndefined();
  });

  it("folds looks asked for while one runs into one more", async () => {
    await db.deleteFrom("directory_versions").execute();
    const folder = copyDirectory();
    const a = await instance("signpost-a", folder.dir);
    await a.shared.adopt();
    let reads = 0;
    const counting = new SharedDirectory({
      versions: { current: () => (reads++, versions.current()), record: (v) => versions.record(v) },
      live: a.live,
      engine: a.engine,
      directoryDir: folder.dir,
      instance: "signpost-c",
      clock,
      logger: memoryLogger().logger,
    });
    await Promise.all([counting.check(), counting.check(), counting.check(), counting.check()]);
    expect(reads).toBe(2);
  });
});
