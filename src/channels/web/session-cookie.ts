/**
 * The web chat's session cookie: a random token, HttpOnly (no script reads
 * it), SameSite=Lax (no cross-site request carries it, but following a link
 * to Signpost does), and Secure with the __Host- prefix whenever Signpost is
 * served over https, so it never crosses the network in clear and no other
 * site or subdomain can set it.
 */
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";

export interface CookiePolicy {
  /** True when PUBLIC_URL is https. */
  readonly secure: boolean;
  /** How long the browser keeps it: the session's absolute timeout. */
  readonly maxAgeSeconds: number;
}

export function sessionCookieName(policy: Pick<CookiePolicy, "secure">): string {
  return policy.secure ? "__Host-signpost_session" : "signpost_session";
}

export function readSessionCookie(c: Context, policy: CookiePolicy): string | undefined {
  return getCookie(c, sessionCookieName(policy));
}

export function writeSessionCookie(c: Context, policy: CookiePolicy, token: string): void {
  setCookie(c, sessionCookieName(policy), token, {
    httpOnly: true,
    sameSite: "Lax",
    path: "/",
    secure: policy.secure,
    maxAge: policy.maxAgeSeconds,
  });
}

export function clearSessionCookie(c: Context, policy: CookiePolicy): void {
  deleteCookie(c, sessionCookieName(policy), { path: "/", secure: policy.secure });
}
