/**
 * Defences for what a browser can be made to send. A web page anywhere can
 * make the user's browser post to Signpost on 127.0.0.1, and a DNS-rebinding
 * page can make it read the answers. So, for every route a browser uses:
 * - the Host header must be PUBLIC_URL's host or a loopback name (421 otherwise);
 * - /api/ requests with a body must say application/json (415 otherwise), which
 *   no cross-site form or no-preflight fetch can;
 * - requests that change something must come from Signpost's own page: their
 *   Origin must be the origin the Host names, and be PUBLIC_URL's or loopback
 *   (403 otherwise); without an Origin, a browser's Sec-Fetch-Site must not
 *   say cross-site. Tools such as curl send neither and are let through.
 * Bot endpoints carry their own verification (a Slack signature, a Bot
 * Framework token) and health checks come from load balancers, so they are exempt.
 */
import type { MiddlewareHandler } from "hono";
import { isLoopbackHost } from "../config/access-config.js";
import { hostnameOf } from "./local-request.js";

export const exemptPaths: readonly string[] = ["/slack/events", "/api/messages", "/healthz", "/readyz"];

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

function refuse(code: string, message: string, status: 403 | 415 | 421): Response {
  return Response.json({ error: { code, message } }, { status, headers: { "Cache-Control": "no-store" } });
}

function isJson(contentType: string | undefined): boolean {
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase();
  return type === "application/json";
}

export function browserDefences(options: { readonly publicUrl?: URL }): MiddlewareHandler {
  const publicHost = options.publicUrl?.host.toLowerCase();
  const publicOrigin = options.publicUrl?.origin;
  const allowedHost = (host: string) => (publicHost !== undefined && host === publicHost) || isLoopbackHost(hostnameOf(host));

  return async (c, next) => {
    if (exemptPaths.includes(c.req.path)) return next();
    const host = (c.req.header("host") ?? "").toLowerCase();
    if (!allowedHost(host)) {
      return refuse("MISDIRECTED", "This address is not one Signpost answers to. Open Signpost at its own address.", 421);
    }
    if (safeMethods.has(c.req.method)) return next();
    if (c.req.path.startsWith("/api/") && !isJson(c.req.header("content-type"))) {
      return refuse("UNSUPPORTED_MEDIA_TYPE", "Send the request as JSON, with Content-Type: application/json.", 415);
    }
    const origin = c.req.header("origin");
    if (origin !== undefined) {
      let parsed: URL | undefined;
      try {
        parsed = new URL(origin);
      } catch {
        parsed = undefined;
      }
      const sameHost = parsed !== undefined && parsed.host.toLowerCase() === host;
      const trusted = parsed !== undefined && (parsed.origin === publicOrigin || isLoopbackHost(parsed.hostname));
      if (!sameHost || !trusted) return refuse("FORBIDDEN_ORIGIN", "Signpost only accepts this from its own page.", 403);
    } else if (c.req.header("sec-fetch-site") === "cross-site") {
      return refuse("FORBIDDEN_ORIGIN", "Signpost only accepts this from its own page.", 403);
    }
    return next();
  };
}
