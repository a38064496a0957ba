import { mkdirSync } from "node:fs";
import path from "node:path";
import SqliteDatabase from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { Database } from "./database-schema.js";

export type DatabaseSettings = { readonly kind: "sqlite"; readonly file: string } | { readonly kind: "postgres"; readonly url: string };

/**
 * Opens the referral database. SQLite (the embedded default, one instance):
 * WAL for readers alongside the writer, synchronous=FULL so a committed
 * referral survives a power cut, and foreign keys on. PostgreSQL: a small pool,
 * for teams that run more than one instance. `onIdleError` hears about idle
 * PostgreSQL connections that drop (the composition root logs them).
 */
export function openDatabase(settings: DatabaseSettings, onIdleError: (error: Error) => void = () => undefined): Kysely<Database> {
  if (settings.kind === "sqlite") {
    if (settings.file !== ":memory:") mkdirSync(path.dirname(settings.file), { recursive: true });
    const sqlite = new SqliteDatabase(settings.file);
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = FULL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
    return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  }
  const pool = new pg.Pool({ connectionString: settings.url, max: 10 });
  // A connection dropped while idle (a database restart, a failover) is an "error" event
  // on the pool, which would crash the process unhandled. The pool discards that client and
  // the next query opens a new one; queries that fail surface as StorageError.
  pool.on("error", onIdleError);
  // One dropped while lent out but between queries (a job's lock, held on a pinned connection
  // while the job runs; a transaction) is an "error" event on the client itself, which the pool
  // no longer listens to: unhandled, it would crash the process. Its next query fails instead.
  pool.on("connect", (client) => client.on("error", onIdleError));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
