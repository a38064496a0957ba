import path from "node:path";
import type { Config } from "./config-schema.js";
import { isLoopbackHost } from "./access-config.js";

/** Where a person opens the web chat: PUBLIC_URL when set, else the address listened on (loopback for "every address"). */
export function addressToOpen(config: Pick<Config, "host" | "web">, port: number): string {
  if (config.web.publicUrl) return config.web.publicUrl.href.replace(/\/$/, "");
  const host = config.host === "0.0.0.0" || config.host === "::" ? "127.0.0.1" : config.host;
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
}

/** How this instance runs, in words and as fields for the JSON log. */
export function describeMode(config: Pick<Config, "host" | "web" | "meilisearch" | "referrals" | "dataDir">, cwd: string) {
  const signIn = config.web.oidc
    ? `signed-in mode (sign-in with ${new URL(config.web.oidc.issuer).host})`
    : isLoopbackHost(config.host)
      ? "trial mode (no sign-in, this computer only: no real people's details)"
      : "trial mode (no sign-in: the web chat answers only on this computer)";
  const engine = config.meilisearch ? `Meilisearch at ${new URL(config.meilisearch.url).host} (embedded search standing by)` : "embedded search";
  const store = config.referrals.store;
  // Never the database URL: it may hold a password.
  const storeText = store.kind === "sqlite" ? `SQLite store ${path.relative(cwd, store.file) || store.file}` : "PostgreSQL store (DATABASE_URL)";
  return {
    text: `${signIn}, ${engine}, ${storeText}`,
    fields: { mode: config.web.oidc ? "signed-in" : "trial", engine: config.meilisearch ? "meilisearch" : "embedded", store: store.kind },
  };
}

/** The one line `npm start` prints for a person once Signpost answers: the address to open and how it runs. */
export function readyLine(config: Parameters<typeof describeMode>[0], port: number, cwd: string): { readonly text: string; readonly fields: Record<string, string> } {
  const url = addressToOpen(config, port);
  const mode = describeMode(config, cwd);
  return { text: `Signpost is ready: open ${url} in your browser. Running in ${mode.text}.`, fields: { url, ...mode.fields } };
}
