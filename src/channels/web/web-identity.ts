/**
 * Who is using the web chat, decided by the server and never by a request's
 * body. With sign-in configured (OIDC_ISSUER), a session made at sign-in;
 * without it (trial mode), a session Signpost makes itself, with a random
 * identity, and only for requests from this computer (loopback, no proxy).
 * Routes behind `webUser()` find the person in `c.get("webUser")`.
 */
import { randomUUID } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import type { Role } from "../../identity/roles.js";
import { webUserId } from "../../identity/user-id.js";
import { isLocalRequest, peerAddress } from "../../http/local-request.js";
import type { KyselySessionStore } from "../../sessions/kysely-session-store.js";
import { type CookiePolicy, readSessionCookie, writeSessionCookie } from "./session-cookie.js";

export interface WebUser {
  readonly userId: string;
  readonly userName?: string;
  /** Roles from the identity provider's groups, or TRIAL_ROLES; configuration adds its own. */
  readonly roles: readonly Role[];
  readonly kind: "trial" | "signed-in";
  /** The socket's address, for per-address limits. */
  readonly address?: string;
}

declare module "hono" {
  interface ContextVariableMap {
    webUser: WebUser;
  }
}

export interface WebAccess {
  /** Absent until storage is open. */
  readonly sessions: () => KyselySessionStore | undefined;
  /** Sign-in is configured: every web route needs a signed-in session. */
  readonly signIn: boolean;
  readonly trialRoles: readonly Role[];
  readonly cookie: CookiePolicy;
}

function refuse(code: string, message: string, status: 401 | 403 | 503): Response {
  return Response.json({ error: { code, message } }, { status, headers: { "Cache-Control": "no-store" } });
}

export const localOnly =
  "The web chat answers only on the computer Signpost runs on until sign-in is set up (OIDC_ISSUER); Slack and Teams work as usual.";
export const signInRequired = "Please sign in to use Signpost.";

/**
 * Puts the person in `c.get("webUser")`, or answers for them: 403 for trial mode
 * from elsewhere, 401 without a session (trial mode makes one when `startTrial`).
 */
export function webUser(access: WebAccess, options: { readonly startTrial: boolean }): MiddlewareHandler {
  return async (c, next) => {
    if (!access.signIn && !isLocalRequest(c)) return refuse("LOCAL_ONLY", localOnly, 403);
    const sessions = access.sessions();
    if (!sessions) return refuse("NOT_READY", "Signpost is still starting up. Please try again in a few seconds.", 503);
    const address = peerAddress(c);
    const token = readSessionCookie(c, access.cookie);
    let session = token ? await sessions.find(token) : undefined;
    if (!session && !access.signIn && options.startTrial) {
      const created = await sessions.create({ userId: webUserId(`trial-${randomUUID()}`), roles: access.trialRoles, kind: "trial" });
      writeSessionCookie(c, access.cookie, created.token);
      session = created.session;
    }
    if (!session) return refuse("SIGN_IN_REQUIRED", signInRequired, 401);
    c.set("webUser", {
      userId: session.userId,
      ...(session.userName ? { userName: session.userName } : {}),
      roles: session.roles,
      kind: session.kind,
      ...(address ? { address } : {}),
    });
    return next();
  };
}

/** The person a route behind webUser() is serving. */
export function currentUser(c: Context): WebUser {
  return c.get("webUser");
}
