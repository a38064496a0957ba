import { Hono } from "hono";
import type { Answer } from "../answer/answer.js";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { RateLimitedError } from "../errors/rate-limited-error.js";
import { isSignpostError } from "../errors/signpost-error.js";
import type { Logger } from "../logging/create-logger.js";
import { shortVersion } from "../directory-version/directory-versions.js";
import type { SharedDirectoryStatus } from "../directory-version/shared-directory.js";
import type { EngineHealth } from "../search/search-engine.js";
import { browserDefences } from "./browser-defences.js";

/** What the HTTP layer needs from the core; absent until the directory is indexed. */
export interface HttpCore {
  ask(question: string): Promise<Answer>;
  health(): Promise<EngineHealth>;
  readonly directoryFingerprint: string;
  readonly serviceCount: number;
  /** The directory version every instance should answer from, as this one last saw it (absent: no database). */
  directoryVersion?(): SharedDirectoryStatus;
  /** Whether the database answers now (absent: not asked). */
  databaseReachable?(): Promise<boolean>;
}

export interface HttpAppOptions {
  readonly core: () => HttpCore | undefined;
  readonly logger: Logger;
  /** PUBLIC_URL: the one host besides loopback that browsers may use (src/http/browser-defences.ts). */
  readonly publicUrl?: URL;
}

function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

/**
 * Signpost's one HTTP server: health and readiness here, and every channel's
 * routes mounted on it (the search API, the web chat, Slack, Teams). Request in,
 * response out; the core does the work. Errors become a clear JSON message with
 * a code, never a stack trace; the cause goes to the log.
 */
export function createHttpApp({ core, logger, publicUrl }: HttpAppOptions): Hono {
  const app = new Hono();

  // One line per request for operators: never the query string, which holds what staff typed.
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    logger.info({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) }, "request");
  });
  app.use(browserDefences(publicUrl ? { publicUrl } : {}));

  app.get("/healthz", (c) => c.json({ status: "ok" }));

  app.get("/readyz", async (c) => {
    const ready = core();
    if (!ready) return c.json({ status: "starting", detail: "the directory is being indexed" }, 503);
    const [health, database] = await Promise.all([ready.health(), ready.databaseReachable?.()]);
    const own = ready.directoryFingerprint;
    const version = ready.directoryVersion?.();
    // Still ready without the database: it answers what needs none, and refuses the rest with a sentence.
    const databaseAway = database === false ? "the database is unreachable: chat turns, sign-in and referrals are refused with a sentence until it is back" : undefined;
    const detail = [health.detail, databaseAway].filter(Boolean).join("; ");
    return c.json(
      {
        status: health.ready ? "ready" : "not ready",
        engine: health.engine,
        // This instance's own directory, never the count of a shared index.
        services: ready.serviceCount,
        directory: shortVersion(own),
        ...(version
          ? {
              sharedDirectory: version.shared ? shortVersion(version.shared.fingerprint) : null,
              onSharedVersion: version.shared === undefined || version.shared.fingerprint === own,
              ...(version.problem ? { directoryProblem: version.problem } : {}),
            }
          : {}),
        ...(database === undefined ? {} : { database: database ? "reachable" : "unreachable" }),
        ...(health.degraded || databaseAway ? { degraded: true } : {}),
        ...(detail ? { detail } : {}),
      },
      health.ready ? 200 : 503,
    );
  });

  app.notFound((c) => c.json(errorBody("NOT_FOUND", `There is nothing at ${c.req.method} ${c.req.path}.`), 404));

  app.onError((error, c) => {
    if (error instanceof RateLimitedError) {
      logger.info({ code: error.code, limit: error.limit, path: c.req.path }, "rate limit reached");
      return c.json(errorBody(error.code, error.userMessage), 429, { "Retry-After": String(error.retryAfterSeconds), "Cache-Control": "no-store" });
    }
    if (isSignpostError(error)) {
      logger.warn({ code: error.code, err: error }, "request failed");
      return c.json(errorBody(error.code, error.userMessage), error.httpStatus as ContentfulStatusCode, { "Cache-Control": "no-store" });
    }
    logger.error({ err: error, path: c.req.path }, "unexpected error handling request");
    return c.json(errorBody("INTERNAL", "Something went wrong on our side. Please try again; if it keeps happening, tell the administrator."), 500);
  });

  return app;
}
