/**
 * The web channel as it runs, for the web tests: the real core on the real
 * directory, a referral desk, inbox, sessions and sign-ins on a fresh SQLite
 * file, real rate limits, and the real Hono app (browser defences, the page,
 * the chat API, team inboxes, sign-in or trial mode, the search API) served
 * on 127.0.0.1 (or another address) on a free port.
 */
import { mountWeb } from "../../../../src/channels/web/mount-web.js";
import type { WebChatInbox } from "../../../../src/channels/web/web-chat-routes.js";
import type { LimitsConfig, WebConfig } from "../../../../src/config/config-schema.js";
import type { Bot } from "../../../../src/conversation/bot.js";
import { createBot } from "../../../../src/conversation/create-bot.js";
import { KyselyConversationStore } from "../../../../src/conversation/kysely-conversation-store.js";
import { createHttpApp, type HttpCore } from "../../../../src/http/create-http-app.js";
import { mountSearchApi } from "../../../../src/http/search-api.js";
import { startHttpServer } from "../../../../src/http/start-http-server.js";
import { noRoleAssignments, type Role, type RoleAssignments } from "../../../../src/identity/roles.js";
import { RateLimits } from "../../../../src/limits/rate-limits.js";
import { Insight } from "../../../../src/insight/insight.js";
import { retiredReferralCounts } from "../../../../src/referrals/retire-referral.js";
import { ReferralFactsQuery } from "../../../../src/referrals/kysely-referral-facts.js";
import { KyselyUnmetSearchLog } from "../../../../src/unmet-searches/kysely-unmet-search-log.js";
import { answerQuestion } from "../../../../src/answer/answer-question.js";
import { KyselySessionStore } from "../../../../src/sessions/kysely-session-store.js";
import { KyselySignInAttempts } from "../../../../src/sessions/kysely-sign-in-attempts.js";
import { type Clock, systemClock } from "../../../../src/time/clock.js";
import { recordingFeedback } from "../../../support/recording-feedback.js";
import { realDirectoryAndEngine } from "../../../support/load-real-directory.js";
import { memoryLogger } from "../../../support/memory-logger.js";
import { testReferrals } from "../../../support/test-referrals.js";
import { webClient } from "../../../support/web-client.js";

export const roomyLimits: LimitsConfig = { chatTurnsPerMinute: 10_000, searchesPerMinute: 10_000, referralsPerHour: 10_000, referenceLookupsPerHour: 10_000, feedbackReportsPerHour: 10_000 };

export interface WebWorldOptions {
  readonly web?: Partial<WebConfig>;
  readonly roles?: Partial<RoleAssignments>;
  readonly trialRoles?: readonly Role[];
  readonly limits?: LimitsConfig;
  readonly host?: string;
  /** A port chosen beforehand (sign-in needs PUBLIC_URL to name it); default a free one. */
  readonly port?: number;
  /** Replace the bot (a failing one) or make it absent (starting up). */
  readonly bot?: () => Bot | undefined;
  readonly inbox?: () => WebChatInbox | undefined;
  readonly teamInboxes?: { triage?: string; maintainers?: string };
  readonly oidcFetch?: Parameters<typeof mountWeb>[1]["oidcFetch"];
  /** When the insight view looks from (its twelve months end there); now by default. */
  readonly insightClock?: Clock;
}

export async function startWebWorld(options: WebWorldOptions = {}) {
  const core = await realDirectoryAndEngine();
  const { referrals, inbox, sender, db } = await testReferrals(core.directory, systemClock);
  const { feedback, reports } = recordingFeedback();
  const limits = RateLimits.inMemory(options.limits ?? roomyLimits);
  const ttl = 30 * 60_000;
  const bot = createBot({ ...core, maxResults: 5, conversations: new KyselyConversationStore(db, systemClock, ttl), referrals, feedback, clock: systemClock, limits });
  const web: WebConfig = { sessionIdleMs: 60 * 60_000, sessionMaxMs: 12 * 3_600_000, ...options.web };
  const sessions = new KyselySessionStore(db, systemClock, { idleMs: web.sessionIdleMs, maxMs: web.sessionMaxMs });
  const signInAttempts = new KyselySignInAttempts(db, systemClock);
  const { logger, lines } = memoryLogger();
  const deps = { ...core, maxResults: 5 };
  const httpCore: HttpCore = { ask: (q) => answerQuestion(q, deps), health: () => core.engine.health(), directoryFingerprint: core.directory.fingerprint, serviceCount: core.directory.services.length };
  const app = createHttpApp({ core: () => httpCore, logger, ...(web.publicUrl ? { publicUrl: web.publicUrl } : {}) });
  // The insight view's figures, from the same database the referrals are in.
  const insight = new Insight({ referrals: new ReferralFactsQuery(db), retired: (month) => retiredReferralCounts(db, month), unmet: new KyselyUnmetSearchLog(db), directory: core.directory, clock: options.insightClock ?? systemClock });
  const channel = mountWeb(app, {
    web,
    roles: { ...noRoleAssignments, ...options.roles },
    trialRoles: options.trialRoles ?? [],
    bot: options.bot ?? (() => bot),
    inbox: options.inbox ?? (() => inbox),
    sessions: () => sessions,
    signInAttempts: () => signInAttempts,
    limits: () => limits,
    teamInboxes: options.teamInboxes ?? { triage: "first-contact-triage", maintainers: "signpost-maintainers" },
    insight: () => insight,
    logger,
    ...(options.oidcFetch ? { oidcFetch: options.oidcFetch } : {}),
  });
  mountSearchApi(app, { core: () => httpCore, guard: channel.searchGuard });
  const host = options.host ?? "127.0.0.1";
  const server = await startHttpServer(app, host, options.port ?? 0);
  // Bound to every address, it is still reached on loopback unless a test says otherwise.
  const base = `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${server.port}`;
  return {
    app,
    base,
    port: server.port,
    bot,
    referrals,
    inbox,
    sender,
    db,
    sessions,
    insight,
    reports,
    lines,
    /** A new browser: its own cookie jar. */
    client: (headers: Record<string, string> = {}) => webClient(base, headers),
    close: () => server.close(),
  };
}

export type WebWorld = Awaited<ReturnType<typeof startWebWorld>>;
