import type { Kysely } from "kysely";
import type { SlackState } from "../../../../src/channels/slack/create-slack-app.js";
import { KyselyPendingForms } from "../../../../src/channels/slack/pending-forms.js";
import { KyselySeenRequests } from "../../../../src/channels/slack/seen-requests.js";
import type { Database } from "../../../../src/storage/database-schema.js";
import { migrateToLatest } from "../../../../src/storage/migrate.js";
import { type Clock, systemClock } from "../../../../src/time/clock.js";
import { openDatabase, sqliteDatabase } from "../../../support/databases.js";

/** The Slack channel's shared state on a database, as main() makes it. */
export function slackState(db: Kysely<Database>, clock: Clock = systemClock): SlackState {
  return { seen: new KyselySeenRequests(db, clock), pendingForms: new KyselyPendingForms(db, clock) };
}

/** The same on a fresh SQLite file, for a test that has no database of its own; close it with `db.destroy()`. */
export async function slackStateOnSqlite(): Promise<{ state: SlackState; db: Kysely<Database> }> {
  const db = openDatabase(sqliteDatabase().settings);
  await migrateToLatest(db);
  return { state: slackState(db), db };
}
