/**
 * A real OpenID Provider for sign-in tests: oidc-provider (certified) on
 * 127.0.0.1, with one client for Signpost and one for someone else, accounts
 * whose ID tokens carry a name and groups (as Entra ID's do), and its
 * development sign-in and consent pages, which `signInAt` fills in over HTTP
 * as a person would in a browser.
 */
import { createServer, type Server } from "node:http";
import Provider from "oidc-provider";
import { type WebClient, webClient } from "./web-client.js";

export interface TestAccount {
  readonly name: string;
  readonly groups: readonly string[];
}

export interface OpenIdProvider {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  close(): Promise<void>;
}

export const signpostClient = { clientId: "signpost", clientSecret: "signpost-test-secret-not-real-0123456789" };
export const otherClient = { clientId: "another-app", clientSecret: "another-test-secret-not-real-0123456789" };

export async function startOpenIdProvider(options: { port: number; redirectUris: readonly string[]; accounts: Readonly<Record<string, TestAccount>> }): Promise<OpenIdProvider> {
  const issuer = `http://127.0.0.1:${options.port}`;
  const provider = new Provider(issuer, {
    clients: [
      { client_id: signpostClient.clientId, client_secret: signpostClient.clientSecret, redirect_uris: [...options.redirectUris], grant_types: ["authorization_code"], response_types: ["code"] },
      { client_id: otherClient.clientId, client_secret: otherClient.clientSecret, redirect_uris: [...options.redirectUris], grant_types: ["authorization_code"], response_types: ["code"] },
    ],
    claims: { openid: ["sub"], profile: ["name", "groups"] },
    // Entra ID puts the name and groups in the ID token itself.
    conformIdTokenClaims: false,
    cookies: { keys: ["test-cookie-key-not-secret-0123456789"] },
    findAccount: (_ctx, id) => {
      const account = options.accounts[id];
      if (!account) return undefined;
      return { accountId: id, claims: () => ({ sub: id, name: account.name, groups: [...account.groups] }) };
    },
    pkce: { required: () => true },
  });
  const handle = provider.callback();
  const server: Server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => server.listen(options.port, "127.0.0.1", resolve));
  return {
    issuer,
    ...signpostClient,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Follows an authorization request through the provider as a person would:
 * signs in as `account`, consents, and returns the URL the provider sends the
 * browser back to (the relying party's callback, with the code and state).
 * `browser` holds the provider's cookies: give the same one to stay signed in there.
 */
export async function signInAt(provider: OpenIdProvider, authorizationUrl: string, account: string, browser: WebClient = webClient(provider.issuer)): Promise<URL> {
  let location = new URL(authorizationUrl);
  for (let step = 0; step < 12; step++) {
    if (location.origin !== provider.issuer) return location;
    const response = await browser.fetch(location.pathname + location.search);
    if (response.status >= 300 && response.status < 400) {
      location = new URL(response.headers.get("location") ?? "", location);
      continue;
    }
    const page = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    const prompt = /name="prompt" value="([a-z]+)"/.exec(page)?.[1];
    if (!action || !prompt) throw new Error(`the provider showed a page without a form (HTTP ${response.status})`);
    const fields = prompt === "login" ? { prompt, login: account, password: "any" } : { prompt };
    const submitted = await browser.fetch(new URL(action, location).pathname, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    });
    location = new URL(submitted.headers.get("location") ?? "", location);
  }
  throw new Error("the provider never sent the browser back");
}
