// The insight view: GET /insight (the page) and GET /insight/<figure>.csv (each
// figure's table), for the commissioner and triage roles when sign-in is
// configured, and in trial mode for this computer only (loopback, no proxy),
// showing the local data. Anyone else gets the app's own 404, exactly as for
// a page that does not exist. Everything served is anonymous and suppressed.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Context, Hono } from "hono";
import { isLocalRequest } from "../../http/local-request.js";
import { type RoleAssignments, rolesOf } from "../../identity/roles.js";
import { figureCsv } from "../../insight/figure-csv.js";
import { isFigureId } from "../../insight/figure.js";
import type { Insight } from "../../insight/insight.js";
import { readSessionCookie } from "./session-cookie.js";
import { contentSecurityPolicy } from "./web-chat-page.js";
import type { WebAccess } from "./web-identity.js";

export interface InsightRouteOptions {
  readonly insight: () => Insight | undefined;
  readonly access: WebAccess;
  readonly roles: RoleAssignments;
}

const css = readFileSync(fileURLToPath(new URL("./insight.css", import.meta.url)), "utf8");
const headers = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer" };

export function mountInsight(app: Hono, options: InsightRouteOptions): void {
  /** Who may see the figures: in trial mode this computer, with sign-in a session holding the commissioner or triage role. */
  const allowed = async (c: Context): Promise<"trial" | "signed-in" | undefined> => {
    if (!options.access.signIn) return isLocalRequest(c) ? "trial" : undefined;
    const token = readSessionCookie(c, options.access.cookie);
    const session = token ? await options.access.sessions()?.find(token) : undefined;
    if (!session) return undefined;
    const held = rolesOf(session.userId, options.roles, session.roles);
    return held.has("commissioner") || held.has("triage") ? "signed-in" : undefined;
  };

  app.get("/insight/insight.css", (c) => c.body(css, 200, { ...headers, "Cache-Control": "no-cache", "Content-Type": "text/css; charset=utf-8" }));

  app.get("/insight", async (c) => {
    const mode = await allowed(c);
    const insight = options.insight();
    if (!mode || !insight) return c.notFound();
    // The chart library (Observable Plot on linkedom) loads on the first visit, not at start-up: about 1.5 s of imports.
    const [{ insightPage }, report] = await Promise.all([import("./insight-page.js"), insight.report()]);
    const page = insightPage(report, mode);
    return c.body(page, 200, { ...headers, "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": contentSecurityPolicy });
  });

  app.get("/insight/:file", async (c) => {
    const id = /^([a-z-]+)\.csv$/.exec(c.req.param("file"))?.[1] ?? "";
    const insight = options.insight();
    if (!isFigureId(id) || !(await allowed(c)) || !insight) return c.notFound();
    const figure = await insight.figure(id);
    if (!figure) return c.notFound();
    return c.body(figureCsv(figure), 200, { ...headers, "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${id}.csv"` });
  });
}
