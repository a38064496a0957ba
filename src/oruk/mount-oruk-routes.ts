/**
 * Serves the directory as an Open Referral UK v3 API, so other directories can
 * read it: GET /api/oruk/services (a page of list items, `?page=&per_page=`,
 * per_page at most 100) and GET /api/oruk/services/{id} (one full service, by
 * its ORUK UUID or its Signpost id). Bad parameters are a 400 naming the
 * parameter; an unknown id is a JSON 404.
 */
import type { Hono } from "hono";
import { z } from "zod";
import type { Directory, Service } from "../directory/directory.js";
import { orukServiceId, orukServicePage, toOrukService } from "./oruk-export.js";

export interface OrukRoutesOptions {
  /** Absent until the directory is loaded. */
  readonly directory: () => Directory | undefined;
}

export const maxPerPage = 100;
export const defaultPerPage = 50;

/** A whole-number query parameter from 1 to `max`, defaulting when absent or empty. */
const wholeParameter = (name: string, fallback: number, max?: number) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const value = raw?.trim() ?? "";
      if (value === "") return fallback;
      const number = /^[+-]?\d+$/.test(value) ? Number(value) : Number.NaN;
      const problem = Number.isNaN(number)
        ? `must be a whole number, like ${name}=2`
        : number < 1
          ? "must be 1 or more"
          : max !== undefined && number > max
            ? `must be at most ${max}`
            : undefined;
      if (problem === undefined) return number;
      ctx.addIssue({ code: "custom", message: `${name}: ${problem}` });
      return z.NEVER;
    });

const pageQuery = z.object({ page: wholeParameter("page", 1), per_page: wholeParameter("per_page", defaultPerPage, maxPerPage) });

const errorBody = (code: string, message: string) => ({ error: { code, message } });
const notReady = errorBody("NOT_READY", "Signpost is still starting up. Please try again in a few seconds.");

const lookups = new WeakMap<Directory, Map<string, Service>>();

function findByAnyId(directory: Directory, id: string): Service | undefined {
  let byId = lookups.get(directory);
  if (!byId) {
    byId = new Map(directory.services.flatMap((service) => [[orukServiceId(service), service] as const, [service.id, service] as const]));
    lookups.set(directory, byId);
  }
  return byId.get(id.toLowerCase());
}

export function mountOrukRoutes(app: Hono, { directory }: OrukRoutesOptions): void {
  app.get("/api/oruk/services", (c) => {
    const parsed = pageQuery.safeParse({ page: c.req.query("page"), per_page: c.req.query("per_page") });
    if (!parsed.success) {
      return c.json(errorBody("BAD_REQUEST", parsed.error.issues.map((issue) => issue.message).join("; ")), 400);
    }
    const loaded = directory();
    if (!loaded) return c.json(notReady, 503);
    return c.json(orukServicePage(loaded, parsed.data.page, parsed.data.per_page));
  });

  app.get("/api/oruk/services/:id", (c) => {
    const loaded = directory();
    if (!loaded) return c.json(notReady, 503);
    const service = findByAnyId(loaded, c.req.param("id"));
    if (!service) return c.json(errorBody("NOT_FOUND", "There is no service with that id. The ids are listed at /api/oruk/services."), 404);
    return c.json(toOrukService(service, loaded));
  });
}
