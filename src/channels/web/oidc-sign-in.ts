/**
 * Web sign-in with OpenID Connect (openid-client, a certified relying party):
 * Microsoft Entra ID, and so NHSmail, or any provider with discovery.
 *
 *   GET  /auth/sign-in?return_to=/   to the provider, with PKCE, a state and a nonce
 *   GET  /auth/callback              back from it: the code is exchanged, the ID token's
 *                                    issuer, audience, nonce and signature checked, and a
 *                                    session made for web:<sub> with the roles its groups give
 *   POST /auth/sign-out              ends the session, on every instance
 *
 * The state is bound to the browser by a short-lived cookie, and each sign-in
 * is used once. Failures show a plain page with a way to try again; the
 * cause goes to the log, without any claim about the person.
 */
import type { Context, Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import * as client from "openid-client";
import type { OidcConfig } from "../../config/config-schema.js";
import { isLoopbackHost } from "../../config/access-config.js";
import { type Role, roles } from "../../identity/roles.js";
import { webUserId } from "../../identity/user-id.js";
import type { Logger } from "../../logging/create-logger.js";
import type { KyselySessionStore } from "../../sessions/kysely-session-store.js";
import { type KyselySignInAttempts, signInAttemptMs } from "../../sessions/kysely-sign-in-attempts.js";
import { type CookiePolicy, clearSessionCookie, readSessionCookie, writeSessionCookie } from "./session-cookie.js";
import { SignInError } from "../../errors/sign-in-error.js";

export interface OidcSignInOptions {
  readonly oidc: OidcConfig;
  readonly sessions: () => KyselySessionStore | undefined;
  readonly attempts: () => KyselySignInAttempts | undefined;
  readonly cookie: CookiePolicy;
  readonly logger: Logger;
  /** How requests to the provider are made (tests point this at a proxy); default fetch. */
  readonly fetch?: client.CustomFetch;
}

const scope = "openid profile";

function stateCookieName(policy: CookiePolicy): string {
  return policy.secure ? "__Host-signpost_sign_in" : "signpost_sign_in";
}

/** A path on this site only: anything else (another site, //host, a backslash trick) goes home. */
export function safeReturnPath(value: string | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.includes("\\") || [...value].some((ch) => ch.charCodeAt(0) < 0x20)) return "/";
  return value.slice(0, 200);
}

function page(c: Context, status: 400 | 502 | 503, sentence: string): Response {
  const html = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Signpost: sign-in</title></head><body><main><h1>Sign-in did not complete</h1><p>${sentence}</p><p><a href="/auth/sign-in">Try signing in again</a> or <a href="/">go back to Signpost</a>.</p></main></body></html>`;
  return c.html(html, status, { "Cache-Control": "no-store", "Content-Security-Policy": "default-src 'none'; base-uri 'none'; frame-ancestors 'none'" });
}

/** The roles the person's groups give, by OIDC_*_GROUPS. */
export function rolesFromGroups(claims: Readonly<Record<string, unknown>>, oidc: OidcConfig): Role[] {
  const value = claims[oidc.groupsClaim];
  const groups = new Set(Array.isArray(value) ? value.filter((g): g is string => typeof g === "string") : typeof value === "string" ? [value] : []);
  return roles.filter((role) => [...oidc.roleGroups[role]].some((group) => groups.has(group)));
}

export function mountOidcSignIn(app: Hono, options: OidcSignInOptions): void {
  const { oidc, cookie, logger } = options;
  let discovered: Promise<client.Configuration> | undefined;
  const configuration = (): Promise<client.Configuration> => {
    const issuer = new URL(oidc.issuer);
    const insecure = issuer.protocol === "http:" && isLoopbackHost(issuer.hostname);
    discovered ??= client
      .discovery(issuer, oidc.clientId, undefined, client.ClientSecretPost(oidc.clientSecret), {
        ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
        ...(options.fetch ? { [client.customFetch]: options.fetch } : {}),
      })
      .then((config) => {
        if (options.fetch) config[client.customFetch] = options.fetch;
        return config;
      })
      .catch((error: unknown) => {
        discovered = undefined; // try again next time
        throw error;
      });
    return discovered;
  };

  app.get("/auth/sign-in", async (c) => {
    const attempts = options.attempts();
    if (!attempts) return page(c, 503, "Signpost is still starting up. Please try again in a few seconds.");
    let config: client.Configuration;
    try {
      config = await configuration();
    } catch (error) {
      logger.error({ failure: describe(error) }, "the identity provider's discovery document could not be read");
      return page(c, 502, "The sign-in service could not be reached just now.");
    }
    const state = client.randomState();
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    await attempts.save(state, { codeVerifier, nonce, returnTo: safeReturnPath(c.req.query("return_to")) });
    setCookie(c, stateCookieName(cookie), state, { httpOnly: true, sameSite: "Lax", path: "/", secure: cookie.secure, maxAge: signInAttemptMs / 1000 });
    const target = client.buildAuthorizationUrl(config, {
      redirect_uri: oidc.redirectUri,
      scope,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: "S256",
      state,
      nonce,
    });
    return c.redirect(target.href, 302);
  });

  app.get("/auth/callback", async (c) => {
    const [sessions, attempts] = [options.sessions(), options.attempts()];
    if (!sessions || !attempts) return page(c, 503, "Signpost is still starting up. Please try again in a few seconds.");
    const state = c.req.query("state");
    const expected = getCookie(c, stateCookieName(cookie));
    deleteCookie(c, stateCookieName(cookie), { path: "/", secure: cookie.secure });
    if (!state || !expected || state !== expected) {
      logger.warn({ reason: !state ? "no state" : !expected ? "no state cookie" : "state does not match the browser" }, "sign-in refused");
      return page(c, 400, "This sign-in was not started in this browser, or took too long.");
    }
    const attempt = await attempts.take(state);
    if (!attempt) {
      logger.warn({ reason: "unknown, used or expired state" }, "sign-in refused");
      return page(c, 400, "This sign-in has already been used, or took too long.");
    }
    // The URL the provider sent the browser to, rebuilt from PUBLIC_URL, never from the Host header.
    const current = new URL(oidc.redirectUri);
    current.search = new URL(c.req.url).search;
    let claims: Readonly<Record<string, unknown>>;
    try {
      const config = await configuration();
      const tokens = await client.authorizationCodeGrant(config, current, { pkceCodeVerifier: attempt.codeVerifier, expectedState: state, expectedNonce: attempt.nonce, idTokenExpected: true });
      const idClaims = tokens.claims();
      if (!idClaims) throw new SignInError("no ID token claims");
      claims = idClaims;
    } catch (error) {
      logger.warn({ failure: describe(error) }, "sign-in refused by its checks");
      return page(c, 400, "Your sign-in could not be checked, so you have not been signed in.");
    }
    const name = typeof claims.name === "string" ? claims.name : typeof claims.preferred_username === "string" ? claims.preferred_username : undefined;
    const { token, session } = await sessions.create({
      userId: webUserId(String(claims.sub)),
      ...(name ? { userName: name.slice(0, 200) } : {}),
      roles: rolesFromGroups(claims, oidc),
      kind: "signed-in",
    });
    writeSessionCookie(c, cookie, token);
    logger.info({ roles: session.roles }, "signed in");
    return c.redirect(attempt.returnTo, 302);
  });

  mountSignOut(app, options);
}

/** POST /auth/sign-out: the session is deleted (so the cookie names nothing on any instance) and the cookie cleared. */
export function mountSignOut(app: Hono, options: Pick<OidcSignInOptions, "sessions" | "cookie">): void {
  app.post("/auth/sign-out", async (c) => {
    const sessions = options.sessions();
    const token = readSessionCookie(c, options.cookie);
    if (sessions && token) await sessions.delete(token);
    clearSessionCookie(c, options.cookie);
    return c.json({ signedOut: true }, 200, { "Cache-Control": "no-store" });
  });
}

/** An error as operators need it: its kind, its code and the claim whose check failed, never a claim's value. */
function describe(error: unknown): Record<string, unknown> {
  // openid-client wraps oauth4webapi's error, whose own message names the check and whose cause names the claim.
  const e = error as { name?: unknown; code?: unknown; message?: unknown; cause?: { code?: unknown; message?: unknown; cause?: { claim?: unknown } } };
  const claim = e.cause?.cause?.claim;
  return {
    kind: e.name,
    code: e.code ?? e.cause?.code,
    ...(typeof claim === "string" ? { claim } : {}),
    message: typeof e.message === "string" ? e.message.slice(0, 200) : undefined,
    ...(typeof e.cause?.message === "string" ? { check: e.cause.message.slice(0, 200) } : {}),
  };
}
