import { describe, expect, it } from "vitest";
import type { DirectoryVersion } from "../../src/directory-version/directory-versions.js";
import { KyselyDirectoryVersions } from "../../src/directory-version/kysely-directory-versions.js";
import { StorageError } from "../../src/errors/storage-error.js";
import { migrateToLatest } from "../../src/storage/migrate.js";
import { bothDatabases, openDatabase, postgresDatabase, useMigratedDatabase } from "../support/databases.js";

const version = (fingerprint: string, madeAt: string): DirectoryVersion => ({ fingerprint, services: 118, madeAt, madeBy: "signpost-a", reason: "refresh" });

describe.each(bothDatabases)("directory versions on %s", (name, makeDatabase) => {
  const context = useMigratedDatabase(makeDatabase);

  it("has none until one is recorded, then the latest recorded is the shared one", async () => {
    const versions = new KyselyDirectoryVersions(context.db, name);
    expect(await versions.current()).toBeUndefined();
    await versions.record(version("a".repeat(64), "2026-12-04T10:00:00.000Z"));
    await versions.record(version("b".repeat(64), "2026-12-04T10:15:00.000Z"));
    expect(await versions.current()).toEqual(version("b".repeat(64), "2026-12-04T10:15:00.000Z"));
    // Every version stays, with when and by whom: the table is its own history.
    expect(await context.db.selectFrom("directory_versions").select(["fingerprint", "made_by"]).orderBy("id").execute()).toEqual([
      { fingerprint: "a".repeat(64), made_by: "signpost-a" },
      { fingerprint: "b".repeat(64), made_by: "signpost-a" },
    ]);
  });
});

describe("directory versions when the database is away", () => {
  it("says so with a StorageError, reading or recording", async () => {
    const database = await postgresDatabase();
    const db = openDatabase(database.settings);
    await migrateToLatest(db);
    await db.destroy();
    await database.drop();
    const gone = openDatabase(database.settings);
    try {
      const versions = new KyselyDirectoryVersions(gone, "postgres");
      await expect(versions.current()).rejects.toThrow(StorageError);
      await expect(versions.record(version("e".repeat(64), "2026-12-04T12:00:00.000Z"))).rejects.toThrow(StorageError);
    } finally {
      await gone.destroy();
    }
  });
});
