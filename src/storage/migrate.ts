import { type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";
import { StorageError } from "../errors/storage-error.js";
import type { Database } from "./database-schema.js";
import { migration001 } from "./migrations/001-referrals.js";
import { migration002 } from "./migrations/002-teams-conversations.js";
import { migration003 } from "./migrations/003-jobs.js";
import { migration004 } from "./migrations/004-identity.js";
import { migration005 } from "./migrations/005-directory-reviews.js";
import { migration006 } from "./migrations/006-feedback-reports.js";
import { migration007 } from "./migrations/007-channel-state.js";
import { migration008 } from "./migrations/008-directory-versions.js";
import { migration009 } from "./migrations/009-answer-verdicts.js";
import { migration010 } from "./migrations/010-referrer-name-given.js";

/** Every migration, in order. Never edit one that has shipped: add the next. */
export const migrations: Readonly<Record<string, Migration>> = {
  "001-referrals": migration001,
  "002-teams-conversations": migration002,
  "003-jobs": migration003,
  "004-identity": migration004,
  "005-directory-reviews": migration005,
  "006-feedback-reports": migration006,
  "007-channel-state": migration007,
  "008-directory-versions": migration008,
  "009-answer-verdicts": migration009,
  "010-referrer-name-given": migration010,
};

const provider: MigrationProvider = { getMigrations: () => Promise.resolve({ ...migrations }) };

/** Brings the database up to the latest schema; run at every start-up. Returns what it applied. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) throw new StorageError("could not migrate the database", { cause: error });
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
