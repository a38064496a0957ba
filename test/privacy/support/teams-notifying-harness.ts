/**
 * The Teams channel as it runs with Teams as its notifier: the real core (real directory, intents,
 * referral desk, conversations, feedback and the channel's private routes on a fresh SQLite file),
 * the botbuilder adapter mounted on Signpost's HTTP app on 127.0.0.1, and the production
 * notification plan with Teams as the triage team's and the channel's notifier, so new referrals
 * and status changes travel through the real outbox and the real TeamsNotifier to the recording
 * Bot Connector. (test/channels/teams/support/teams-harness.ts sends notifications to the inbox.)
 * Authentication is off (no app id), as with the Emulator.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Activity } from "botbuilder";
import { TeamsConversationReferences } from "../../../src/channels/teams/conversation-references.js";
import { mountTeams } from "../../../src/channels/teams/mount-teams.js";
import { KyselyPrivateRoutes } from "../../../src/channels/teams/private-routes.js";
import { TeamsNotifier } from "../../../src/channels/teams/teams-notifier.js";
import type { TeamsSettings } from "../../../src/channels/teams/teams-settings.js";
import { KyselyConversationReferenceStore } from "../../../src/conversation-references/kysely-conversation-reference-store.js";
import { createBot } from "../../../src/conversation/create-bot.js";
import { KyselyConversationStore } from "../../../src/conversation/kysely-conversation-store.js";
import { KyselyFeedbackStore } from "../../../src/feedback/kysely-feedback-store.js";
import { createHttpApp } from "../../../src/http/create-http-app.js";
import { startHttpServer } from "../../../src/http/start-http-server.js";
import { noRoleAssignments } from "../../../src/identity/roles.js";
import { OutboxSender } from "../../../src/notifications/outbox-sender.js";
import { KyselyReferralStore } from "../../../src/referrals/kysely-referral-store.js";
import { ReferralDesk } from "../../../src/referrals/referral-desk.js";
import { notificationPlan } from "../../../src/referrals/referral-notifications.js";
import { migrateToLatest } from "../../../src/storage/migrate.js";
import { openDatabase } from "../../../src/storage/open-database.js";
import { startRecordingConnector } from "../../channels/teams/support/recording-connector.js";
import { botAddedToTeam, fixtureTenants } from "../../channels/teams/support/teams-fixtures.js";
import { realDirectoryAndEngine } from "../../support/load-real-directory.js";
import { ManualClock } from "../../support/manual-clock.js";
import { memoryLogger } from "../../support/memory-logger.js";

/** The triage team's channel: the conversation of the documented "bot added to a team" activity. */
export const teamsTriageConversation = botAddedToTeam("").conversation!.id;

/** Starts the harness; `triageUsers` are the namespaced ids (teams:<tenant>:<object id>) with the triage role. */
export async function startTeamsNotifyingHarness(triageUsers: readonly string[]) {
  const core = await realDirectoryAndEngine();
  const clock = new ManualClock();
  const db = openDatabase({ kind: "sqlite", file: path.join(mkdtempSync(path.join(tmpdir(), "signpost-teams-payloads-")), "signpost.db") });
  await migrateToLatest(db);
  const references = new TeamsConversationReferences(new KyselyConversationReferenceStore(db, clock));
  const connector = await startRecordingConnector();
  const { logger, lines } = memoryLogger();
  const settings: TeamsSettings = { appType: "SingleTenant", allowedTenantIds: new Set(fixtureTenants) };
  const plan = notificationPlan({ triage: { notifier: "teams", destination: { conversationId: teamsTriageConversation } }, notifierFor: () => "teams", webhook: false }, core.directory);
  const referrals = new ReferralDesk(new KyselyReferralStore(db, clock), plan, { roles: { ...noRoleAssignments, triage: new Set(triageUsers) }, userTeams: new Map() }, clock, core.directory);
  const sender = new OutboxSender(db, [TeamsNotifier.fromSettings(settings, references, logger)], clock, logger);
  const bot = createBot({ ...core, maxResults: 5, conversations: new KyselyConversationStore(db, clock, 30 * 60 * 1000), feedback: new KyselyFeedbackStore(db), clock, referrals });
  let ready = true;
  const app = createHttpApp({ core: () => undefined, logger });
  mountTeams(app, { settings, bot: () => (ready ? bot : undefined), references: () => references, routes: new KyselyPrivateRoutes(db, clock, 30 * 60 * 1000), logger });
  const server = await startHttpServer(app, "127.0.0.1", 0);
  const messagesUrl = `http://127.0.0.1:${server.port}/api/messages`;

  return {
    clock,
    db,
    sender,
    connector,
    serviceUrl: connector.url,
    logs: lines,
    /** false: as while Signpost is still indexing the directory (the bot not built yet). */
    setReady(value: boolean) {
      ready = value;
    },
    /** POSTs an activity as the Bot Connector would; resolves once the bot has finished its turn, with the HTTP answer. */
    async post(activity: Partial<Activity>): Promise<{ status: number; text: string }> {
      const response = await fetch(messagesUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity) });
      return { status: response.status, text: await response.text() };
    },
    async close(): Promise<void> {
      await server.close();
      await connector.close();
      await db.destroy();
    },
  };
}

export type TeamsNotifyingHarness = Awaited<ReturnType<typeof startTeamsNotifyingHarness>>;
