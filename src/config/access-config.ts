/**
 * The settings that decide who may reach Signpost and what they may do: roles
 * and teams by namespaced user id, web sign-in (OpenID Connect) and sessions,
 * trial mode's limits, and the rate limits. Each bad value stops start-up with
 * one line naming its variable.
 */
import { ConfigError } from "../errors/config-error.js";
import { parseUserId } from "../identity/user-id.js";
import { isRole, type Role, type RoleAssignments } from "../identity/roles.js";
import type { AccessConfig, LimitsConfig, RawConfig, WebConfig } from "./config-schema.js";

const list = (text: string) => text.split(",").map((item) => item.trim()).filter(Boolean);

/** Namespaced user ids from a comma-separated setting; the first bad one names the variable. */
function userIds(variable: string, text: string): ReadonlySet<string> {
  const ids = list(text);
  for (const id of ids) {
    const parsed = parseUserId(id);
    if (!parsed.ok) throw new ConfigError(variable, parsed.problem);
  }
  return new Set(ids);
}

export function accessConfig(raw: RawConfig, production: boolean, signInConfigured: boolean): AccessConfig {
  const roles: RoleAssignments = {
    triage: userIds("TRIAGE_USER_IDS", raw.TRIAGE_USER_IDS),
    maintainer: userIds("MAINTAINER_USER_IDS", raw.MAINTAINER_USER_IDS),
    commissioner: userIds("COMMISSIONER_USER_IDS", raw.COMMISSIONER_USER_IDS),
  };
  const userTeams = new Map<string, string>();
  for (const pair of list(raw.USER_TEAMS)) {
    const [user = "", team = ""] = pair.split("=").map((part) => part.trim());
    const parsed = parseUserId(user);
    if (!parsed.ok) throw new ConfigError("USER_TEAMS", parsed.problem);
    userTeams.set(user, team);
  }
  const trialRoles = list(raw.TRIAL_ROLES).filter(isRole);
  if (trialRoles.length > 0 && production) {
    throw new ConfigError("TRIAL_ROLES", "is refused in production: give roles to named people with TRIAGE_USER_IDS or the identity provider's groups");
  }
  if (trialRoles.length > 0 && signInConfigured) throw new ConfigError("TRIAL_ROLES", "is only for trial mode, and sign-in is configured (OIDC_ISSUER)");
  return { roles, userTeams, trialRoles: [...new Set(trialRoles)] };
}

const loopbackHosts = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

export function isLoopbackHost(hostname: string): boolean {
  return loopbackHosts.has(hostname.toLowerCase()) || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}

export function webConfig(raw: RawConfig): WebConfig {
  const production = raw.NODE_ENV === "production";
  const publicUrl = raw.PUBLIC_URL ? new URL(raw.PUBLIC_URL) : undefined;
  if (publicUrl && (publicUrl.pathname !== "/" || publicUrl.search || publicUrl.hash)) {
    throw new ConfigError("PUBLIC_URL", "must be an origin only, like https://signpost.example.nhs.uk (no path)");
  }
  if (publicUrl && publicUrl.protocol !== "https:" && !isLoopbackHost(publicUrl.hostname)) {
    throw new ConfigError("PUBLIC_URL", "must be https:// unless it is a loopback address: session cookies must not cross the network in clear");
  }
  const sessionIdleMs = raw.SESSION_IDLE_MINUTES * 60_000;
  const sessionMaxMs = raw.SESSION_MAX_HOURS * 3_600_000;
  if (sessionIdleMs > sessionMaxMs) throw new ConfigError("SESSION_IDLE_MINUTES", "must not be longer than SESSION_MAX_HOURS");
  const base = { ...(publicUrl ? { publicUrl } : {}), sessionIdleMs, sessionMaxMs };
  const { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret } = raw;
  if (!issuer) {
    if (clientId || clientSecret) throw new ConfigError("OIDC_ISSUER", "is required when OIDC_CLIENT_ID or OIDC_CLIENT_SECRET is set");
    return base;
  }
  if (!clientId) throw new ConfigError("OIDC_CLIENT_ID", "is required when OIDC_ISSUER is set");
  if (!clientSecret) throw new ConfigError("OIDC_CLIENT_SECRET", "is required when OIDC_ISSUER is set");
  if (!publicUrl) throw new ConfigError("PUBLIC_URL", "is required with sign-in: the identity provider sends people back to PUBLIC_URL/auth/callback");
  if (production && new URL(issuer).protocol !== "https:") throw new ConfigError("OIDC_ISSUER", "must be https:// in production");
  const groups = (text: string) => new Set(list(text));
  const roleGroups: Record<Role, ReadonlySet<string>> = {
    triage: groups(raw.OIDC_TRIAGE_GROUPS),
    maintainer: groups(raw.OIDC_MAINTAINER_GROUPS),
    commissioner: groups(raw.OIDC_COMMISSIONER_GROUPS),
  };
  return {
    ...base,
    oidc: { issuer, clientId, clientSecret, redirectUri: new URL("/auth/callback", publicUrl).href, groupsClaim: raw.OIDC_GROUPS_CLAIM, roleGroups },
  };
}

export function limitsConfig(raw: RawConfig): LimitsConfig {
  return {
    chatTurnsPerMinute: raw.CHAT_TURNS_PER_MINUTE,
    searchesPerMinute: raw.SEARCHES_PER_MINUTE,
    referralsPerHour: raw.REFERRALS_PER_HOUR,
    referenceLookupsPerHour: raw.REFERENCE_LOOKUPS_PER_HOUR,
    feedbackReportsPerHour: raw.FEEDBACK_REPORTS_PER_HOUR,
  };
}
