import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { KyselyReferralStore } from "../../src/referrals/kysely-referral-store.js";
import type { Database } from "../../src/storage/database-schema.js";
import { migrateToLatest } from "../../src/storage/migrate.js";
import type { Clock } from "../../src/time/clock.js";
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

/** A fresh PostgreSQL database, migrated, for several instances (harnesses or processes) to share. */
export async function migratedPostgresDatabase(): Promise<TestDatabase> {
  const database = await postgresDatabase();
  const db = openDatabase(database.settings);
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
  return database;
}

/**
 * Inside a describe: two instances of something (`start` makes one on a database), both on
 * one fresh migrated PostgreSQL database, started before the tests and closed after them,
 * with the database dropped. Read `a` and `b` inside tests (they are set in beforeAll).
 */
export function useTwoInstances<T extends { close(): Promise<void> }>(start: (database: DatabaseSettings) => Promise<T>) {
  const context = {} as { a: T; b: T };
  let database: TestDatabase;
  beforeAll(async () => {
    database = await migratedPostgresDatabase();
    [context.a, context.b] = await Promise.all([start(database.settings), start(database.settings)]);
  });
  afterAll(async () => {
    await Promise.all([context.a.close(), context.b.close()]);
    await database.drop();
  });
  return context;
}

/** Runs `work` with a second connection pool to the database, as a second instance would have; closes it after. */
export async function withSecondConnection<T>(settings: DatabaseSettings, work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  const db = openDatabase(settings);
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

/** Both real databases, for `describe.each`: the same tests run on each. */
export const bothDatabases = [
  ["sqlite", () => Promise.resolve(sqliteDatabase())],
  ["postgres", postgresDatabase],
] as const;

/**
 * Inside a describe: a fresh database of the given kind, migrated before the tests and dropped
 * after them. `settings` lets a test open a second connection to it, as a second instance would.
 */
export function useMigratedDatabase(makeDatabase: () => Promise<TestDatabase>) {
  const context = {} as { db: Kysely<Database>; settings: DatabaseSettings };
  let database: TestDatabase;
  beforeAll(async () => {
    database = await makeDatabase();
    context.settings = database.settings;
    context.db = openDatabase(database.settings);
    await migrateToLatest(context.db);
  });
  afterAll(async () => {
    await context.db.destroy();
    await database.drop();
  });
  return context;
}

/**
 * Inside a describe: a fresh database of the given kind, migrated before the
 * tests and dropped after them, with a referral store on it. Read the fields
 * inside tests (they are set in beforeAll).
 */
export function useReferralDatabase(makeDatabase: () => Promise<TestDatabase>, clock: Clock) {
  const context = {} as { db: Kysely<Database>; store: KyselyReferralStore; migrated: string[] };
  let database: TestDatabase;
  beforeAll(async () => {
    database = await makeDatabase();
    context.db = openDatabase(database.settings);
    context.migrated = await migrateToLatest(context.db);
    context.store = new KyselyReferralStore(context.db, clock);
  });
  afterAll(async () => {
    await context.store.close();
    await database.drop();
  });
  return context;
}
