import { z } from "zod";
import type { JobsConfig } from "../jobs/jobs-config.js";
import type { Role, RoleAssignments } from "../identity/roles.js";

/** A whole number in a range, from an environment string, with one message for every way it can be wrong. */
function wholeNumber(min: number, max: number) {
  const message = `must be a whole number from ${min} to ${max}`;
  return z.coerce.number({ error: message }).int(message).min(min, message).max(max, message);
}

/**
 * Every setting Signpost reads, with its default. `.env.example` lists the same
 * variables; test/config/load-config.test.ts checks the two stay in step.
 */
export const configSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().min(1, "must not be empty").default("127.0.0.1"),
  PORT: wholeNumber(1, 65535).default(3978),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  LOG_FORMAT: z.enum(["auto", "json", "pretty"], { error: "must be auto, json or pretty" }).default("auto"),
  DATA_DIR: z.string().min(1, "must not be empty").default("./data"),
  DIRECTORY_DIR: z.string().min(1, "must not be empty").default("./directory"),
  SEARCH_MAX_RESULTS: wholeNumber(1, 20).default(5),
  CONVERSATION_TTL_MINUTES: wholeNumber(1, 1440).default(30),
  MEILI_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL like http://127.0.0.1:7700" }).optional(),
  MEILI_API_KEY: z.string().min(1, "must not be empty").optional(),
  MEILI_INDEX: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, "must be letters, digits, - or _").default("services"),
  INSTANCE_NAME: z.string().regex(/^[A-Za-z0-9_.:-]{1,100}$/, "must be letters, digits, and . _ : -").optional(),
  DIRECTORY_VERSION_CHECK_SECONDS: wholeNumber(5, 3600).default(60),
  REFERRAL_STORE: z.enum(["sqlite", "postgres"]).default("sqlite"),
  DATABASE_URL: z.string().regex(/^postgres(?:ql)?:\/\//, "must be a postgres:// URL").optional(),
  TRIAGE_USER_IDS: z.string().default(""),
  MAINTAINER_USER_IDS: z.string().default(""),
  COMMISSIONER_USER_IDS: z.string().default(""),
  USER_TEAMS: z
    .string()
    .regex(/^(?:\s*[^=,\s]+\s*=\s*[^=,\s]+\s*(?:,|$))*$/, "must be a list like web:abc123=team-north,terminal:1000=team-north")
    .default(""),
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: "must be the http(s) address staff open, like https://signpost.example.nhs.uk" }).optional(),
  OIDC_ISSUER: z.url({ protocol: /^https?$/, error: "must be the identity provider's issuer URL, like https://login.microsoftonline.com/<tenant>/v2.0" }).optional(),
  OIDC_CLIENT_ID: z.string().min(1, "must not be empty").optional(),
  OIDC_CLIENT_SECRET: z.string().min(1, "must not be empty").optional(),
  OIDC_GROUPS_CLAIM: z.string().regex(/^[A-Za-z0-9_:.-]{1,100}$/, "must be a claim name like groups or roles").default("groups"),
  OIDC_TRIAGE_GROUPS: z.string().default(""),
  OIDC_MAINTAINER_GROUPS: z.string().default(""),
  OIDC_COMMISSIONER_GROUPS: z.string().default(""),
  SESSION_IDLE_MINUTES: wholeNumber(5, 1440).default(60),
  SESSION_MAX_HOURS: wholeNumber(1, 168).default(12),
  TRIAL_ROLES: z.string().regex(/^(?:\s*(?:triage|maintainer|commissioner)\s*(?:,|$))*$/, "must be a list of roles: triage, maintainer, commissioner").default(""),
  CHAT_TURNS_PER_MINUTE: wholeNumber(1, 100_000).default(30),
  SEARCHES_PER_MINUTE: wholeNumber(1, 100_000).default(60),
  REFERRALS_PER_HOUR: wholeNumber(1, 10_000).default(20),
  REFERENCE_LOOKUPS_PER_HOUR: wholeNumber(1, 10_000).default(60),
  FEEDBACK_REPORTS_PER_HOUR: wholeNumber(1, 10_000).default(20),
  TRIAGE_NOTIFIER: z.enum(["inbox", "slack", "teams"]).default("inbox"),
  TRIAGE_DESTINATION: z.string().min(1, "must not be empty").default("first-contact-triage"),
  HUB_WEBHOOK_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  HUB_WEBHOOK_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  OUTBOX_INTERVAL_SECONDS: wholeNumber(1, 3600).default(5),
  SLACK_BOT_TOKEN: z.string().regex(/^xoxb-/, "must be a bot token starting xoxb-").optional(),
  SLACK_SIGNING_SECRET: z.string().min(16, "must be the app's signing secret").optional(),
  SLACK_APP_TOKEN: z.string().regex(/^xapp-/, "must be an app-level token starting xapp-").optional(),
  SLACK_COMMAND: z.string().regex(/^\/[a-z0-9_-]{1,31}$/, "must be a slash command like /signpost").default("/signpost"),
  SLACK_API_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL ending in /api/" }).optional(),
  TEAMS_ENABLED: z.enum(["true", "false"], { error: "must be true or false" }).optional(),
  MicrosoftAppId: z.string().min(1).optional(),
  MicrosoftAppPassword: z.string().min(1).optional(),
  MicrosoftAppType: z.enum(["SingleTenant", "MultiTenant", "UserAssignedMSI"]).default("SingleTenant"),
  MicrosoftAppTenantId: z.string().min(1).optional(),
  TEAMS_ALLOWED_TENANTS: z.string().default(""),
  JOBS_ENABLED: z.enum(["true", "false"], { error: "must be true or false" }).default("true"),
  JOB_DIRECTORY_REFRESH: z.string().default("*/15 * * * *"),
  JOB_UNACKNOWLEDGED_REFERRALS: z.string().default("0 9 * * 1-5"),
  JOB_OUTCOME_FOLLOW_UP: z.string().default("0 10 * * 1-5"),
  JOB_STALE_ENTRIES: z.string().default("0 8 * * 1"),
  JOB_UNMET_NEED: z.string().default("30 8 * * 1"),
  JOB_RETENTION: z.string().default("30 2 * * *"),
  UNACKNOWLEDGED_AFTER_WORKING_DAYS: wholeNumber(1, 30).default(2),
  OUTCOME_FOLLOW_UP_DAYS: wholeNumber(1, 365).default(28),
  STALE_AFTER_MONTHS: wholeNumber(1, 60).default(6),
  REFERRAL_RETENTION_DAYS: wholeNumber(30, 3650).default(730),
  EXTRA_NON_WORKING_DAYS: z
    .string()
    .regex(/^(?:\s*\d{4}-\d{2}-\d{2}\s*(?:,|$))*$/, "must be a list of dates like 2028-06-05,2028-12-29")
    .default(""),
  MAINTAINERS_NOTIFIER: z.enum(["inbox", "slack", "teams"]).default("inbox"),
  MAINTAINERS_DESTINATION: z.string().min(1, "must not be empty").default("signpost-maintainers"),
  ORUK_FEEDS: z
    .string()
    .regex(/^(?:\s*[a-z0-9]+(?:-[a-z0-9]+)*\s*=\s*[^=,\s]+\s*(?:,|$))*$/, "must be a list like county=https://directory.example.org/api/services")
    .default(""),
  INTENTS_DIR: z.string().min(1, "must not be empty").default("./intents"),
  INTENT_CONFIDENCE_THRESHOLD: z.coerce
    .number({ error: "must be a number from 0 to 1" })
    .min(0, "must be a number from 0 to 1")
    .max(1, "must be a number from 0 to 1")
    .default(0.4),
});

export type RawConfig = z.infer<typeof configSchema>;

export interface ReferralConfig {
  readonly store: { readonly kind: "sqlite"; readonly file: string } | { readonly kind: "postgres"; readonly url: string };
  readonly triage: { readonly notifier: "inbox" | "slack" | "teams"; readonly destination: string };
  readonly webhook?: { readonly url: string; readonly secret: string };
  readonly outboxIntervalMs: number;
}

export interface SlackConfig {
  readonly botToken: string;
  readonly signingSecret?: string;
  /** Set: Socket Mode (no public URL). Unset: HTTP on /slack/events. */
  readonly appToken?: string;
  readonly command: string;
  readonly apiUrl?: string;
}

export interface TeamsConfig {
  /** Unset: authentication off, for the Bot Framework Emulator only (refused in production). */
  readonly appId?: string;
  readonly appPassword?: string;
  readonly appType: "SingleTenant" | "MultiTenant" | "UserAssignedMSI";
  readonly tenantId?: string;
  /** Activities from other tenants are dropped. */
  readonly allowedTenantIds: ReadonlySet<string>;
}

/** Who may do what: roles by configuration, teams for channels that name none, and trial mode's roles. */
export interface AccessConfig {
  readonly roles: RoleAssignments;
  /** Teams for users whose channel does not say (the web chat, the terminal), by namespaced user id. */
  readonly userTeams: ReadonlyMap<string, string>;
  /** Roles every trial-mode web session has (TRIAL_ROLES): never in production, never with sign-in. */
  readonly trialRoles: readonly Role[];
}

/** Web sign-in with OpenID Connect (Microsoft Entra ID, NHSmail): present when OIDC_ISSUER is set. */
export interface OidcConfig {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Where the identity provider sends people back: PUBLIC_URL + /auth/callback. */
  readonly redirectUri: string;
  readonly groupsClaim: string;
  /** Groups (ids or names, as the provider sends them) that give each role. */
  readonly roleGroups: Readonly<Record<Role, ReadonlySet<string>>>;
}

/** The web chat: who may reach it and how long a session lasts. */
export interface WebConfig {
  /** The address staff open (PUBLIC_URL); absent in trial mode on loopback. */
  readonly publicUrl?: URL;
  /** Absent: trial mode (a server-assigned identity, loopback only). */
  readonly oidc?: OidcConfig;
  readonly sessionIdleMs: number;
  readonly sessionMaxMs: number;
}

/** How often each identity (and each address) may do each thing; the rest get 429 or a sentence in chat. */
export interface LimitsConfig {
  readonly chatTurnsPerMinute: number;
  readonly searchesPerMinute: number;
  readonly referralsPerHour: number;
  readonly referenceLookupsPerHour: number;
  readonly feedbackReportsPerHour: number;
}

/** The validated settings, with paths made absolute. */
export interface Config {
  readonly nodeEnv: RawConfig["NODE_ENV"];
  readonly host: string;
  readonly port: number;
  readonly logLevel: RawConfig["LOG_LEVEL"];
  /** JSON lines for operators, or short readable lines for a person at a terminal; auto is pretty on a terminal, JSON otherwise. */
  readonly logFormat: RawConfig["LOG_FORMAT"];
  readonly dataDir: string;
  readonly directoryDir: string;
  readonly searchMaxResults: number;
  /** Who this instance is in the directory version rows and the log (INSTANCE_NAME); main() defaults it to host and pid. */
  readonly instanceName?: string;
  /** How often an instance looks for a new shared directory version besides PostgreSQL's notifications. */
  readonly directoryVersionCheckMs: number;
  /** Present when MEILI_URL is set: Meilisearch answers, the embedded engine stands in when it fails. */
  readonly meilisearch?: { readonly url: string; readonly apiKey?: string; readonly index: string };
  readonly conversationTtlMs: number;
  readonly referrals: ReferralConfig;
  readonly access: AccessConfig;
  readonly web: WebConfig;
  readonly limits: LimitsConfig;
  /** Present only when Slack is configured. */
  readonly slack?: SlackConfig;
  /** Present only when Teams is enabled. */
  readonly teams?: TeamsConfig;
  readonly intentsDir: string;
  readonly intentConfidenceThreshold: number;
  readonly jobs: JobsConfig;
}

export const configVariables = Object.keys(configSchema.shape) as (keyof RawConfig)[];
