import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { configVariables } from "../../src/config/config-schema.js";
import { loadConfig } from "../../src/config/load-config.js";
import { ConfigError } from "../../src/errors/config-error.js";

const cwd = mkdtempSync(path.join(tmpdir(), "signpost-config-"));
const load = (env: Record<string, string>) => loadConfig(env, { cwd, readEnvFile: false });

describe("loadConfig", () => {
  it("runs on the embedded defaults with no settings at all", () => {
    const config = load({});
    expect(config).toMatchObject({ host: "127.0.0.1", port: 3978, nodeEnv: "development", searchMaxResults: 5 });
    expect(config.dataDir).toBe(path.join(cwd, "data"));
    expect(config.directoryDir).toBe(path.join(cwd, "directory"));
  });

  it("treats an empty variable as unset", () => {
    expect(load({ PORT: "" }).port).toBe(3978);
  });

  it.each([
    ["PORT", "abc", /^PORT: must be a whole number from 1 to 65535 \(got "abc"\)$/],
    ["PORT", "70000", /^PORT: must be a whole number/],
    ["PORT", "39.5", /^PORT: must be a whole number/],
    ["LOG_LEVEL", "loud", /^LOG_LEVEL: .*"loud"/],
    ["NODE_ENV", "staging", /^NODE_ENV: /],
    ["SEARCH_MAX_RESULTS", "0", /^SEARCH_MAX_RESULTS: /],
  ])("refuses %s=%s with one line naming the variable", (variable, value, message) => {
    let thrown: unknown;
    try {
      load({ [variable]: value });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).variable).toBe(variable);
    expect((thrown as Error).message).toMatch(message);
    expect((thrown as Error).message).not.toContain("\n");
  });

  it("leaves Slack and Teams off unless configured", () => {
    const config = load({});
    expect(config.slack).toBeUndefined();
    expect(config.teams).toBeUndefined();
  });

  it("turns Slack on with a bot token and a signing secret or an app token", () => {
    expect(load({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "0123456789abcdef0123" }).slack).toMatchObject({ command: "/signpost" });
    expect(load({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" }).slack?.appToken).toBe("xapp-1");
  });

  it.each([
    [{ SLACK_SIGNING_SECRET: "0123456789abcdef0123" }, /^SLACK_BOT_TOKEN: is required when other SLACK_ settings are set$/],
    [{ SLACK_BOT_TOKEN: "xoxb-1" }, /^SLACK_SIGNING_SECRET: is required for Slack over HTTP/],
    [{ SLACK_BOT_TOKEN: "xoxp-user-token", SLACK_SIGNING_SECRET: "0123456789abcdef0123" }, /^SLACK_BOT_TOKEN: must be a bot token/],
    [{ TEAMS_ENABLED: "true", NODE_ENV: "production" }, /^MicrosoftAppId: is required in production/],
    [{ MicrosoftAppId: "app" }, /^MicrosoftAppPassword: is required with MicrosoftAppId$/],
    [{ TRIAGE_NOTIFIER: "slack" }, /^TRIAGE_NOTIFIER: is slack, but Slack is not configured/],
    [{ TRIAGE_NOTIFIER: "teams" }, /^TRIAGE_NOTIFIER: is teams, but Teams is not enabled/],
    [{ MicrosoftAppId: "app", MicrosoftAppPassword: "secret" }, /^MicrosoftAppTenantId: is required for a SingleTenant bot$/],
    [{ MicrosoftAppId: "app", MicrosoftAppPassword: "secret", MicrosoftAppType: "MultiTenant" }, /^TEAMS_ALLOWED_TENANTS: must list at least one tenant/],
  ])("stops start-up on a half-set channel %j", (env, message) => {
    expect(() => load(env as Record<string, string>)).toThrow(message);
  });

  it("runs Teams without authentication only outside production, for the emulator", () => {
    expect(load({ TEAMS_ENABLED: "true" }).teams).toMatchObject({ appType: "SingleTenant" });
    expect(load({ TEAMS_ENABLED: "true" }).teams?.appId).toBeUndefined();
    const full = load({ MicrosoftAppId: "app", MicrosoftAppPassword: "secret", MicrosoftAppTenantId: "tenant-a", TEAMS_ALLOWED_TENANTS: "tenant-b" }).teams;
    expect(full?.allowedTenantIds).toEqual(new Set(["tenant-a", "tenant-b"]));
  });

  it.each([
    [{ TRIAGE_USER_IDS: "u-triage" }, /^TRIAGE_USER_IDS: "u-triage" is not a namespaced user id: write web:<sub>, slack:<workspace>:<user>/],
    [{ TRIAGE_USER_IDS: "slack:U0456" }, /^TRIAGE_USER_IDS: "slack:U0456" is not a slack user id like slack:T0123ABCD:U0456EFGH$/],
    [{ MAINTAINER_USER_IDS: "web:ok,teams:only-one-part" }, /^MAINTAINER_USER_IDS: "teams:only-one-part" is not a teams user id/],
    [{ COMMISSIONER_USER_IDS: "terminal:10 00" }, /^COMMISSIONER_USER_IDS: /],
    [{ USER_TEAMS: "u1=team-north" }, /^USER_TEAMS: "u1" is not a namespaced user id/],
    [{ TRIAL_ROLES: "triage", NODE_ENV: "production" }, /^TRIAL_ROLES: is refused in production/],
    [{ TRIAL_ROLES: "admin" }, /^TRIAL_ROLES: must be a list of roles/],
    [{ OIDC_ISSUER: "https://login.example.org/tenant/v2.0", OIDC_CLIENT_ID: "c", OIDC_CLIENT_SECRET: "s" }, /^PUBLIC_URL: is required with sign-in/],
    [{ OIDC_ISSUER: "https://login.example.org/tenant/v2.0", OIDC_CLIENT_SECRET: "s", PUBLIC_URL: "https://signpost.example.org" }, /^OIDC_CLIENT_ID: is required when OIDC_ISSUER is set$/],
    [{ OIDC_CLIENT_ID: "c" }, /^OIDC_ISSUER: is required when OIDC_CLIENT_ID or OIDC_CLIENT_SECRET is set$/],
    [{ OIDC_ISSUER: "https://login.example.org/t/v2.0", OIDC_CLIENT_ID: "c", OIDC_CLIENT_SECRET: "s", PUBLIC_URL: "https://signpost.example.org", TRIAL_ROLES: "triage" }, /^TRIAL_ROLES: is only for trial mode/],
    [{ PUBLIC_URL: "http://signpost.example.org" }, /^PUBLIC_URL: must be https:\/\/ unless it is a loopback address/],
    [{ PUBLIC_URL: "https://signpost.example.org/chat" }, /^PUBLIC_URL: must be an origin only/],
    [{ SESSION_IDLE_MINUTES: "600", SESSION_MAX_HOURS: "2" }, /^SESSION_IDLE_MINUTES: must not be longer than SESSION_MAX_HOURS$/],
  ])("stops start-up on a bad identity or sign-in setting %j", (env, message) => {
    expect(() => load(env as Record<string, string>)).toThrow(message);
  });

  it("reads roles, teams, sign-in and limits", () => {
    const config = load({
      TRIAGE_USER_IDS: "web:3f2a9c1e, slack:T0123ABCD:U0456EFGH",
      USER_TEAMS: "terminal:1000=team-north",
      PUBLIC_URL: "https://signpost.example.org",
      OIDC_ISSUER: "https://login.example.org/tenant/v2.0",
      OIDC_CLIENT_ID: "client",
      OIDC_CLIENT_SECRET: "secret",
      OIDC_TRIAGE_GROUPS: "g1,g2",
      REFERRALS_PER_HOUR: "5",
    });
    expect(config.access.roles.triage).toEqual(new Set(["web:3f2a9c1e", "slack:T0123ABCD:U0456EFGH"]));
    expect(config.access.userTeams.get("terminal:1000")).toBe("team-north");
    expect(config.web.oidc).toMatchObject({ redirectUri: "https://signpost.example.org/auth/callback", groupsClaim: "groups" });
    expect(config.web.oidc?.roleGroups.triage).toEqual(new Set(["g1", "g2"]));
    expect(config.limits.referralsPerHour).toBe(5);
    expect(load({}).web.oidc).toBeUndefined();
    expect(load({ TRIAL_ROLES: "triage" }).access.trialRoles).toEqual(["triage"]);
  });

  it("runs the jobs on London schedules by default, keeping closed referrals for a finite time", () => {
    const { jobs } = load({});
    expect(jobs.enabled).toBe(true);
    expect(jobs.schedules.retention).toBe("30 2 * * *");
    expect(jobs.retentionDays).toBe(730);
    expect(jobs.maintainers).toEqual({ notifier: "inbox", destination: "signpost-maintainers" });
    expect(jobs.orukFeeds).toEqual([]);
  });

  it("reads the job settings, lists included", () => {
    const { jobs } = load({ JOBS_ENABLED: "false", EXTRA_NON_WORKING_DAYS: "2028-06-05, 2028-12-29", ORUK_FEEDS: "county=https://directory.example.org/api/services,city=./feeds/city.json", JOB_STALE_ENTRIES: "15 7 * * 1" });
    expect(jobs.enabled).toBe(false);
    expect([...jobs.extraNonWorkingDays]).toEqual(["2028-06-05", "2028-12-29"]);
    expect(jobs.orukFeeds).toEqual([{ name: "county", source: "https://directory.example.org/api/services" }, { name: "city", source: "./feeds/city.json" }]);
    expect(jobs.schedules["stale-entries"]).toBe("15 7 * * 1");
  });

  it.each([
    ["JOB_RETENTION", "30 2 * *", /^JOB_RETENTION: "30 2 \* \*" must have five fields/],
    ["JOB_STALE_ENTRIES", "0 25 * * 1", /^JOB_STALE_ENTRIES: .*not a valid cron schedule/],
    ["REFERRAL_RETENTION_DAYS", "0", /^REFERRAL_RETENTION_DAYS: must be a whole number from 30 to 3650/],
    ["REFERRAL_RETENTION_DAYS", "forever", /^REFERRAL_RETENTION_DAYS: /],
    ["EXTRA_NON_WORKING_DAYS", "next tuesday", /^EXTRA_NON_WORKING_DAYS: must be a list of dates/],
    ["ORUK_FEEDS", "https://directory.example.org", /^ORUK_FEEDS: must be a list like/],
    ["MAINTAINERS_NOTIFIER", "slack", /^MAINTAINERS_NOTIFIER: is slack, but Slack is not configured/],
  ])("stops on a bad %s, naming it", (name, value, message) => {
    expect(() => load({ [name]: value })).toThrow(message);
  });

  it("reads .env, and real environment variables win over it", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "signpost-dotenv-"));
    writeFileSync(path.join(dir, ".env"), "PORT=4100\nHOST=0.0.0.0\n# a comment\n");
    expect(loadConfig({}, { cwd: dir })).toMatchObject({ port: 4100, host: "0.0.0.0" });
    expect(loadConfig({ PORT: "4200" }, { cwd: dir }).port).toBe(4200);
  });

  it("names a bad value that came from .env too", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "signpost-dotenv-"));
    writeFileSync(path.join(dir, ".env"), "PORT=nope\n");
    expect(() => loadConfig({}, { cwd: dir })).toThrow(/^PORT: /);
  });

  it("lists every setting in .env.example, and nothing it does not read", () => {
    const example = readFileSync(path.join(import.meta.dirname, "../../.env.example"), "utf8");
    const listed = [...example.matchAll(/^#?\s*([A-Za-z][A-Za-z0-9_]+)=/gm)].map((m) => m[1]);
    expect(new Set(listed)).toEqual(new Set(configVariables));
  });
});
