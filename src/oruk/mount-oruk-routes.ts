/**
 * Publishes the directory as an Open Referral UK v3 feed under /api/oruk, so a
 * neighbouring council or the ORUK dashboard can read it:
 * - `/` says which standard it is (HSDS-UK-3.0, ORUK's profile and OpenAPI);
 * - `/services` pages list items, filtered by `search`, `taxonomy_term_id`,
 *   `taxonomy_id` and `modified_after`; `/services/{id}` is one service in
 *   full, by its ORUK UUID or its Signpost id;
 * - `/taxonomies`, `/taxonomies/{id}`, `/taxonomy_terms`, `/taxonomy_terms/{id}`
 *   publish Signpost's vocabularies, needs read from the directory.
 * Lists take `page` and `per_page` (at most 100). Every response, errors
 * included, carries `Access-Control-Allow-Origin: *` and answers an OPTIONS
 * preflight for GET, as ORUK's compliance rules ask: the feed holds no
 * personal data and no credentials are honoured. Nothing else on the server
 * gets CORS headers. A bad parameter is a 400 naming it; an unknown id a 404.
 */
import type { Context, Hono } from "hono";
import { cors } from "hono/cors";
import type { Directory } from "../directory/directory.js";
import { filterOrukServices } from "./filter-oruk-services.js";
import { orukPage, orukServicePage, toOrukService } from "./oruk-export.js";
import { orukFeedIndex } from "./oruk-feed-index.js";
import { type PageQuery, type Parsed, parsePageQuery, parseServiceQuery } from "./oruk-feed-query.js";

export interface OrukRoutesOptions {
  /** Absent until the directory is loaded. */
  readonly directory: () => Directory | undefined;
}

/** Where the feed is served. */
export const orukBasePath = "/api/oruk";

/** What ORUK's `/` gives: the standard's version (as the ORUK validator reads it), its profile and its OpenAPI document. */
export const orukApiDetails = {
  version: "HSDS-UK-3.0",
  profile: "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md",
  openapi_url: "https://raw.githubusercontent.com/OpenReferralUK/uk-profile/main/schema/openapi.json",
} as const;

const errorBody = (code: string, message: string) => ({ error: { code, message } });
const notReady = errorBody("NOT_READY", "Signpost is still starting up. Please try again in a few seconds.");
const notFound = (what: string, list: string) => errorBody("NOT_FOUND", `There is no ${what} with that id. The ids are listed at ${orukBasePath}${list}.`);

/** Cross-origin reads of the feed: any origin, GET and HEAD only, never with credentials. */
const feedCors = cors({ origin: "*", allowMethods: ["GET", "HEAD", "OPTIONS"], credentials: false, maxAge: 86_400 });

export function mountOrukRoutes(app: Hono, { directory }: OrukRoutesOptions): void {
  app.use(orukBasePath, feedCors);
  app.use(`${orukBasePath}/*`, feedCors);

  /** The parsed query and the loaded directory, or the response that says why not. */
  const prepare = <T>(c: Context, parsed: Parsed<T>) => {
    if (!parsed.ok) return { response: c.json(errorBody("BAD_REQUEST", parsed.message), 400) };
    const loaded = directory();
    if (!loaded) return { response: c.json(notReady, 503) };
    return { query: parsed.value, index: orukFeedIndex(loaded), loaded };
  };
  const pageOf = (c: Context) => parsePageQuery((name) => c.req.query(name));
  const withId = <T>(c: Context, find: (loaded: Directory, id: string) => T | undefined, what: string, list: string) => {
    const loaded = directory();
    if (!loaded) return c.json(notReady, 503);
    const found = find(loaded, c.req.param("id") ?? "");
    return found === undefined ? c.json(notFound(what, list), 404) : c.json(found as object);
  };

  for (const root of [orukBasePath, `${orukBasePath}/`]) app.get(root, (c) => c.json(orukApiDetails));

  app.get(`${orukBasePath}/services`, (c) => {
    const ready = prepare(c, parseServiceQuery((name) => c.req.query(name)));
    if (ready.response) return ready.response;
    const { query, index } = ready;
    return c.json(orukServicePage(filterOrukServices(index, query), query.page, query.perPage));
  });

  app.get(`${orukBasePath}/services/:id`, (c) =>
    withId(
      c,
      (loaded, id) => {
        const service = orukFeedIndex(loaded).serviceById(id);
        return service && toOrukService(service, loaded);
      },
      "service",
      "/services",
    ),
  );

  app.get(`${orukBasePath}/taxonomies`, (c) => {
    const ready = prepare<PageQuery>(c, pageOf(c));
    if (ready.response) return ready.response;
    return c.json(orukPage(ready.index.taxonomies, ready.query.page, ready.query.perPage, (taxonomy) => ({ ...taxonomy })));
  });

  app.get(`${orukBasePath}/taxonomies/:id`, (c) =>
    withId(
      c,
      (loaded, id) => {
        const found = orukFeedIndex(loaded).taxonomyById(id);
        return found && { ...found.taxonomy, taxonomy_terms: found.terms };
      },
      "taxonomy",
      "/taxonomies",
    ),
  );

  app.get(`${orukBasePath}/taxonomy_terms`, (c) => {
    const ready = prepare<PageQuery>(c, pageOf(c));
    if (ready.response) return ready.response;
    return c.json(orukPage(ready.index.terms, ready.query.page, ready.query.perPage, (term) => term));
  });

  app.get(`${orukBasePath}/taxonomy_terms/:id`, (c) => withId(c, (loaded, id) => orukFeedIndex(loaded).termById(id), "taxonomy term", "/taxonomy_terms"));
}
