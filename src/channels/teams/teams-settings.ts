/**
 * The Teams channel's settings, as the composition root passes them in (from
 * MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType, MicrosoftAppTenantId
 * and TEAMS_ALLOWED_TENANTS; src/config validates them), and the tenant rule
 * they imply. Structurally the same as the config's TeamsConfig, so
 * `config.teams` can be passed as it is.
 */
import type { Activity } from "botbuilder";
import { tenantIdsOf } from "./teams-activity.js";

export interface TeamsSettings {
  /** Unset: authentication is off, for the Bot Framework Emulator only (the composition root refuses it in production). */
  readonly appId?: string;
  readonly appPassword?: string;
  readonly appType: "SingleTenant" | "MultiTenant" | "UserAssignedMSI";
  readonly tenantId?: string;
  /** Activities from any other tenant are dropped. */
  readonly allowedTenantIds: ReadonlySet<string>;
}

/** Whether inbound tokens are validated: only with an app id. */
export function authenticationEnabled(settings: TeamsSettings): boolean {
  return settings.appId !== undefined && settings.appId !== "";
}

/**
 * The tenants whose activities are handled: the allowlist plus the bot's own
 * tenant. Single tenant by default. `undefined` means "any tenant", which only
 * happens with authentication off and nothing listed (local development with
 * the Emulator, whose activities carry no tenant).
 */
export function allowedTenants(settings: TeamsSettings): ReadonlySet<string> | undefined {
  const allowed = new Set(settings.allowedTenantIds);
  if (settings.tenantId) allowed.add(settings.tenantId);
  if (allowed.size === 0 && !authenticationEnabled(settings)) return undefined;
  return allowed;
}

/**
 * Single tenant by default: an activity is handled only when every tenant it
 * names is allowed. An activity naming no tenant, or two different ones, is
 * dropped too. With no allowlist at all (`undefined`: authentication off, for
 * the Emulator) everything is let through.
 */
export function tenantAllowed(activity: Partial<Activity>, allowed: ReadonlySet<string> | undefined): boolean {
  if (!allowed) return true;
  const ids = tenantIdsOf(activity);
  return ids.length > 0 && ids.every((id) => allowed.has(id));
}
