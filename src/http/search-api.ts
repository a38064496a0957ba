import type { Hono, MiddlewareHandler } from "hono";
import { z } from "zod";
import { maxQuestionLength } from "../answer/answer-question.js";
import type { HttpCore } from "./create-http-app.js";

const searchParams = z.object({
  q: z
    .string({ error: "Add a question in the q parameter, for example /api/search?q=lonely+in+Loughborough" })
    .trim()
    .min(1, "The q parameter is empty: add a question, for example /api/search?q=lonely+in+Loughborough")
    .max(maxQuestionLength, `The q parameter is longer than ${maxQuestionLength} characters`),
});

const noStore = { "Cache-Control": "no-store" };

function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

/**
 * GET /api/search?q=: the `ask --json` answer over HTTP. `guard` decides who may
 * ask and counts them against the search limit (the web channel's rules). The
 * answer is never cached: the question is in the URL.
 */
export function mountSearchApi(app: Hono, options: { readonly core: () => HttpCore | undefined; readonly guard: MiddlewareHandler }): void {
  app.get("/api/search", options.guard, async (c) => {
    const parsed = searchParams.safeParse({ q: c.req.query("q") });
    if (!parsed.success) return c.json(errorBody("BAD_REQUEST", parsed.error.issues[0]?.message ?? "Bad request"), 400, noStore);
    const ready = options.core();
    if (!ready) return c.json(errorBody("NOT_READY", "Signpost is still starting up. Please try again in a few seconds."), 503, noStore);
    return c.json(await ready.ask(parsed.data.q), 200, noStore);
  });
}
