/**
 * The Slack channel as it runs: the real core (real directory, intents, and a
 * referral desk, conversations and the channel's shared state on a fresh SQLite
 * file, or on a database a test gives, which a second harness, a second
 * instance, may share), the real Bolt app with its HTTP
 * receiver mounted on a Hono server on 127.0.0.1 (a free port), and its Web API
 * client pointed at the recording server. The desk's plan is the production
 * one with Slack as the channel's and the triage team's notifier, so status
 * changes travel through the real outbox to chat.postMessage.
 */
import { Hono } from "hono";
import { createSlackApp } from "../../../../src/channels/slack/create-slack-app.js";
import { SlackNotifier } from "../../../../src/channels/slack/slack-notifier.js";
import type { SlackSettings } from "../../../../src/channels/slack/slack-settings.js";
import { createBot } from "../../../../src/conversation/create-bot.js";
import { KyselyConversationStore } from "../../../../src/conversation/kysely-conversation-store.js";
import { KyselyAnswerVerdictStore } from "../../../../src/feedback/kysely-answer-verdict-store.js";
import { KyselyFeedbackStore } from "../../../../src/feedback/kysely-feedback-store.js";
import { startHttpServer } from "../../../../src/http/start-http-server.js";
import { InboxNotifier } from "../../../../src/notifications/inbox-notifier.js";
import { InboxStore } from "../../../../src/notifications/inbox-store.js";
import { OutboxSender } from "../../../../src/notifications/outbox-sender.js";
import { KyselyReferralStore } from "../../../../src/referrals/kysely-referral-store.js";
import { ReferralDesk } from "../../../../src/referrals/referral-desk.js";
import { notificationPlan } from "../../../../src/referrals/referral-notifications.js";
import { realDirectoryAndEngine } from "../../../support/load-real-directory.js";
import { ManualClock } from "../../../support/manual-clock.js";
import { memoryLogger } from "../../../support/memory-logger.js";
import { noRoleAssignments } from "../../../../src/identity/roles.js";
import { slackUserId } from "../../../../src/identity/user-id.js";
import { migrateToLatest } from "../../../../src/storage/migrate.js";
import type { DatabaseSettings } from "../../../../src/storage/open-database.js";
import { openDatabase, sqliteDatabase } from "../../../support/databases.js";
import { slackState } from "./slack-state.js";
import { startSlackApiRecorder } from "./slack-api-recorder.js";
import { sendToSlackEndpoint, type SentRequest } from "./slack-requests.js";

/** Slack's documented example signing secret (signed_request.slash_command.docs.json). */
export const signingSecret = "8f742231b10e8888abcd99yyyzzz85a5";
export const triageChannel = "C0TRIAGE";
/** A Slack user on the triage team, in the workspace of the direct-message fixture (T123ABC456). */
export const triageUserId = "U0TRIAGE";
export const triageWorkspace = "T123ABC456";

export async function startSlackHarness(options: { commandName?: string; now?: () => number; database?: DatabaseSettings } = {}) {
  const core = await realDirectoryAndEngine();
  const clock = new ManualClock();
  const recorder = await startSlackApiRecorder();
  const { logger, lines } = memoryLogger();
  const settings: SlackSettings = { botToken: "xoxb-test-token", signingSecret, commandName: options.commandName ?? "/signpost", apiUrl: recorder.apiUrl };

  const db = openDatabase(options.database ?? sqliteDatabase().settings);
  await migrateToLatest(db);
  const plan = notificationPlan(
    { triage: { notifier: "slack", destination: { conversationId: triageChannel } }, notifierFor: (channel) => (channel === "slack" ? "slack" : "inbox"), webhook: false },
    core.directory,
  );
  const referrals = new ReferralDesk(new KyselyReferralStore(db, clock), plan, { roles: { ...noRoleAssignments, triage: new Set([slackUserId(triageWorkspace, triageUserId)]) }, userTeams: new Map() }, clock, core.directory);
  const sender = new OutboxSender(db, [SlackNotifier.fromSettings(settings, logger), new InboxNotifier(new InboxStore(db, clock))], clock, logger);
  const feedback = new KyselyFeedbackStore(db);
  const verdicts = new KyselyAnswerVerdictStore(db);
  const bot = createBot({ ...core, maxResults: 5, conversations: new KyselyConversationStore(db, clock, 30 * 60 * 1000), feedback, verdicts, clock, referrals });

  let ready = true;
  const slack = createSlackApp({ settings, bot: () => (ready ? bot : undefined), state: slackState(db, clock), logger, ...(options.now ? { now: options.now } : {}) });
  const hono = new Hono();
  slack.mount(hono);
  const server = await startHttpServer(hono, "127.0.0.1", 0);
  await slack.start();
  const baseUrl = `http://127.0.0.1:${server.port}`;

  return {
    recorder,
    bot,
    clock,
    db,
    referrals,
    sender,
    feedback,
    verdicts,
    lines,
    baseUrl,
    /** false: as while Signpost is still indexing the directory (the bot not built yet). */
    setReady(value: boolean) {
      ready = value;
    },
    send: (rawBody: string, contentType: string, headers?: Record<string, string | undefined>, timestamp?: string): Promise<SentRequest> =>
      sendToSlackEndpoint(baseUrl, signingSecret, rawBody, contentType, headers, timestamp),
    async close() {
      await slack.stop();
      await server.close();
      await recorder.close();
      await db.destroy();
    },
  };
}

export type SlackHarness = Awaited<ReturnType<typeof startSlackHarness>>;
