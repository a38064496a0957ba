import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KyselyDirectoryVersions } from "../../src/directory-version/kysely-directory-versions.js";
import { VersionIndexBuilds } from "../../src/directory-version/version-index-builds.js";
import { openJobLock } from "../../src/storage/open-job-lock.js";
import { migrateToLatest } from "../../src/storage/migrate.js";
import { systemClock } from "../../src/time/clock.js";
import { openDatabase, sqliteDatabase } from "../support/databases.js";

const db = openDatabase(sqliteDatabase().settings);
const versions = new KyselyDirectoryVersions(db, "sqlite");
beforeAll(async () => {
  await migrateToLatest(db);
  await versions.record({ fingerprint: "a".repeat(64), services: 118, madeAt: "2026-12-04T10:00:00.000Z", madeBy: "signpost-a", reason: "start-up" });
});
afterAll(async () => {
  await db.destroy();
});

/** Two instances' rules over one lock table, as two servers on one database have. */
const instanceA = new VersionIndexBuilds(versions, openJobLock("sqlite", db, systemClock), { pollMs: 10 });
const instanceB = new VersionIndexBuilds(versions, openJobLock("sqlite", db, systemClock), { pollMs: 10 });

describe("building the shared search index", () => {
  it("builds one at a time across instances: the second waits for the first to finish", async () => {
    const events: string[] = [];
    const build = (name: string) => async () => {
      events.push(`${name} starts`);
      await new Promise((resolve) => setImmediate(resolve));
      events.push(`${name} ends`);
    };
    expect(await Promise.all([instanceA.run("a".repeat(64), build("a")), instanceB.run("a".repeat(64), build("b"))])).toEqual([true, true]);
    expect(events).toHaveLength(4);
    expect(events[1]).toBe(`${events[0]!.split(" ")[0]} ends`);
  });

  it("builds only the shared version, or the one this instance is publishing", async () => {
    let built = 0;
    const build = () => Promise.resolve(void built++);
    expect(await instanceB.run("c".repeat(64), build)).toBe(false);
    await instanceA.whilePublishing("c".repeat(64), async () => {
      expect(await instanceA.run("c".repeat(64), build)).toBe(true);
      expect(await instanceB.run("c".repeat(64), build)).toBe(false); // B is not publishing it
    });
    expect(await instanceA.run("c".repeat(64), build)).toBe(false); // published or not, it is not recorded
    expect(built).toBe(1);
  });

  it("gives up with a SearchError when another holds the lock too long", async () => {
    const slow = new VersionIndexBuilds(versions, openJobLock("sqlite", db, systemClock), { pollMs: 5, waitMs: 50 });
    let release: () => void = () => undefined;
    let started: () => void = () => undefined;
    const building = new Promise<void>((resolve) => (started = resolve));
    const holding = instanceA.run("a".repeat(64), () => {
      started();
      return new Promise<void>((resolve) => (release = resolve));
    });
    await building;
    await expect(slow.run("a".repeat(64), () => Promise.resolve())).rejects.toThrow(/^another instance has been building the shared search index for over/);
    release();
    expect(await holding).toBe(true);
  });
});
