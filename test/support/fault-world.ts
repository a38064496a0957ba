import { SlackNotifier } from "../../src/channels/slack/slack-notifier.js";
import { createBot } from "../../src/conversation/create-bot.js";
import { KyselyConversationStore } from "../../src/conversation/kysely-conversation-store.js";
import { NotificationError } from "../../src/errors/notification-error.js";
import { SearchError } from "../../src/errors/search-error.js";
import { StorageError } from "../../src/errors/storage-error.js";
import { KyselyAnswerVerdictStore } from "../../src/feedback/kysely-answer-verdict-store.js";
import { KyselyFeedbackStore } from "../../src/feedback/kysely-feedback-store.js";
import { noRoleAssignments } from "../../src/identity/roles.js";
import { InboxNotifier } from "../../src/notifications/inbox-notifier.js";
import { InboxStore } from "../../src/notifications/inbox-store.js";
import { OutboxSender } from "../../src/notifications/outbox-sender.js";
import { KyselyReferralStore } from "../../src/referrals/kysely-referral-store.js";
import { ReferralDesk } from "../../src/referrals/referral-desk.js";
import { notificationPlan } from "../../src/referrals/referral-notifications.js";
import { migrateToLatest } from "../../src/storage/migrate.js";
import { startSlackApiRecorder } from "../channels/slack/support/slack-api-recorder.js";
import { openDatabase, type TestDatabase } from "./databases.js";
import { diskWriteError, FaultSwitch, faultyWrites, withFaults } from "./fault-injection.js";
import { realDirectoryAndEngine } from "./load-real-directory.js";
import { ManualClock } from "./manual-clock.js";
import { memoryLogger } from "./memory-logger.js";

export const triageUser = "web:u-triage";
export const triageChannel = "C0TRIAGE";

/** The ports faults are injected into, each with the failure its real implementation would give. */
export function faultSwitches() {
  return {
    /** Every INSERT, UPDATE and DELETE on the database: referrals, audit, outbox, conversations, inbox. */
    "store write": new FaultSwitch(diskWriteError),
    /** The ReferralStore port itself (create, find, list, changeStatus), failing as its contract says: a StorageError. */
    "referral store": new FaultSwitch((n) => new StorageError("a referral query failed", { cause: new Error(`SQLITE_BUSY: database is locked (injected fault at referral store call ${n})`) })),
    /** The outbox's sends to a web conversation's inbox (status pushes). */
    "outbox send": new FaultSwitch((n) => new NotificationError(`inbox notifier: SQLITE_FULL (injected fault at send ${n})`)),
    /** The SearchEngine port, failing as Meilisearch does when it is away. */
    search: new FaultSwitch((n) => new SearchError("Meilisearch did not answer a search", { cause: new Error(`connect ECONNREFUSED 127.0.0.1:7700 (injected fault at search ${n})`) })),
    /** Slack's Web API (chat.postMessage to the triage channel), answering Slack's own error. */
    "platform call": new FaultSwitch((n) => new Error(`fatal_error (injected fault at Slack call ${n})`)),
  };
}

export type FaultKind = keyof ReturnType<typeof faultSwitches>;

/**
 * The real bot as src/create-signpost.ts builds it (conversations, referrals, feedback and the
 * outbox in one database; the triage team told in Slack, the web referrer through its inbox),
 * on the real directory, with a fault switch in front of each port.
 */
export async function faultWorld(database: TestDatabase) {
  const core = await realDirectoryAndEngine();
  const clock = new ManualClock();
  const faults = faultSwitches();
  const raw = openDatabase(database.settings);
  await migrateToLatest(raw);
  const db = raw.withPlugin(faultyWrites(faults["store write"]));
  const plan = notificationPlan(
    { triage: { notifier: "slack", destination: { conversationId: triageChannel } }, notifierFor: (channel) => (channel === "web" || channel === "terminal" ? "inbox" : channel), webhook: false },
    core.directory,
  );
  const store = withFaults(new KyselyReferralStore(db, clock), ["create", "find", "list", "changeStatus"], faults["referral store"]);
  const referrals = new ReferralDesk(store, plan, { roles: { ...noRoleAssignments, triage: new Set([triageUser]) }, userTeams: new Map() }, clock, core.directory);
  const engine = withFaults(core.engine, ["search"], faults.search);
  const bot = createBot({
    directory: core.directory,
    engine,
    understander: core.understander,
    maxResults: 5,
    conversations: new KyselyConversationStore(db, clock, 30 * 60 * 1000),
    feedback: new KyselyFeedbackStore(db),
    verdicts: new KyselyAnswerVerdictStore(db),
    clock,
    referrals,
  });
  const slack = await startSlackApiRecorder();
  /** The texts Slack accepted (a call answered with an error delivered nothing). */
  const slackDelivered: string[] = [];
  slack.respond("chat.postMessage", (call) => {
    try {
      faults["platform call"].hit();
    } catch (error) {
      return { ok: false, error: "fatal_error", detail: (error as Error).message };
    }
    slackDelivered.push(String(call.args.text));
    return { ok: true, channel: call.args.channel, ts: `1700000000.${String(slack.calls.length).padStart(6, "0")}` };
  });
  const inbox = new InboxStore(db, clock);
  const { logger, lines } = memoryLogger();
  const notifiers = [withFaults(new InboxNotifier(inbox), ["send"], faults["outbox send"]), SlackNotifier.fromSettings({ botToken: "xoxb-fault-injection", commandName: "/signpost", apiUrl: slack.apiUrl }, logger)];
  const sender = new OutboxSender(db, notifiers, clock, logger);
  return {
    bot,
    clock,
    faults,
    db: raw,
    kind: database.settings.kind,
    slack,
    slackDelivered,
    inbox,
    sender,
    logLines: lines,
    async close() {
      await slack.close();
      await raw.destroy();
      await database.drop();
    },
  };
}

export type FaultWorld = Awaited<ReturnType<typeof faultWorld>>;
