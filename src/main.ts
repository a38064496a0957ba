/**
 * The composition root: the one place where configuration, logging, the
 * directory, the search engine and the channels are put together.
 * `npm start` runs this file; the ask and chat scripts import createSignpost from it.
 */
import { realpathSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { hostname } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Kysely } from "kysely";
import { answerQuestion } from "./answer/answer-question.js";
import type { Config, SlackConfig } from "./config/config-schema.js";
import { isLoopbackHost } from "./config/access-config.js";
import { loadConfig } from "./config/load-config.js";
import type { Directory } from "./directory/directory.js";
import { DirectorySnapshotFile } from "./directory/directory-snapshot-file.js";
import { LiveDirectory } from "./directory/live-directory.js";
import { loadDirectory } from "./directory/load-directory.js";
import type { SlackSettings } from "./channels/slack/slack-settings.js";
import { type ConversationReferences, KyselyConversationReferences } from "./channels/teams/conversation-references.js";
import { mountWeb } from "./channels/web/mount-web.js";
import { mountOrukRoutes } from "./oruk/mount-oruk-routes.js";
import type { Bot } from "./conversation/bot.js";
import { createBot } from "./conversation/create-bot.js";
import { KyselyConversationStore } from "./conversation/kysely-conversation-store.js";
import { KyselyDirectoryVersions } from "./directory-version/kysely-directory-versions.js";
import { SharedDirectory } from "./directory-version/shared-directory.js";
import { VersionIndexBuilds } from "./directory-version/version-index-builds.js";
import { watchDirectoryVersion } from "./directory-version/watch-directory-version.js";
import { isSignpostError } from "./errors/signpost-error.js";
import { importFeedbackFile } from "./feedback/import-feedback-file.js";
import { KyselyFeedbackStore } from "./feedback/kysely-feedback-store.js";
import { InboxNotifier } from "./notifications/inbox-notifier.js";
import { InboxStore } from "./notifications/inbox-store.js";
import type { Notifier } from "./notifications/notifier.js";
import { OutboxSender } from "./notifications/outbox-sender.js";
import { WebhookNotifier } from "./notifications/webhook-notifier.js";
import { KyselyReferralStore } from "./referrals/kysely-referral-store.js";
import { ReferralDesk } from "./referrals/referral-desk.js";
import { notificationPlan } from "./referrals/referral-notifications.js";
import type { Database } from "./storage/database-schema.js";
import { openMigratedDatabase } from "./storage/open-migrated-database.js";
import { pingDatabase } from "./storage/ping-database.js";
import { createHttpApp, type HttpCore } from "./http/create-http-app.js";
import { mountSearchApi } from "./http/search-api.js";
import { RateLimits } from "./limits/rate-limits.js";
import { KyselySessionStore } from "./sessions/kysely-session-store.js";
import { KyselySignInAttempts } from "./sessions/kysely-sign-in-attempts.js";
import { createJobs, type Jobs, openJobLock } from "./jobs/create-jobs.js";
import { startHttpServer } from "./http/start-http-server.js";
import { createLogger, type Logger } from "./logging/create-logger.js";
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
  const referrals = new ReferralDesk(new KyselyReferralStore(db, systemClock), plan, { roles: config.access.roles, userTeams: config.access.userTeams }, systemClock, directory);
  const notifiers: Notifier[] = [new InboxNotifier(inbox)];
  if (settings.webhook) notifiers.push(new WebhookNotifier(settings.webhook.url, settings.webhook.secret, systemClock));
  // Channel SDKs are imported only when their channel is configured: together they take
  // about 0.6 s to load, a fifth of the start-up budget.
  if (config.slack) {
    const { SlackNotifier } = await import("./channels/slack/slack-notifier.js");
    notifiers.push(SlackNotifier.fromSettings(slackSettings(config.slack), logger));
  }
  const teamsConversations = new KyselyConversationReferences(db, systemClock);
  if (config.teams) {
    const { TeamsNotifier } = await import("./channels/teams/teams-notifier.js");
    notifiers.push(TeamsNotifier.fromSettings(config.teams, teamsConversations, logger));
  }
  const sender = new OutboxSender(db, notifiers, systemClock, logger);
  const feedback = new KyselyFeedbackStore(db);
  await moveFeedbackFileIn(path.join(config.dataDir, "feedback.jsonl"), feedback, logger);
  const jobs = createJobs({
    config: config.jobs,
    db,
    store: settings.store.kind,
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
    publisher: shared,
  });
  // Servers on PostgreSQL follow the shared version; with SQLite there is one instance, as before.
  const watch =
    use.role === "server" && settings.store.kind === "postgres"
      ? watchDirectoryVersion({ check: () => shared.check(), databaseUrl: settings.store.url, intervalMs: config.directoryVersionCheckMs, logger })
      : undefined;
  const unmetSearches = new UnmetSearchRecorder(new KyselyUnmetSearchLog(db), engine, systemClock, logger);
  const limits = settings.store.kind === "postgres" ? RateLimits.onPostgres(config.limits, settings.store.url) : RateLimits.inMemory(config.limits);

  const deps = { directory, engine, understander, maxResults: config.searchMaxResults };
  const bot = createBot({
    ...deps,
    conversations: new KyselyConversationStore(db, systemClock, config.conversationTtlMs),
    feedback,
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

/** The team inboxes the web chat serves to their roles: only those whose notifier is the inbox. */
function teamInboxes(config: Config): { triage?: string; maintainers?: string } {
  const { triage } = config.referrals;
  const { maintainers } = config.jobs;
  return {
    ...(triage.notifier === "inbox" ? { triage: triage.destination } : {}),
    ...(maintainers.notifier === "inbox" ? { maintainers: maintainers.destination } : {}),
  };
}

function slackSettings(slack: SlackConfig): SlackSettings {
  return {
    botToken: slack.botToken,
    commandName: slack.command,
    ...(slack.signingSecret ? { signingSecret: slack.signingSecret } : {}),
    ...(slack.appToken ? { appToken: slack.appToken } : {}),
    ...(slack.apiUrl ? { apiUrl: slack.apiUrl } : {}),
  };
}

/** The Slack channel, its shared state in the database; its SDK is loaded only when Slack is configured. */
async function slackChannel(slack: SlackConfig, db: Kysely<Database>, bot: () => Bot | undefined, logger: Logger) {
  const [{ createSlackApp }, { KyselySeenRequests }, { KyselyPendingForms }] = await Promise.all([
    import("./channels/slack/create-slack-app.js"),
    import("./channels/slack/seen-requests.js"),
    import("./channels/slack/pending-forms.js"),
  ]);
  const state = { seen: new KyselySeenRequests(db, systemClock), pendingForms: new KyselyPendingForms(db, systemClock) };
  return createSlackApp({ settings: slackSettings(slack), bot, state, logger });
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env, { cwd: process.cwd() });
  } catch (error) {
    process.stderr.write(`Signpost cannot start: ${(error as Error).message}\n`);
    process.exit(1);
  }
  const logger = createLogger({ level: config.logLevel });
  await mkdir(config.dataDir, { recursive: true });

  // The database first: the channels keep what every instance must share in it from the first request.
  const db = await openMigratedDatabase(config.referrals.store, logger).catch((error: unknown) => {
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : "";
    process.stderr.write(`Signpost cannot start: the database could not be opened and migrated: ${(error as Error).message}${cause}; check REFERRAL_STORE and DATABASE_URL.\n`);
    process.exit(1);
  });

  let signpost: Signpost | undefined;
  const app = createHttpApp({ core: () => signpost, logger, ...(config.web.publicUrl ? { publicUrl: config.web.publicUrl } : {}) });
  const web = mountWeb(app, {
    web: config.web,
    roles: config.access.roles,
    trialRoles: config.access.trialRoles,
    bot: () => signpost?.bot,
    inbox: () => signpost?.inbox,
    sessions: () => signpost?.sessions,
    signInAttempts: () => signpost?.signInAttempts,
    limits: () => signpost?.limits,
    teamInboxes: teamInboxes(config),
    logger,
  });
  mountSearchApi(app, { core: () => signpost, guard: web.searchGuard });
  mountOrukRoutes(app, { directory: () => signpost?.directory });
  if (config.teams) {
    const [{ mountTeams }, { KyselyPrivateRoutes }] = await Promise.all([import("./channels/teams/mount-teams.js"), import("./channels/teams/private-routes.js")]);
    const routes = new KyselyPrivateRoutes(db, systemClock, config.conversationTtlMs);
    mountTeams(app, { settings: config.teams, bot: () => signpost?.bot, references: () => signpost?.teamsConversations, routes, logger });
  }
  const slack = config.slack ? await slackChannel(config.slack, db, () => signpost?.bot, logger) : undefined;
  slack?.mount(app);
  const server = await startHttpServer(app, config.host, config.port).catch((error: NodeJS.ErrnoException) => {
    const reason = error.code === "EADDRINUSE" ? "is already in use" : `could not be opened (${error.code ?? error.message})`;
    process.stderr.write(`Signpost cannot start: ${config.host}:${config.port} ${reason}; set PORT to another port.\n`);
    process.exit(1);
  });
  logger.info({ url: `http://${config.host}:${server.port}`, web: config.web.oidc ? "sign-in" : "trial" }, "Signpost is listening");
  if (!config.web.oidc && !isLoopbackHost(config.host)) {
    logger.warn({ host: config.host }, "no sign-in is configured (OIDC_ISSUER), so the web chat answers only on this computer; Slack and Teams work as usual");
  }
  if (slack) {
    // Socket Mode connects here; over HTTP this does nothing more.
    await slack.start().catch((error: unknown) => {
      process.stderr.write(`Signpost cannot start: Slack could not connect (${(error as Error).message}); check SLACK_APP_TOKEN.\n`);
      process.exit(1);
    });
    logger.info({ mode: slack.mode }, "Slack channel on");
  }

  let sending: NodeJS.Timeout | undefined;
  const stop = (signal: string) => {
    logger.info({ signal }, "shutting down");
    clearInterval(sending);
    Promise.resolve(slack?.stop())
      .then(() => signpost?.jobs.scheduler.stop())
      .then(() => server.close())
      .then(() => signpost?.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);

  try {
    signpost = await createSignpost(config, logger, { role: "server" }, db);
    const running = signpost;
    if (config.jobs.enabled) running.jobs.scheduler.start();
    sending = setInterval(() => {
      running.sendNotifications().catch((error: unknown) => logger.error({ err: error }, "sending notifications failed; will try again"));
    }, config.referrals.outboxIntervalMs);
  } catch (error) {
    logger.fatal({ code: isSignpostError(error) ? error.code : "INTERNAL", err: error }, "could not load the directory");
    process.stderr.write(`Signpost cannot start: ${(error as Error).message}\n`);
    await server.close();
    process.exit(1);
  }
}

const runDirectly = process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (runDirectly) await main();
