import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { type DatabaseSettings, openDatabase } from "../../src/storage/open-database.js";

/** The machine's PostgreSQL (trust auth); each test file gets its own fresh database on it. */
export const postgresAdminUrl = "postgres://postgres@127.0.0.1:5432/test";

export interface TestDatabase {
  readonly name: "sqlite" | "postgres";
  readonly settings: DatabaseSettings;
  /** Drops what was created (the PostgreSQL database; the SQLite file is in a temp folder). */
  drop(): Promise<void>;
}

export function sqliteDatabase(): TestDatabase {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "signpost-sqlite-")), "signpost.db");
  return { name: "sqlite", settings: { kind: "sqlite", file }, drop: () => Promise.resolve() };
}

export async function postgresDatabase(): Promise<TestDatabase> {
  const name = `signpost_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: postgresAdminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    name: "postgres",
    settings: { kind: "postgres", url: `postgres://postgres@127.0.0.1:5432/${name}` },
    async drop() {
      const client = new pg.Client({ connectionString: postgresAdminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export { openDatabase };
