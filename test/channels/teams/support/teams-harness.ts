/**
 * Signpost's HTTP app with Teams mounted, on 127.0.0.1 and a free port, on the
 * real conversation core (the real directory and intents, and the referral desk,
 * conversations and private routes on a fresh SQLite file, or on a database a
 * test gives, which a second harness, a second instance, may share) and a
 * recording Bot Connector. Authentication is off (no
 * app id), as with the Emulator; tenants are allowlisted as a test asks.
 */
import type { Activity } from "botbuilder";
import type { Bot } from "../../../../src/conversation/bot.js";
import type { IncomingMessage } from "../../../../src/conversation/incoming-message.js";
import { createBot } from "../../../../src/conversation/create-bot.js";
import { KyselyConversationStore } from "../../../../src/conversation/kysely-conversation-store.js";
import { TeamsConversationReferences } from "../../../../src/channels/teams/conversation-references.js";
import { KyselyConversationReferenceStore } from "../../../../src/conversation-references/kysely-conversation-reference-store.js";
import { mountTeams, type TeamsChannel } from "../../../../src/channels/teams/mount-teams.js";
import { KyselyPrivateRoutes } from "../../../../src/channels/teams/private-routes.js";
import type { DatabaseSettings } from "../../../../src/storage/open-database.js";
import type { TeamsSettings } from "../../../../src/channels/teams/teams-settings.js";
import { createHttpApp } from "../../../../src/http/create-http-app.js";
import { startHttpServer } from "../../../../src/http/start-http-server.js";
import { recordingFeedback } from "../../../support/recording-feedback.js";
import { realDirectoryAndEngine } from "../../../support/load-real-directory.js";
import { ManualClock } from "../../../support/manual-clock.js";
import { memoryLogger } from "../../../support/memory-logger.js";
import { testReferrals } from "../../../support/test-referrals.js";
import { fixtureTenants } from "./teams-fixtures.js";
import { startRecordingConnector } from "./recording-connector.js";

export interface HarnessOptions {
  /** Another Bot in place of the real core (for a core that fails). */
  readonly bot?: Bot;
  readonly settings?: Partial<TeamsSettings>;
  /** False: the bot is not built yet (Signpost still starting). */
  readonly botReady?: boolean;
  /** A database to keep everything in (migrated already), shared with another harness; default a fresh SQLite file. */
  readonly database?: DatabaseSettings;
}

export async function startTeamsHarness(options: HarnessOptions = {}) {
  const core = await realDirectoryAndEngine();
  const clock = new ManualClock();
  const { referrals, db, sender, inbox } = await testReferrals(core.directory, clock, options.database);
  const { feedback, reports } = recordingFeedback();
  const coreBot = options.bot ?? createBot({ ...core, maxResults: 5, conversations: new KyselyConversationStore(db, clock, 30 * 60 * 1000), feedback, clock, referrals });
  // What the core was handed, to check the channel's translation (the core itself is unchanged).
  const seen: IncomingMessage[] = [];
  const bot: Bot = {
    handle: (message) => {
      seen.push(message);
      return coreBot.handle(message);
    },
  };
  const references = new TeamsConversationReferences(new KyselyConversationReferenceStore(db, clock));
  const connector = await startRecordingConnector();
  const { logger, lines } = memoryLogger();
  const app = createHttpApp({ core: () => undefined, logger });
  const settings: TeamsSettings = { appType: "SingleTenant", allowedTenantIds: new Set(fixtureTenants), ...options.settings };
  const teams: TeamsChannel = mountTeams(app, { settings, bot: () => (options.botReady === false ? undefined : bot), references: () => references, routes: new KyselyPrivateRoutes(db, clock, 30 * 60 * 1000), logger });
  const server = await startHttpServer(app, "127.0.0.1", 0);
  const url = `http://127.0.0.1:${server.port}/api/messages`;

  return {
    core,
    clock,
    referrals,
    db,
    sender,
    inbox,
    reports,
    seen,
    references,
    connector,
    teams,
    logs: lines,
    serviceUrl: connector.url,
    messagesUrl: url,
    /** POSTs an activity as the Bot Connector would; resolves once the bot has finished its turn. */
    async post(activity: Partial<Activity>, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
      const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(activity) });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
    },
    async close(): Promise<void> {
      await server.close();
      await connector.close();
      await db.destroy();
    },
  };
}

export type TeamsHarness = Awaited<ReturnType<typeof startTeamsHarness>>;
