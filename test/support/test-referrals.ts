import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Directory } from "../../src/directory/directory.js";
import { noRoleAssignments } from "../../src/identity/roles.js";
import { InboxNotifier } from "../../src/notifications/inbox-notifier.js";
import { InboxStore } from "../../src/notifications/inbox-store.js";
import { OutboxSender } from "../../src/notifications/outbox-sender.js";
import { KyselyReferralStore } from "../../src/referrals/kysely-referral-store.js";
import { ReferralDesk } from "../../src/referrals/referral-desk.js";
import { notificationPlan } from "../../src/referrals/referral-notifications.js";
import { migrateToLatest } from "../../src/storage/migrate.js";
import { type DatabaseSettings, openDatabase } from "../../src/storage/open-database.js";
import type { Clock } from "../../src/time/clock.js";
import { memoryLogger } from "./memory-logger.js";

export const triageUserId = "web:u-triage";

/**
 * A real referral desk on a fresh SQLite file (or on the database given, which another
 * instance may share), with its inbox and a sender to deliver notifications.
 */
export async function testReferrals(directory: Directory, clock: Clock, database?: DatabaseSettings) {
  const db = openDatabase(database ?? { kind: "sqlite", file: path.join(mkdtempSync(path.join(tmpdir(), "signpost-referrals-")), "signpost.db") });
  await migrateToLatest(db);
  const inbox = new InboxStore(db, clock);
  const plan = notificationPlan({ triage: { notifier: "inbox", destination: { conversationId: "first-contact-triage" } }, notifierFor: () => "inbox", webhook: false }, directory);
  const referrals = new ReferralDesk(new KyselyReferralStore(db, clock), plan, { roles: { ...noRoleAssignments, triage: new Set([triageUserId]) }, userTeams: new Map([["web:u-flow", "team-north"], ["web:u-teammate", "team-north"]]) }, clock, directory);
  const sender = new OutboxSender(db, [new InboxNotifier(inbox)], clock, memoryLogger().logger);
  return { referrals, inbox, sender, db };
}
