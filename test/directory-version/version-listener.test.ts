import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import type { DirectoryVersion } from "../../src/directory-version/directory-versions.js";
import { KyselyDirectoryVersions } from "../../src/directory-version/kysely-directory-versions.js";
import { VersionListener } from "../../src/directory-version/version-listener.js";
import { migrateToLatest } from "../../src/storage/migrate.js";
import { openDatabase, postgresDatabase } from "../support/databases.js";
import { memoryLogger } from "../support/memory-logger.js";
import { waitFor } from "../support/run-process.js";

const version = (fingerprint: string, madeAt: string): DirectoryVersion => ({ fingerprint, services: 118, madeAt, madeBy: "signpost-a", reason: "refresh" });

describe("directory versions on PostgreSQL: listening", () => {
  it("tells a listening instance once a version is committed, and again after its connection was lost", async () => {
    const database = await postgresDatabase();
    const db = openDatabase(database.settings);
    const { logger, lines } = memoryLogger();
    const heard: string[] = [];
    let listening = 0;
    const url = database.settings.kind === "postgres" ? database.settings.url : "";
    const listener = new VersionListener({ url, onNotice: (fingerprint) => heard.push(fingerprint), onListening: () => listening++, logger, retryMs: 50 });
    try {
      await migrateToLatest(db);
      const versions = new KyselyDirectoryVersions(db, "postgres");
      listener.start();
      await waitFor(() => Promise.resolve(listening === 1 || undefined));
      await versions.record(version("c".repeat(64), "2026-12-04T11:00:00.000Z"));
      await waitFor(() => Promise.resolve(heard.length === 1 || undefined));
      expect(heard).toEqual(["c".repeat(64)]);

      // The database drops the listening connection (a restart, a failover): it connects and listens again,
      // and says so once.
      const { rows } = await sql<{ done: boolean }>`select pg_terminate_backend(pid) as done from pg_stat_activity where datname = current_database() and query like 'LISTEN%'`.execute(db);
      expect(rows).toEqual([{ done: true }]);
      await waitFor(() => Promise.resolve(listening === 2 || undefined));
      expect(lines().filter((line) => line.msg === "lost the database connection that listens for directory versions; reconnecting")).toHaveLength(1);
      await versions.record(version("d".repeat(64), "2026-12-04T11:15:00.000Z"));
      await waitFor(() => Promise.resolve(heard.length === 2 || undefined));
      expect(heard).toEqual(["c".repeat(64), "d".repeat(64)]);
    } finally {
      await listener.stop();
      await db.destroy();
      await database.drop();
    }
    expect(listener.listening).toBe(false);
  });
});
