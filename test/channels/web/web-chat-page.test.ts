// The chat page and its allowlisted assets over real HTTP: content types, cache and CSP headers, every
// module chat.js imports served and nothing else (a JSON 404, never a file from elsewhere on disk).
import { readdirSync, readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentSecurityPolicy, webChatAssets } from "../../../src/channels/web/web-chat-page.js";
import { type ErrorBody, expectError } from "./support/expect-error.js";
import { startWebWorld, type WebWorld } from "./support/web-world.js";

let world: WebWorld;
beforeAll(async () => {
  world = await startWebWorld();
});
afterAll(() => world.close());

const publicFolder = fileURLToPath(new URL("../../../src/channels/web/public/", import.meta.url));
const javascriptType = /^text\/javascript; charset=utf-8$/;
const cssType = /^text\/css; charset=utf-8$/;

/** Each module's static imports, as written ("./render-reply.js"). */
function importSpecifiers(script: string): string[] {
  return [...script.matchAll(/^import\s[^;]*?\sfrom\s"([^"]+)";$/gm)].map((match) => match[1] ?? "");
}

/** A raw GET with the path exactly as given (fetch and app.request tidy away dot segments first). */
function rawGet(port: number, path: string): Promise<{ status: number; type: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: "127.0.0.1", port, path, method: "GET" }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, type: response.headers["content-type"], body }));
    });
    request.on("error", reject);
    request.end();
  });
}

describe("the chat page", () => {
  it.each([
    ["/", /^text\/html; charset=utf-8$/, /<html lang="en-GB">/],
    ["/assets/chat.js", javascriptType, /^import \{ renderReply \} from "\.\/render-reply\.js";$/m],
    ["/assets/api-client.js", javascriptType, /fetch\("\/api\/chat"/],
    ["/assets/render-card.js", javascriptType, /export function renderCard\(/],
    ["/assets/render-form.js", javascriptType, /export function renderForm\(/],
    ["/assets/form-fields.js", javascriptType, /export function renderField\(/],
    ["/assets/inbox-poller.js", javascriptType, /export function startInboxPolling\(/],
    ["/assets/api-client.js", javascriptType, /fetch\(`\/api\/chat\/inbox\?conversationId=/],
    ["/assets/render-reply.js", javascriptType, /export function renderReply\(/],
    ["/assets/chat.css", cssType, /\.message/],
  ])("serves %s with its content type and no-cache", async (path, type, content) => {
    const response = await fetch(`${world.base}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(type);
    expect(response.headers.get("cache-control")).toBe("no-cache");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await response.text()).toMatch(content);
  });

  it("loads chat.js as an ES module", async () => {
    const page = await (await fetch(`${world.base}/`)).text();
    expect(page).toContain('<script type="module" src="/assets/chat.js"></script>');
    expect(page.match(/<script\b/g)).toHaveLength(1);
  });

  it("allowlists every .js and .css file in public/, and serves each as it is on disk", async () => {
    const onDisk = readdirSync(publicFolder).filter((name) => /\.(?:js|css)$/.test(name));
    expect(Object.keys(webChatAssets).sort()).toEqual(onDisk.sort());
    for (const name of onDisk) {
      const response = await fetch(`${world.base}/assets/${name}`);
      expect(response.status, name).toBe(200);
      expect(response.headers.get("content-type"), name).toMatch(name.endsWith(".css") ? cssType : javascriptType);
      expect(response.headers.get("cache-control"), name).toBe("no-cache");
      expect(response.headers.get("x-content-type-options"), name).toBe("nosniff");
      expect(response.headers.get("content-security-policy"), name).toBeNull();
      expect(await response.text(), name).toBe(readFileSync(`${publicFolder}${name}`, "utf8"));
    }
  });

  it("serves every module that chat.js imports, directly or not, from /assets/", async () => {
    const seen = new Set<string>();
    const waiting = ["chat.js"];
    for (let name = waiting.pop(); name !== undefined; name = waiting.pop()) {
      if (seen.has(name)) continue;
      seen.add(name);
      const response = await fetch(`${world.base}/assets/${name}`);
      expect(response.status, name).toBe(200);
      for (const specifier of importSpecifiers(await response.text())) {
        expect(specifier, `${name} imports ${specifier}`).toMatch(/^\.\/[a-z][a-z-]*\.js$/);
        waiting.push(specifier.slice(2));
      }
    }
    expect([...seen].sort()).toEqual(Object.keys(webChatAssets).filter((name) => name.endsWith(".js")).sort());
  });

  it("sends the Content-Security-Policy with the page", async () => {
    const response = await fetch(`${world.base}/`);
    expect(response.headers.get("content-security-policy")).toBe(contentSecurityPolicy);
    expect(contentSecurityPolicy).toBe(
      "default-src 'self'; style-src 'self'; script-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
  });

  it("loads nothing from elsewhere and puts data in with DOM APIs only", async () => {
    const page = await (await fetch(`${world.base}/`)).text();
    expect(page).not.toMatch(/https?:\/\/|@import|url\(/);
    expect(page).not.toMatch(/<script>|\sstyle=|\son[a-z]+=/);
    for (const name of Object.keys(webChatAssets)) {
      const text = await (await fetch(`${world.base}/assets/${name}`)).text();
      expect(text, name).not.toMatch(/https?:\/\/|@import|url\(/);
      expect(/\.(?:innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function/.test(text), name).toBe(false);
    }
  });

  it.each([
    ["/assets/other.js", /^There is nothing at GET \/assets\/other\.js\.$/],
    ["/assets/nope.js", /^There is nothing at GET \/assets\/nope\.js\.$/],
    ["/assets/index.html", /^There is nothing at GET \/assets\/index\.html\.$/],
    ["/assets/tsconfig.json", /^There is nothing at GET \/assets\/tsconfig\.json\.$/],
    ["/assets/Chat.js", /^There is nothing at GET \/assets\/Chat\.js\.$/],
    ["/assets/chat.js/", /^There is nothing at GET \/assets\/chat\.js\/\.$/],
    ["/assets/", /^There is nothing at GET \/assets\/\.$/],
    ["/assets/../../package.json", /^There is nothing at GET \/package\.json\.$/],
    ["/assets/..%2F..%2Fpackage.json", /^There is nothing at GET \/assets\/\.\.%2F\.\.%2Fpackage\.json\.$/],
    ["/assets/%2e%2e/%2e%2e/package.json", /^There is nothing at GET \/package\.json\.$/],
  ])("answers %s with a JSON 404", async (path, message) => {
    const response = await fetch(`${world.base}${path}`);
    const body = await expectError(response, 404, "NOT_FOUND", message);
    expect(JSON.stringify(body)).not.toMatch(/dependencies|compilerOptions/);
  });

  it.each(["/assets/../../package.json", "/assets/../../../../package.json", "/assets/..%2F..%2Fpackage.json", "/assets/../public/chat.js"])(
    "answers the raw request path %s over HTTP with a JSON 404, never a file",
    async (path) => {
      const response = await rawGet(world.port, path);
      expect(response.status).toBe(404);
      expect(response.type).toMatch(/application\/json/);
      expect((JSON.parse(response.body) as ErrorBody).error.code).toBe("NOT_FOUND");
      expect(response.body).not.toMatch(/dependencies|import|function/);
    },
  );
});
