import type { Kysely } from "kysely";
import type { Logger } from "../logging/create-logger.js";
import type { Database } from "./database-schema.js";
import { migrateToLatest } from "./migrate.js";
import { type DatabaseSettings, openDatabase } from "./open-database.js";

/**
 * Opens the database Signpost keeps everything in (SQLite, or the PostgreSQL
 * every instance shares) and brings it to the latest schema. Idle PostgreSQL
 * connections that drop are logged, not fatal.
 */
export async function openMigratedDatabase(settings: DatabaseSettings, logger: Logger): Promise<Kysely<Database>> {
  const db = openDatabase(settings, (error) => logger.warn({ err: error }, "an idle database connection dropped"));
  try {
    const applied = await migrateToLatest(db);
    if (applied.length > 0) logger.info({ migrations: applied, store: settings.kind }, "database migrated");
    return db;
  } catch (error) {
    await db.destroy();
    throw error;
  }
}
