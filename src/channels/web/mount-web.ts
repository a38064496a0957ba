/**
 * Everything a browser reaches, mounted together: the page, the chat API, the
 * team inboxes, the insight view, sign-in (or, in trial mode, only sign-out) and the guard on
 * /api/search. Who may reach each is decided here, once: in trial mode only
 * this computer; with sign-in, only signed-in people.
 */
import type { Hono, MiddlewareHandler } from "hono";
import type { WebConfig } from "../../config/config-schema.js";
import type { Bot } from "../../conversation/bot.js";
import { isLocalRequest, peerAddress } from "../../http/local-request.js";
import type { Role, RoleAssignments } from "../../identity/roles.js";
import type { Insight } from "../../insight/insight.js";
import type { LimitKind, LimitSubject } from "../../limits/rate-limits.js";
import type { Logger } from "../../logging/create-logger.js";
import type { KyselySessionStore } from "../../sessions/kysely-session-store.js";
import type { KyselySignInAttempts } from "../../sessions/kysely-sign-in-attempts.js";
import { mountOidcSignIn, mountSignOut, type OidcSignInOptions } from "./oidc-sign-in.js";
import { mountInsight } from "./insight-routes.js";
import { mountTeamInboxes } from "./team-inbox-routes.js";
import { mountWebChatPage } from "./web-chat-page.js";
import { mountWebChat, type WebChatInbox } from "./web-chat-routes.js";
import { currentUser, localOnly, type WebAccess, webUser } from "./web-identity.js";

export interface WebChannelOptions {
  readonly web: WebConfig;
  readonly roles: RoleAssignments;
  readonly trialRoles: readonly Role[];
  readonly bot: () => Bot | undefined;
  readonly inbox: () => WebChatInbox | undefined;
  readonly sessions: () => KyselySessionStore | undefined;
  readonly signInAttempts: () => KyselySignInAttempts | undefined;
  readonly limits: () => { check(kind: LimitKind, subject: LimitSubject): Promise<void> } | undefined;
  /** The team inboxes' destinations, when their notifier is the inbox. */
  readonly teamInboxes: { readonly triage?: string; readonly maintainers?: string };
  readonly logger: Logger;
  /** The anonymous figures for /insight (src/insight/); absent until storage is open. */
  readonly insight?: () => Insight | undefined;
  /** Tests: how requests to the identity provider are made. */
  readonly oidcFetch?: OidcSignInOptions["fetch"];
}

export interface WebChannel {
  /** Runs before GET /api/search: the same people as the chat, counted against the search limit. */
  readonly searchGuard: MiddlewareHandler;
}

export function mountWeb(app: Hono, options: WebChannelOptions): WebChannel {
  const { web } = options;
  const signIn = web.oidc !== undefined;
  const cookie = { secure: web.publicUrl?.protocol === "https:", maxAgeSeconds: Math.round(web.sessionMaxMs / 1000) };
  const access: WebAccess = { sessions: options.sessions, signIn, trialRoles: options.trialRoles, cookie };

  mountWebChatPage(app, { signIn });
  mountWebChat(app, { bot: options.bot, inbox: options.inbox, limits: options.limits, access, logger: options.logger });
  mountTeamInboxes(app, { inbox: options.inbox, access, roles: options.roles, destinations: options.teamInboxes });
  mountInsight(app, { insight: options.insight ?? (() => undefined), access, roles: options.roles });
  if (web.oidc) {
    mountOidcSignIn(app, {
      oidc: web.oidc,
      sessions: options.sessions,
      attempts: options.signInAttempts,
      cookie,
      logger: options.logger,
      ...(options.oidcFetch ? { fetch: options.oidcFetch } : {}),
    });
  } else {
    mountSignOut(app, { sessions: options.sessions, cookie });
  }

  const signedIn = webUser(access, { startTrial: false });
  const searchGuard: MiddlewareHandler = async (c, next) => {
    const count = async () => {
      const limits = options.limits();
      const address = peerAddress(c);
      const userId = signIn ? currentUser(c).userId : undefined;
      await limits?.check("search", { ...(userId ? { userId } : {}), ...(address ? { address } : {}) });
      await next();
    };
    if (signIn) return signedIn(c, count);
    if (!isLocalRequest(c)) return c.json({ error: { code: "LOCAL_ONLY", message: localOnly } }, 403, { "Cache-Control": "no-store" });
    return count();
  };
  return { searchGuard };
}
