import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseEnv } from "node:util";
import { ConfigError } from "../errors/config-error.js";
import { jobNames, type JobName } from "../jobs/job.js";
import { WallClockSchedule } from "../jobs/wall-clock-schedule.js";
import { accessConfig, limitsConfig, webConfig } from "./access-config.js";
import type { JobsConfig } from "../jobs/jobs-config.js";
import { type Config, configSchema, type SlackConfig, type TeamsConfig } from "./config-schema.js";

export interface LoadConfigOptions {
  /** Folder that relative paths and `.env` are resolved against. */
  readonly cwd: string;
  /** Read `<cwd>/.env` when present (real environment variables win). Default true. */
  readonly readEnvFile?: boolean;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Reads and validates every setting once, at start-up. The environment is passed
 * in (never read from deep inside the code), so tests give each case its own.
 * Throws ConfigError naming the first bad variable.
 */
export function loadConfig(env: Env, options: LoadConfigOptions): Config {
  const fromFile = options.readEnvFile === false ? {} : readEnvFile(path.join(options.cwd, ".env"));
  const merged: Record<string, string> = { ...fromFile };
  for (const [name, value] of Object.entries(env)) {
    // An empty variable counts as unset, so `PORT=` falls back to the default.
    if (value !== undefined && value !== "") merged[name] = value;
  }
  for (const [name, value] of Object.entries(merged)) {
    if (value === "") delete merged[name];
  }

  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? "configuration");
    const got = merged[variable];
    const shown = got === undefined ? "" : ` (got ${JSON.stringify(got.slice(0, 40))})`;
    throw new ConfigError(variable, `${issue?.message ?? "is invalid"}${shown}`);
  }
  const raw = parsed.data;
  if (raw.REFERRAL_STORE === "postgres" && !raw.DATABASE_URL) throw new ConfigError("DATABASE_URL", "is required when REFERRAL_STORE=postgres");
  if ((raw.HUB_WEBHOOK_URL === undefined) !== (raw.HUB_WEBHOOK_SECRET === undefined)) {
    throw new ConfigError(raw.HUB_WEBHOOK_URL ? "HUB_WEBHOOK_SECRET" : "HUB_WEBHOOK_URL", "must be set together with the other hub webhook setting");
  }
  const dataDir = path.resolve(options.cwd, raw.DATA_DIR);
  if (raw.MEILI_API_KEY && !raw.MEILI_URL) throw new ConfigError("MEILI_URL", "is required when MEILI_API_KEY is set");
  const web = webConfig(raw);
  const slack = slackConfig(raw);
  const teams = teamsConfig(raw);
  if (raw.TRIAGE_NOTIFIER === "slack" && !slack) throw new ConfigError("TRIAGE_NOTIFIER", "is slack, but Slack is not configured (set SLACK_BOT_TOKEN)");
  if (raw.TRIAGE_NOTIFIER === "teams" && !teams) throw new ConfigError("TRIAGE_NOTIFIER", "is teams, but Teams is not enabled (set MicrosoftAppId)");
  return {
    nodeEnv: raw.NODE_ENV,
    host: raw.HOST,
    port: raw.PORT,
    logLevel: raw.LOG_LEVEL,
    logFormat: raw.LOG_FORMAT,
    dataDir,
    directoryDir: path.resolve(options.cwd, raw.DIRECTORY_DIR),
    searchMaxResults: raw.SEARCH_MAX_RESULTS,
    ...(raw.INSTANCE_NAME ? { instanceName: raw.INSTANCE_NAME } : {}),
    directoryVersionCheckMs: raw.DIRECTORY_VERSION_CHECK_SECONDS * 1000,
    ...(raw.MEILI_URL ? { meilisearch: { url: raw.MEILI_URL, index: raw.MEILI_INDEX, ...(raw.MEILI_API_KEY ? { apiKey: raw.MEILI_API_KEY } : {}) } } : {}),
    conversationTtlMs: raw.CONVERSATION_TTL_MINUTES * 60_000,
    ...(slack ? { slack } : {}),
    ...(teams ? { teams } : {}),
    referrals: {
      store: raw.REFERRAL_STORE === "postgres" && raw.DATABASE_URL ? { kind: "postgres", url: raw.DATABASE_URL } : { kind: "sqlite", file: path.join(dataDir, "signpost.db") },
      triage: { notifier: raw.TRIAGE_NOTIFIER, destination: raw.TRIAGE_DESTINATION },
      ...(raw.HUB_WEBHOOK_URL && raw.HUB_WEBHOOK_SECRET ? { webhook: { url: raw.HUB_WEBHOOK_URL, secret: raw.HUB_WEBHOOK_SECRET } } : {}),
      outboxIntervalMs: raw.OUTBOX_INTERVAL_SECONDS * 1000,
    },
    access: accessConfig(raw, raw.NODE_ENV === "production", web.oidc !== undefined),
    web,
    limits: limitsConfig(raw),
    intentsDir: path.resolve(options.cwd, raw.INTENTS_DIR),
    intentConfidenceThreshold: raw.INTENT_CONFIDENCE_THRESHOLD,
    jobs: jobsConfig(raw, { slack, teams }),
  };
}

const scheduleVariables: Readonly<Record<JobName, keyof Raw>> = {
  "directory-refresh": "JOB_DIRECTORY_REFRESH",
  "unacknowledged-referrals": "JOB_UNACKNOWLEDGED_REFERRALS",
  "outcome-follow-up": "JOB_OUTCOME_FOLLOW_UP",
  "stale-entries": "JOB_STALE_ENTRIES",
  "unmet-need": "JOB_UNMET_NEED",
  retention: "JOB_RETENTION",
};

/** Every schedule is checked now, so a bad pattern stops start-up naming its variable. */
function jobsConfig(raw: Raw, channels: { slack: SlackConfig | undefined; teams: TeamsConfig | undefined }): JobsConfig {
  const schedules = Object.fromEntries(
    jobNames.map((job) => {
      const variable = scheduleVariables[job];
      const pattern = String(raw[variable]);
      try {
        WallClockSchedule.parse(pattern);
      } catch (error) {
        throw new ConfigError(variable, (error as Error).message);
      }
      return [job, pattern];
    }),
  ) as Record<JobName, string>;
  if (raw.MAINTAINERS_NOTIFIER === "slack" && !channels.slack) throw new ConfigError("MAINTAINERS_NOTIFIER", "is slack, but Slack is not configured (set SLACK_BOT_TOKEN)");
  if (raw.MAINTAINERS_NOTIFIER === "teams" && !channels.teams) throw new ConfigError("MAINTAINERS_NOTIFIER", "is teams, but Teams is not enabled (set MicrosoftAppId)");
  const list = (text: string) => text.split(",").map((item) => item.trim()).filter(Boolean);
  return {
    enabled: raw.JOBS_ENABLED === "true",
    schedules,
    unacknowledgedAfterWorkingDays: raw.UNACKNOWLEDGED_AFTER_WORKING_DAYS,
    outcomeFollowUpDays: raw.OUTCOME_FOLLOW_UP_DAYS,
    staleAfterMonths: raw.STALE_AFTER_MONTHS,
    retentionDays: raw.REFERRAL_RETENTION_DAYS,
    extraNonWorkingDays: new Set(list(raw.EXTRA_NON_WORKING_DAYS)),
    maintainers: { notifier: raw.MAINTAINERS_NOTIFIER, destination: raw.MAINTAINERS_DESTINATION },
    orukFeeds: list(raw.ORUK_FEEDS).map((pair) => {
      const [name = "", source = ""] = pair.split("=").map((part) => part.trim());
      return { name, source };
    }),
  };
}

type Raw = ReturnType<typeof configSchema.parse>;

/** Slack is on when its bot token is set; a half-set configuration names what is missing. */
function slackConfig(raw: Raw): SlackConfig | undefined {
  const { SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: signingSecret, SLACK_APP_TOKEN: appToken, SLACK_API_URL: apiUrl } = raw;
  if (!botToken) {
    if (signingSecret || appToken || apiUrl) throw new ConfigError("SLACK_BOT_TOKEN", "is required when other SLACK_ settings are set");
    return undefined;
  }
  if (!signingSecret && !appToken) {
    throw new ConfigError("SLACK_SIGNING_SECRET", "is required for Slack over HTTP (or set SLACK_APP_TOKEN for Socket Mode)");
  }
  return { botToken, command: raw.SLACK_COMMAND, ...(signingSecret ? { signingSecret } : {}), ...(appToken ? { appToken } : {}), ...(apiUrl ? { apiUrl } : {}) };
}

/**
 * Teams is on with an app id, or with TEAMS_ENABLED=true and no app id for the
 * Bot Framework Emulator (authentication off: refused in production).
 */
function teamsConfig(raw: Raw): TeamsConfig | undefined {
  const appId = raw.MicrosoftAppId;
  if (raw.TEAMS_ENABLED === "false" || (!appId && raw.TEAMS_ENABLED !== "true")) return undefined;
  if (!appId && raw.NODE_ENV === "production") {
    throw new ConfigError("MicrosoftAppId", "is required in production: without it Teams requests are not authenticated");
  }
  if (appId && raw.MicrosoftAppType !== "UserAssignedMSI" && !raw.MicrosoftAppPassword) {
    throw new ConfigError("MicrosoftAppPassword", "is required with MicrosoftAppId");
  }
  if (appId && raw.MicrosoftAppType === "SingleTenant" && !raw.MicrosoftAppTenantId) {
    throw new ConfigError("MicrosoftAppTenantId", "is required for a SingleTenant bot");
  }
  const allowed = new Set(raw.TEAMS_ALLOWED_TENANTS.split(",").map((t) => t.trim()).filter(Boolean));
  if (raw.MicrosoftAppTenantId) allowed.add(raw.MicrosoftAppTenantId);
  if (appId && allowed.size === 0) throw new ConfigError("TEAMS_ALLOWED_TENANTS", "must list at least one tenant when MicrosoftAppId is set");
  return {
    appType: raw.MicrosoftAppType,
    allowedTenantIds: allowed,
    ...(appId ? { appId } : {}),
    ...(raw.MicrosoftAppPassword ? { appPassword: raw.MicrosoftAppPassword } : {}),
    ...(raw.MicrosoftAppTenantId ? { tenantId: raw.MicrosoftAppTenantId } : {}),
  };
}

function readEnvFile(file: string): Record<string, string> {
  if (!existsSync(file)) return {};
  try {
    return parseEnv(readFileSync(file, "utf8")) as Record<string, string>;
  } catch (error) {
    throw new ConfigError(".env", `could not be read: ${(error as Error).message}`);
  }
}
