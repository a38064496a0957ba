/**
 * The composition root: the one place where configuration, logging, the
 * directory, the search engine and the channels are put together.
 * `npm start` runs this file: it opens the database, mounts the channels,
 * starts the HTTP server, then builds the core (create-signpost.ts) behind them.
 */
import { realpathSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Kysely } from "kysely";
import type { Config, SlackConfig } from "./config/config-schema.js";
import { isLoopbackHost } from "./config/access-config.js";
import { loadConfig } from "./config/load-config.js";
import { mountWeb } from "./channels/web/mount-web.js";
import { mountOrukRoutes } from "./oruk/mount-oruk-routes.js";
import type { Bot } from "./conversation/bot.js";
import { isSignpostError } from "./errors/signpost-error.js";
import type { Database } from "./storage/database-schema.js";
import { openMigratedDatabase } from "./storage/open-migrated-database.js";
import { createHttpApp } from "./http/create-http-app.js";
import { mountSearchApi } from "./http/search-api.js";
import { startHttpServer } from "./http/start-http-server.js";
import { createLogger, type Logger } from "./logging/create-logger.js";
import { readyLine } from "./config/ready-line.js";
import { systemClock } from "./time/clock.js";
import { createSignpost, type Signpost, slackSettings } from "./create-signpost.js";

/** The team inboxes the web chat serves to their roles: only those whose notifier is the inbox. */
function teamInboxes(config: Config): { triage?: string; maintainers?: string } {
  const { triage } = config.referrals;
  const { maintainers } = config.jobs;
  return {
    ...(triage.notifier === "inbox" ? { triage: triage.destination } : {}),
    ...(maintainers.notifier === "inbox" ? { maintainers: maintainers.destination } : {}),
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
  // auto: readable lines for a person at a terminal, JSON lines for a service manager or a log collector.
  const logFormat = config.logFormat === "auto" ? (process.stdout.isTTY ? "pretty" : "json") : config.logFormat;
  const logger = createLogger({ level: config.logLevel, format: logFormat });
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
    insight: () => signpost?.insight,
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
    const ready = readyLine(config, server.port, process.cwd());
    // One line for a person (pretty), or the same sentence as a log entry with its fields (json).
    if (logFormat === "pretty") process.stdout.write(`\n${ready.text}\n\n`);
    else logger.info(ready.fields, ready.text);
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
