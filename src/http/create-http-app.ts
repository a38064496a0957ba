import { Hono } from "hono";
import { z } from "zod";
import type { Answer } from "../answer/answer.js";
import { maxQuestionLength } from "../answer/answer-question.js";
import { isSignpostError } from "../errors/signpost-error.js";
import type { Logger } from "../logging/create-logger.js";
import type { EngineHealth } from "../search/search-engine.js";

/** What the HTTP layer needs from the core; absent until the directory is indexed. */
export interface HttpCore {
  ask(question: string): Promise<Answer>;
  health(): Promise<EngineHealth>;
  readonly directoryFingerprint: string;
  readonly serviceCount: number;
}

export interface HttpAppOptions {
  readonly core: () => HttpCore | undefined;
  readonly logger: Logger;
}

const searchParams = z.object({
  q: z
    .string({ error: "Add a question in the q parameter, for example /api/search?q=lonely+in+Loughborough" })
    .trim()
    .min(1, "The q parameter is empty: add a question, for example /api/search?q=lonely+in+Loughborough")
    .max(maxQuestionLength, `The q parameter is longer than ${maxQuestionLength} characters`),
});

function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

/**
 * Signpost's one HTTP server: health, readiness and the search API. Request in,
 * response out; the core does the work. Errors become a clear JSON message with
 * a code, never a stack trace; the cause goes to the log.
 */
export function createHttpApp({ core, logger }: HttpAppOptions): Hono {
  const app = new Hono();

  // One line per request for operators: never the query string, which holds what staff typed.
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    logger.info({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) }, "request");
  });

  app.get("/healthz", (c) => c.json({ status: "ok" }));

  app.get("/readyz", async (c) => {
    const ready = core();
    if (!ready) return c.json({ status: "starting", detail: "the directory is being indexed" }, 503);
    const health = await ready.health();
    return c.json(
      {
        status: health.ready ? "ready" : "not ready",
        engine: health.engine,
        services: health.services,
        directory: ready.directoryFingerprint.slice(0, 12),
        ...(health.degraded ? { degraded: true } : {}),
        ...(health.detail ? { detail: health.detail } : {}),
      },
      health.ready ? 200 : 503,
    );
  });

  app.get("/api/search", async (c) => {
    const parsed = searchParams.safeParse({ q: c.req.query("q") });
    if (!parsed.success) return c.json(errorBody("BAD_REQUEST", parsed.error.issues[0]?.message ?? "Bad request"), 400);
    const ready = core();
    if (!ready) return c.json(errorBody("NOT_READY", "Signpost is still starting up. Please try again in a few seconds."), 503);
    return c.json(await ready.ask(parsed.data.q));
  });

  app.notFound((c) => c.json(errorBody("NOT_FOUND", `There is nothing at ${c.req.method} ${c.req.path}.`), 404));

  app.onError((error, c) => {
    if (isSignpostError(error)) {
      logger.warn({ code: error.code, err: error }, "request failed");
      return c.json(errorBody(error.code, error.userMessage), error.code === "SEARCH_UNAVAILABLE" ? 503 : 500);
    }
    logger.error({ err: error, path: c.req.path }, "unexpected error handling request");
    return c.json(errorBody("INTERNAL", "Something went wrong on our side. Please try again; if it keeps happening, tell the administrator."), 500);
  });

  return app;
}
