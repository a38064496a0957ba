// The web chat page (GET /) and its allowlisted /assets/ files, read once at start-up.
// In trial mode the page, like the API, is only for this computer; with sign-in it
// is served to anyone (it holds nothing personal) and asks them to sign in.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Hono } from "hono";
import { isLocalRequest } from "../../http/local-request.js";
import { localOnly } from "./web-identity.js";

export const contentSecurityPolicy =
  "default-src 'self'; style-src 'self'; script-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const publicFolder = fileURLToPath(new URL("./public/", import.meta.url));

const javascript = "text/javascript; charset=utf-8";
const css = "text/css; charset=utf-8";

/**
 * The allowlist: every file served under /assets/ (the styles, the entry module chat.js and the modules it
 * imports), with its content type. Each is read once and served at /assets/<name> by a route of its own,
 * so nothing from a request's URL ever reaches the file system; any other /assets/ path is the app's JSON 404.
 */
export const webChatAssets: Readonly<Record<string, string>> = {
  "chat.css": css,
  "chat.js": javascript,
  "api-client.js": javascript,
  "create-element.js": javascript,
  "message-log.js": javascript,
  "render-actions.js": javascript,
  "render-card.js": javascript,
  "render-form.js": javascript,
  "render-reply.js": javascript,
  "form-fields.js": javascript,
  "grouped-choices.js": javascript,
  "inbox-poller.js": javascript,
  "session-bar.js": javascript,
  "tab-session-id.js": javascript,
};

export function mountWebChatPage(app: Hono, options: { readonly signIn: boolean }): void {
  const page = readFileSync(`${publicFolder}index.html`, "utf8");
  const assets = Object.entries(webChatAssets).map(([name, type]) => ({ name, type, content: readFileSync(`${publicFolder}${name}`, "utf8") }));
  const common = { "Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff" };

  app.get("/", (c) => {
    if (!options.signIn && !isLocalRequest(c)) return c.text(localOnly, 403, { ...common, "Content-Type": "text/plain; charset=utf-8" });
    return c.body(page, 200, {
      ...common,
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": contentSecurityPolicy,
      "Referrer-Policy": "no-referrer",
    });
  });
  for (const { name, type, content } of assets) {
    app.get(`/assets/${name}`, (c) => c.body(content, 200, { ...common, "Content-Type": type }));
  }
}
