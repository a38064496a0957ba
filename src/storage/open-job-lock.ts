import type { Kysely } from "kysely";
import type { Database } from "./database-schema.js";
import type { JobLock } from "./job-lock.js";
import { PostgresJobLock } from "./postgres-job-lock.js";
import { SqliteJobLock } from "./sqlite-job-lock.js";
import type { Clock } from "../time/clock.js";

/** One instance at a time: a PostgreSQL advisory lock, or SQLite's lock row. */
export function openJobLock(store: "sqlite" | "postgres", db: Kysely<Database>, clock: Clock): JobLock {
  return store === "postgres" ? new PostgresJobLock(db) : new SqliteJobLock(db, clock);
}
