import type { Role } from "../identity/roles.js";

/**
 * A web chat session: who the browser belongs to, as the server decided it.
 * "trial": Signpost assigned a random identity (no identity provider, loopback
 * only). "signed-in": the identity provider vouched for the person at sign-in.
 */
export interface WebSession {
  /** Namespaced: web:<sub>, or web:trial-<random>. */
  readonly userId: string;
  /** The name the identity provider gave, shown to the person and to triage; absent in trial mode. */
  readonly userName?: string;
  /** Roles the identity provider's groups gave at sign-in (or TRIAL_ROLES); configuration adds its own. */
  readonly roles: readonly Role[];
  readonly kind: "trial" | "signed-in";
  readonly createdAt: string;
  readonly lastSeenAt: string;
  /** The absolute timeout. */
  readonly expiresAt: string;
}

/** How long a session lasts: without use (idle) and at most (absolute). */
export interface SessionTimeouts {
  readonly idleMs: number;
  readonly maxMs: number;
}
