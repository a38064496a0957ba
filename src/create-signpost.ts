/**
 * Builds Signpost's core from its configuration: the directory and its shared
 * version, the search engine, the trained understanding, the referral desk and
 * its notifiers, the jobs and the conversation bot. main.ts (the composition
 * root) calls it for `npm start`; the ask, chat, job and referrals scripts call
 * it as tools.
 */
import { hostname } from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import { answerQuestion } from "./answer/answer-question.js";
import type { Config, SlackConfig } from "./config/config-schema.js";
import type { Directory } from "./directory/directory.js";
import { DirectorySnapshotFile } from "./directory/directory-snapshot-file.js";
import { LiveDirectory } from "./directory/live-directory.js";
import { loadDirectory } from "./directory/load-directory.js";
import type { SlackSettings } from "./channels/slack/slack-settings.js";
import { type ConversationReferences, TeamsConversationReferences } from "./channels/teams/conversation-references.js";
import { KyselyConversationReferenceStore } from "./conversation-references/kysely-conversation-reference-store.js";
import type { Bot } from "./conversation/bot.js";
import { createBot } from "./conversation/create-bot.js";
import { KyselyConversationStore } from "./conversation/kysely-conversation-store.js";
import { KyselyDirectoryVersions } from "./directory-version/kysely-directory-versions.js";
import { SharedDirectory } from "./directory-version/shared-directory.js";
import { VersionIndexBuilds } from "./directory-version/version-index-builds.js";
import { watchDirectoryVersion } from "./directory-version/watch-directory-version.js";
import { isSignpostError } from "./errors/signpost-error.js";
import { importFeedbackFile } from "./feedback/import-feedback-file.js";
import { KyselyAnswerVerdictStore } from "./feedback/kysely-answer-verdict-store.js";
import { KyselyFeedbackStore } from "./feedback/kysely-feedback-store.js";
import { InboxNotifier } from "./notifications/inbox-notifier.js";
import { InboxStore } from "./notifications/inbox-store.js";
import type { Notifier } from "./notifications/notifier.js";
import { OutboxSender } from "./notifications/outbox-sender.js";
import { WebhookNotifier } from "./notifications/webhook-notifier.js";
import { Insight } from "./insight/insight.js";
import { retiredReferralCounts } from "./referrals/retire-referral.js";
import { KyselyReferralStore } from "./referrals/kysely-referral-store.js";
import { ReferralFactsQuery } from "./referrals/kysely-referral-facts.js";
import { ReferralDesk } from "./referrals/referral-desk.js";
import { notificationPlan } from "./referrals/referral-notifications.js";
import type { Database } from "./storage/database-schema.js";
import { openMigratedDatabase } from "./storage/open-migrated-database.js";
import { pingDatabase } from "./storage/ping-database.js";
import { type HttpCore } from "./http/create-http-app.js";
import { postgresLimitStore } from "./limits/postgres-limit-store.js";
import { RateLimits } from "./limits/rate-limits.js";
import { KyselySessionStore } from "./sessions/kysely-session-store.js";
import { KyselySignInAttempts } from "./sessions/kysely-sign-in-attempts.js";
import { createJobs, type Jobs } from "./jobs/create-jobs.js";
import { JobRuns } from "./jobs/job-runs.js";
import { KyselyNotificationStore } from "./notifications/kysely-notification-store.js";
import { openJobLock } from "./storage/open-job-lock.js";
import { type Logger } from "./logging/create-logger.js";
import { createSearchEngine } from "./search/create-search-engine.js";
import { readOnly } from "./search/index-builds.js";
import type { SearchEngine } from "./search/search-engine.js";
import { systemClock } from "./time/clock.js";
import { KyselyUnmetSearchLog } from "./unmet-searches/kysely-unmet-search-log.js";
import { UnmetSearchRecorder } from "./unmet-searches/unmet-search-recorder.js";
import { IntentModelFile, savedOrTrainedClassifier } from "./understanding/intent-model-file.js";
import { createUnderstander, type Understander } from "./understanding/create-understander.js";
import { loadIntents } from "./understanding/load-intents.js";

export interface Signpost extends HttpCore {
  readonly directory: Directory;
  readonly engine: SearchEngine;
  readonly understander: Understander;
  /** The conversation core every channel calls. */
  readonly bot: Bot;
  readonly referrals: ReferralDesk;
  readonly inbox: InboxStore;
  /** Where Teams conversations can be reached again (for status and private replies). */
  readonly teamsConversations: ConversationReferences;
  /** The scheduled jobs; main() starts their scheduler when JOBS_ENABLED. */
  readonly jobs: Jobs;
  /** Web chat sessions and sign-ins in progress (src/sessions/). */
  readonly sessions: KyselySessionStore;
  readonly signInAttempts: KyselySignInAttempts;
  /** Rate limits for every channel (src/limits/). */
  readonly limits: RateLimits;
  /** The directory version every instance should answer from, as this one follows it. */
  readonly sharedDirectory: SharedDirectory;
  /** The anonymous figures for the hub and commissioners (/insight and the unmet-need digest's chart). */
  readonly insight: Insight;
  /** Sends waiting notifications once; main() runs it on an interval. */
  readonly sendNotifications: () => Promise<number>;
  /** Closes the database. */
  close(): Promise<void>;
}

/**
 * How a process shares the directory version and the Meilisearch index with
 * the other instances (src/directory-version/). A server (npm start) records
 * the directory it loaded when the shared version is another, follows the
 * shared version, and builds the Meilisearch index when it lacks that version.
 * A tool (ask, chat, job, referrals) does neither: it searches the shared
 * index read-only, and only when it already holds the tool's directory, or
 * not at all.
 */
export type SignpostUse = { readonly role: "server" } | { readonly role: "tool"; readonly meilisearch: "read-only" | "off" };

/**
 * Loads the directory and the intents, indexes and trains, and builds the
 * conversation core: everything the channels, `ask` and `chat` need. It opens
 * and migrates the database itself unless it is given one already open
 * (main() opens it first, for the channels); either way close() closes it.
 */
export async function createSignpost(config: Config, logger: Logger, use: SignpostUse, openDb?: Kysely<Database>): Promise<Signpost> {
  const started = performance.now();
  const snapshot = new DirectorySnapshotFile(path.join(config.dataDir, "directory-snapshot.json"));
  const [loaded, intents] = await Promise.all([loadDirectory(config.directoryDir, { snapshot }), loadIntents(config.intentsDir)]);
  // Everything below reads the directory through the live view, so a refresh reaches it all.
  const live = new LiveDirectory(loaded);
  const directory = live.view;
  const settings = config.referrals;
  const db = openDb ?? (await openMigratedDatabase(settings.store, logger));
  const versions = new KyselyDirectoryVersions(db, settings.store.kind);
  const lock = openJobLock(settings.store.kind, db, systemClock);
  const builds = use.role === "server" ? new VersionIndexBuilds(versions, lock) : undefined;
  const engine = createSearchEngine(config, logger, systemClock, use.role === "server" ? builds : use.meilisearch === "read-only" ? readOnly : undefined);
  const instance = config.instanceName ?? `${hostname()}:${process.pid}`;
  const shared = new SharedDirectory({ versions, live, engine, directoryDir: config.directoryDir, snapshot, instance, clock: systemClock, logger, ...(builds ? { builds } : {}) });
  if (use.role === "server") await shared.adopt();
  await engine.index(loaded);
  const trainingStarted = performance.now();
  const modelFile = new IntentModelFile(path.join(config.dataDir, "intent-model.json"));
  const classifier = await savedOrTrainedClassifier(intents, directory, modelFile);
  const trainingMs = performance.now() - trainingStarted;
  const understander = createUnderstander(directory, intents, config.intentConfidenceThreshold, classifier);
  logger.info(
    {
      services: directory.services.length,
      snapshot: snapshot.history.join(", "),
      engine: engine.kind,
      intentExamples: intents.reduce((sum, intent) => sum + intent.examples.length, 0),
      intentModel: modelFile.history.join(", "),
      trainingMs: Math.round(trainingMs),
      ms: Math.round(performance.now() - started),
    },
    "directory indexed and intents trained",
  );
  const inbox = new InboxStore(db, systemClock);
  // Where the First Contact triage team hears of new referrals, and of those waiting too long.
  const triage = { notifier: settings.triage.notifier, destination: { conversationId: settings.triage.destination } };
  const plan = notificationPlan(
    {
      triage,
      notifierFor: (channel) => (channel === "web" || channel === "terminal" ? "inbox" : channel),
      webhook: settings.webhook !== undefined,
    },
    directory,
  );
  const referralStore = new KyselyReferralStore(db, systemClock);
  const referrals = new ReferralDesk(referralStore, plan, { roles: config.access.roles, userTeams: config.access.userTeams }, systemClock, directory);
  const notifiers: Notifier[] = [new InboxNotifier(inbox)];
  if (settings.webhook) notifiers.push(new WebhookNotifier(settings.webhook.url, settings.webhook.secret, systemClock));
  // Channel SDKs are imported only when their channel is configured: together they take
  // about 0.6 s to load, a fifth of the start-up budget.
  if (config.slack) {
    const { SlackNotifier } = await import("./channels/slack/slack-notifier.js");
    notifiers.push(SlackNotifier.fromSettings(slackSettings(config.slack), logger));
  }
  const teamsConversations = new TeamsConversationReferences(new KyselyConversationReferenceStore(db, systemClock));
  if (config.teams) {
    const { TeamsNotifier } = await import("./channels/teams/teams-notifier.js");
    notifiers.push(TeamsNotifier.fromSettings(config.teams, teamsConversations, logger));
  }
  const sender = new OutboxSender(db, notifiers, systemClock, logger);
  const feedback = new KyselyFeedbackStore(db);
  await moveFeedbackFileIn(path.join(config.dataDir, "feedback.jsonl"), feedback, logger);
  const insight = new Insight({
    referrals: new ReferralFactsQuery(db),
    retired: (sinceMonth) => retiredReferralCounts(db, sinceMonth),
    unmet: new KyselyUnmetSearchLog(db),
    directory,
    clock: systemClock,
  });
  const jobs = createJobs({
    config: config.jobs,
    clock: systemClock,
    logger,
    targets: {
      maintainers: { notifier: config.jobs.maintainers.notifier, destination: { conversationId: config.jobs.maintainers.destination } },
      triage,
    },
    directoryDir: config.directoryDir,
    live,
    engine,
    snapshot,
    feedback,
    lock,
    runs: new JobRuns(db),
    referrals: referralStore,
    notifications: new KyselyNotificationStore(db),
    unmetSearches: new KyselyUnmetSearchLog(db),
    publisher: shared,
  });
  // Servers on PostgreSQL follow the shared version; with SQLite there is one instance, as before.
  const watch =
    use.role === "server" && settings.store.kind === "postgres"
      ? watchDirectoryVersion({ check: () => shared.check(), databaseUrl: settings.store.url, intervalMs: config.directoryVersionCheckMs, logger })
      : undefined;
  const unmetSearches = new UnmetSearchRecorder(new KyselyUnmetSearchLog(db), engine, systemClock, logger);
  const limits = settings.store.kind === "postgres" ? RateLimits.in(postgresLimitStore(settings.store.url), config.limits) : RateLimits.inMemory(config.limits);

  const deps = { directory, engine, understander, maxResults: config.searchMaxResults };
  const bot = createBot({
    ...deps,
    conversations: new KyselyConversationStore(db, systemClock, config.conversationTtlMs),
    feedback,
    verdicts: new KyselyAnswerVerdictStore(db),
    clock: systemClock,
    referrals,
    unmetSearches,
    limits,
  });
  return {
    directory,
    engine,
    understander,
    bot,
    referrals,
    inbox,
    teamsConversations,
    jobs,
    sessions: new KyselySessionStore(db, systemClock, { idleMs: config.web.sessionIdleMs, maxMs: config.web.sessionMaxMs }),
    signInAttempts: new KyselySignInAttempts(db, systemClock),
    limits,
    insight,
    sendNotifications: () => sender.runOnce(),
    sharedDirectory: shared,
    // Counts of unmet searches still being written go in first.
    close: () =>
      Promise.resolve(watch?.stop())
        .then(() => unmetSearches.settled())
        .then(() => limits.close())
        .then(() => db.destroy()),
    get directoryFingerprint() {
      return live.fingerprint;
    },
    get serviceCount() {
      return directory.services.length;
    },
    ask: (question) => answerQuestion(question, deps),
    health: () => engine.health(),
    directoryVersion: () => shared.status(),
    databaseReachable: () => pingDatabase(db),
  };
}

/**
 * Moves an older Signpost's DATA_DIR/feedback.jsonl into the database, once. A file that
 * cannot be read stays where it is, to be tried at the next start, and does not stop this one.
 */
async function moveFeedbackFileIn(file: string, store: KyselyFeedbackStore, logger: Logger): Promise<void> {
  try {
    const moved = await importFeedbackFile(file, store);
    if (moved) logger.info(moved, "outdated-details reports moved from DATA_DIR/feedback.jsonl into the database");
  } catch (error) {
    // The code and the message only: never the cause, which could quote a report.
    logger.error({ code: isSignpostError(error) ? error.code : (error as NodeJS.ErrnoException).code, reason: (error as Error).message }, "DATA_DIR/feedback.jsonl could not be moved into the database; it is left as it was, to try again at the next start");
  }
}


/** The Slack settings the notifier and the channel share. */
export function slackSettings(slack: SlackConfig): SlackSettings {
  return {
    botToken: slack.botToken,
    commandName: slack.command,
    ...(slack.signingSecret ? { signingSecret: slack.signingSecret } : {}),
    ...(slack.appToken ? { appToken: slack.appToken } : {}),
    ...(slack.apiUrl ? { apiUrl: slack.apiUrl } : {}),
  };
}
