// Web sign-in against a real OpenID Provider (oidc-provider, started here): signing in gives a session
// for web:<sub> with the name and the roles its groups give; signing out ends it everywhere; a tampered
// or ended session, a replayed callback, a callback from another browser, a provider that is not the
// issuer configured and an ID token for another audience are all refused, with no session made.
import * as client from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Reply } from "../../../src/conversation/reply.js";
import { freePort } from "../../support/free-port.js";
import { type OpenIdProvider, otherClient, signInAt, signpostClient, startOpenIdProvider } from "../../support/openid-provider.js";
import type { WebClient } from "../../support/web-client.js";
import { expectError } from "./support/expect-error.js";
import { startWebWorld, type WebWorld } from "./support/web-world.js";

const accounts = {
  "sam-4f1c": { name: "Sam Example", groups: ["g-first-contact-triage", "g-everyone"] },
  "alex-77aa": { name: "Alex Sample", groups: ["g-everyone"] },
};

let provider: OpenIdProvider;
let world: WebWorld;
let signpostPort: number;
/** Each ID token the provider issued to Signpost, swapped for this one when set (a token for another audience). */
let swapIdToken: string | undefined;

async function startSignpost(issuer: string) {
  return startWebWorld({
    port: signpostPort,
    web: {
      publicUrl: new URL(`http://127.0.0.1:${signpostPort}`),
      oidc: {
        issuer,
        clientId: signpostClient.clientId,
        clientSecret: signpostClient.clientSecret,
        redirectUri: `http://127.0.0.1:${signpostPort}/auth/callback`,
        groupsClaim: "groups",
        roleGroups: { triage: new Set(["g-first-contact-triage"]), maintainer: new Set(), commissioner: new Set() },
      },
    },
    oidcFetch: async (url, init) => {
      const response = await fetch(url, init as RequestInit);
      if (!swapIdToken || !url.endsWith("/token")) return response;
      const body = (await response.json()) as Record<string, unknown>;
      return Response.json({ ...body, id_token: swapIdToken }, { status: response.status });
    },
  });
}

beforeAll(async () => {
  const providerPort = await freePort();
  signpostPort = await freePort();
  provider = await startOpenIdProvider({ port: providerPort, redirectUris: [`http://127.0.0.1:${signpostPort}/auth/callback`], accounts });
  world = await startSignpost(provider.issuer);
});
afterAll(async () => {
  await world.close();
  await provider.close();
});

/** Starts signing in from Signpost, as a person at the provider, and returns where the provider sent them back. */
async function throughProvider(browser: WebClient, account: string, returnTo = "/"): Promise<URL> {
  const start = await browser.fetch(`/auth/sign-in?return_to=${encodeURIComponent(returnTo)}`);
  expect(start.status).toBe(302);
  return signInAt(provider, start.headers.get("location") ?? "", account);
}

async function signIn(account: string, returnTo = "/"): Promise<{ browser: WebClient; landed: Response }> {
  const browser = world.client();
  const callback = await throughProvider(browser, account, returnTo);
  const landed = await browser.fetch(callback.pathname + callback.search);
  return { browser, landed };
}

describe("signing in", () => {
  it("makes a session for web:<sub>, named, with the roles its groups give, and goes back where it started", async () => {
    const { browser, landed } = await signIn("sam-4f1c", "/?from=test");
    expect(landed.status).toBe(302);
    expect(landed.headers.get("location")).toBe("/?from=test");
    const session = (await (await browser.fetch("/api/session")).json()) as Record<string, unknown>;
    expect(session).toEqual({ mode: "signed-in", name: "Sam Example", roles: ["triage"] });
    // The triage role works in chat: the whole triage list, not "your referrals".
    const listed = (await (await browser.chat({ conversationId: "t1", text: "all open referrals" })).json()) as Reply;
    expect(listed.text.join(" ")).toMatch(/^All open referrals/);
  });

  it("gives a person without the groups no role, and refers as web:<sub> with their name", async () => {
    const { browser } = await signIn("alex-77aa");
    expect(await (await browser.fetch("/api/session")).json()).toEqual({ mode: "signed-in", name: "Alex Sample", roles: [] });
    await expectError(await browser.fetch("/api/inbox/triage"), 404, "NOT_FOUND", /nothing at/);
    const listed = (await (await browser.chat({ conversationId: "a1", text: "all open referrals" })).json()) as Reply;
    expect(listed.text.join(" ")).not.toMatch(/^All/);
  });

  it("never sends anyone to another site afterwards", async () => {
    for (const returnTo of ["https://evil.example/", "//evil.example/x", "/\\evil.example"]) {
      const { landed } = await signIn("alex-77aa", returnTo);
      expect(landed.headers.get("location")).toBe("/");
    }
  });
});

describe("without a session", () => {
  it("serves the page but answers the API with 401, making no trial session", async () => {
    const nobody = world.client();
    expect((await nobody.fetch("/")).status).toBe(200);
    await expectError(await nobody.fetch("/api/session"), 401, "SIGN_IN_REQUIRED", /^Please sign in to use Signpost\.$/);
    await expectError(await nobody.chat({ conversationId: "c", text: "lonely in Melton" }), 401, "SIGN_IN_REQUIRED", /sign in/);
    await expectError(await nobody.fetch("/api/search?q=lonely"), 401, "SIGN_IN_REQUIRED", /sign in/);
    expect(nobody.cookies.size).toBe(0);
  });

  it("refuses a tampered session cookie", async () => {
    const { browser } = await signIn("sam-4f1c");
    const token = browser.cookies.get("signpost_session") ?? "";
    browser.cookies.set("signpost_session", `${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`);
    await expectError(await browser.fetch("/api/session"), 401, "SIGN_IN_REQUIRED", /sign in/);
  });
});

describe("signing out", () => {
  it("ends the session: the cookie is cleared, and the old token names nobody", async () => {
    const { browser } = await signIn("sam-4f1c");
    const token = browser.cookies.get("signpost_session") ?? "";
    const out = await browser.fetch("/auth/sign-out", { json: {} });
    expect(out.status).toBe(200);
    expect(browser.cookies.has("signpost_session")).toBe(false);
    const replayed = world.client({ cookie: `signpost_session=${token}` });
    await expectError(await replayed.fetch("/api/session"), 401, "SIGN_IN_REQUIRED", /sign in/);
    await expectError(await replayed.chat({ conversationId: "c", text: "my referrals" }), 401, "SIGN_IN_REQUIRED", /sign in/);
  });
});

describe("sign-ins that are refused", () => {
  it("refuses a callback used twice", async () => {
    const browser = world.client();
    const callback = await throughProvider(browser, "sam-4f1c");
    const state = browser.cookies.get("signpost_sign_in");
    expect((await browser.fetch(callback.pathname + callback.search)).status).toBe(302);
    browser.cookies.set("signpost_sign_in", state ?? "");
    browser.cookies.delete("signpost_session");
    const again = await browser.fetch(callback.pathname + callback.search);
    expect(again.status).toBe(400);
    expect(await again.text()).toMatch(/already been used/);
    expect(browser.cookies.has("signpost_session")).toBe(false);
  });

  it("refuses a callback in a browser that did not start the sign-in (login CSRF)", async () => {
    const attacker = world.client();
    const callback = await throughProvider(attacker, "alex-77aa");
    const victim = world.client();
    const landed = await victim.fetch(callback.pathname + callback.search);
    expect(landed.status).toBe(400);
    expect(await landed.text()).toMatch(/not started in this browser/);
    expect(victim.cookies.has("signpost_session")).toBe(false);
  });

  it("refuses an ID token issued for another audience, even one signed by the provider with the right nonce", async () => {
    const browser = world.client();
    const start = await browser.fetch("/auth/sign-in");
    const ours = new URL(start.headers.get("location") ?? "");
    // The same person signs in to another app at the same provider, with Signpost's nonce.
    const config = await client.discovery(new URL(provider.issuer), otherClient.clientId, otherClient.clientSecret, undefined, { execute: [client.allowInsecureRequests] });
    const verifier = client.randomPKCECodeVerifier();
    const nonce = ours.searchParams.get("nonce") ?? "";
    const theirs = client.buildAuthorizationUrl(config, {
      redirect_uri: `http://127.0.0.1:${signpostPort}/auth/callback`,
      scope: "openid profile",
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      state: "theirs",
      nonce,
    });
    const theirCallback = await signInAt(provider, theirs.href, "sam-4f1c");
    const tokens = await client.authorizationCodeGrant(config, theirCallback, { pkceCodeVerifier: verifier, expectedState: "theirs", expectedNonce: nonce });
    expect(tokens.claims()?.aud).toBe(otherClient.clientId);
    swapIdToken = tokens.id_token;
    try {
      const callback = await signInAt(provider, ours.href, "sam-4f1c");
      const before = world.lines().length;
      const landed = await browser.fetch(callback.pathname + callback.search);
      expect(landed.status).toBe(400);
      expect(await landed.text()).toMatch(/could not be checked/);
      expect(browser.cookies.has("signpost_session")).toBe(false);
      expect(JSON.stringify(world.lines().slice(before))).toMatch(/aud/);
      expect(JSON.stringify(world.lines().slice(before))).not.toContain("Sam Example");
    } finally {
      swapIdToken = undefined;
    }
  });

  it("refuses a provider that is not the issuer configured", async () => {
    const elsewhere = await startWebWorld({
      web: {
        publicUrl: new URL("http://127.0.0.1:9"),
        oidc: {
          issuer: provider.issuer.replace("127.0.0.1", "localhost"),
          clientId: signpostClient.clientId,
          clientSecret: signpostClient.clientSecret,
          redirectUri: "http://127.0.0.1:9/auth/callback",
          groupsClaim: "groups",
          roleGroups: { triage: new Set(), maintainer: new Set(), commissioner: new Set() },
        },
      },
    });
    try {
      const response = await elsewhere.client().fetch("/auth/sign-in");
      expect(response.status).toBe(502);
      expect(await response.text()).toMatch(/could not be reached/);
      expect(JSON.stringify(elsewhere.lines())).toMatch(/issuer/);
    } finally {
      await elsewhere.close();
    }
  });
});
