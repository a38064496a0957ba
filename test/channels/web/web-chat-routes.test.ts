// The web chat routes through the real Hono app and the real conversation core:
// POST /api/chat (good messages, button round trips, every kind of bad request),
// GET /api/chat/inbox (a referral's status changes, delivered once)
// and the page and its allowlisted assets (content types, cache and CSP headers, JSON 404 for anything else).
import { readdirSync, readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { fileURLToPath } from "node:url";
import type { Hono } from "hono";
import { beforeAll, describe, expect, it } from "vitest";
import { contentSecurityPolicy, mountWebChat, type WebChatInbox, webChatAssets } from "../../../src/channels/web/web-chat-routes.js";
import type { Bot } from "../../../src/conversation/bot.js";
import { createBot } from "../../../src/conversation/create-bot.js";
import { InMemoryConversationStore } from "../../../src/conversation/in-memory-conversation-store.js";
import type { Reply } from "../../../src/conversation/reply.js";
import type { InboxStore } from "../../../src/notifications/inbox-store.js";
import type { OutboxSender } from "../../../src/notifications/outbox-sender.js";
import type { ReferralDesk } from "../../../src/referrals/referral-desk.js";
import type { FeedbackStore, OutdatedReport } from "../../../src/feedback/feedback-store.js";
import { createHttpApp } from "../../../src/http/create-http-app.js";
import { startHttpServer } from "../../../src/http/start-http-server.js";
import { systemClock } from "../../../src/time/clock.js";
import { realDirectoryAndEngine } from "../../support/load-real-directory.js";
import { memoryLogger } from "../../support/memory-logger.js";
import { testReferrals, triageUserId } from "../../support/test-referrals.js";

interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string };
}

let bot: Bot;
let referrals: ReferralDesk;
let inbox: InboxStore;
let sender: OutboxSender;
const reports: OutdatedReport[] = [];

beforeAll(async () => {
  const core = await realDirectoryAndEngine();
  const feedback: FeedbackStore = {
    record: (report) => {
      reports.push(report);
      return Promise.resolve();
    },
    list: () => Promise.resolve([...reports]),
  };
  ({ referrals, inbox, sender } = await testReferrals(core.directory, systemClock));
  bot = createBot({
    ...core,
    maxResults: 5,
    conversations: new InMemoryConversationStore(systemClock, 30 * 60 * 1000),
    referrals,
    feedback,
    clock: systemClock,
  });
});

function chatApp(ready: () => Bot | undefined = () => bot, inboxReady: () => WebChatInbox | undefined = () => inbox) {
  const { logger, lines } = memoryLogger();
  const app = createHttpApp({ core: () => undefined, logger });
  mountWebChat(app, { bot: ready, inbox: inboxReady, logger });
  return { app, lines };
}

function post(app: Hono, body: unknown, headers: Record<string, string> = {}) {
  return app.request("/api/chat", {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

const stackTrace = /\bat .*[\\/].*:\d+|\.ts:\d+|Error:|ZodError|node_modules/;

/** A JSON error with its code and message, never a stack trace; a 400 says what is wrong in one sentence. */
async function expectError(response: Response, status: number, code: string, message: RegExp): Promise<ErrorBody> {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/application\/json/);
  const text = await response.text();
  expect(text).not.toMatch(stackTrace);
  const body = JSON.parse(text) as ErrorBody;
  expect(body.error.code).toBe(code);
  expect(body.error.message).toMatch(message);
  if (status === 400) expect(body.error.message.split(/[.!?](?:\s|$)/).filter(Boolean)).toHaveLength(1);
  return body;
}

describe("POST /api/chat", () => {
  it("answers a text message with service cards", async () => {
    const { app } = chatApp();
    const response = await post(app, { conversationId: "web-1", userId: "user-1", text: "lonely widower in Loughborough" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    expect(text).not.toMatch(stackTrace);
    const reply = JSON.parse(text) as Reply;
    expect(reply).toMatchObject({ conversationId: "web-1", intent: "find_service", urgent: false });
    expect(reply.cards.length).toBeGreaterThan(0);
    for (const card of reply.cards) {
      expect(card.areas.map((area) => area.id)).toContain("charnwood");
      expect(card.lastVerifiedText).not.toBe("");
    }
  });

  it("carries a button's value from one reply into the next request", async () => {
    const { app } = chatApp();
    const first = (await (await post(app, { conversationId: "web-2", userId: "user-1", text: "lonely widower in Loughborough" })).json()) as Reply;
    const card = first.cards[0];
    const details = card?.actions.find((action) => action.id === "details");
    expect(details).toBeDefined();
    const response = await post(app, { conversationId: "web-2", userId: "user-1", action: { id: "details", value: details?.value } });
    expect(response.status).toBe(200);
    const reply = (await response.json()) as Reply;
    expect(reply.intent).toBe("action");
    expect(reply.cards).toHaveLength(1);
    expect(reply.cards[0]?.name).toBe(card?.name);
  });

  it("pages through a search with show_more, and says so when a button's list has expired", async () => {
    const { app } = chatApp();
    const first = (await (await post(app, { conversationId: "web-3", userId: "user-1", text: "carer support" })).json()) as Reply;
    const more = first.actions.find((action) => action.id === "show_more");
    expect(more).toBeDefined();
    const response = await post(app, { conversationId: "web-3", userId: "user-1", action: { id: "show_more", value: more?.value } });
    expect(response.status).toBe(200);
    const next = (await response.json()) as Reply;
    expect(next.intent).toBe("action");
    expect(next.cards.length).toBeGreaterThan(0);
    expect(next.cards.map((card) => card.id)).not.toContain(first.cards[0]?.id);
    const stale = await post(app, { conversationId: "web-3", userId: "user-1", action: { id: "show_more", value: "not-a-search-id" } });
    expect(stale.status).toBe(200);
    expect(((await stale.json()) as Reply).text.join(" ")).toMatch(/expired/);
  });

  it("submits the report-outdated form as an action with fields", async () => {
    const { app } = chatApp();
    const first = (await (await post(app, { conversationId: "web-4", userId: "user-1", text: "lonely widower in Loughborough" })).json()) as Reply;
    const serviceId = first.cards[0]?.id ?? "";
    const opened = (await (await post(app, { conversationId: "web-4", userId: "user-1", action: { id: "report_outdated", value: serviceId } })).json()) as Reply;
    expect(opened.form).toMatchObject({ id: "report_outdated", value: `report_outdated:${serviceId}` });
    const value = opened.form!.value;
    const empty = (await (await post(app, { conversationId: "web-4", userId: "user-1", action: { id: "submit_form", value, fields: { details: "" } } })).json()) as Reply;
    expect(empty.form?.errors).toHaveProperty("details");
    const sent = await post(app, { conversationId: "web-4", userId: "user-1", action: { id: "submit_form", value, fields: { details: "The group has moved to Thursdays." } } });
    expect(sent.status).toBe(200);
    expect(reports.at(-1)).toMatchObject({ serviceId, channel: "web", reportedBy: "user-1" });
  });

  it("answers an emergency with the urgent reply and no cards", async () => {
    const { app } = chatApp();
    const reply = (await (await post(app, { conversationId: "web-5", userId: "user-1", text: "he says he wants to end his life" })).json()) as Reply;
    expect(reply.urgent).toBe(true);
    expect(reply.cards).toEqual([]);
    expect(reply.text.join(" ")).toMatch(/999/);
  });

  it("refuses malformed JSON", async () => {
    const { app } = chatApp();
    await expectError(await post(app, '{"conversationId": "web-6", "userId": '), 400, "BAD_REQUEST", /^The request body is not valid JSON\.$/);
    await expectError(await post(app, ""), 400, "BAD_REQUEST", /^The request body is not valid JSON\.$/);
  });

  it.each([
    ["an array", []],
    ["a string", "\"hello\""],
    ["null", "null"],
  ])("refuses a body that is %s rather than an object", async (_label, body) => {
    const { app } = chatApp();
    await expectError(await post(app, body), 400, "BAD_REQUEST", /must be a JSON object/);
  });

  it.each([
    ["a missing conversationId", { userId: "u", text: "hello" }, /^conversationId: is required\.$/],
    ["an empty conversationId", { conversationId: "  ", userId: "u", text: "hello" }, /^conversationId: must not be empty\.$/],
    ["a numeric userId", { conversationId: "c", userId: 7, text: "hello" }, /^userId: must be a string\.$/],
    ["both text and an action", { conversationId: "c", userId: "u", text: "hello", action: { id: "details", value: "x" } }, /^Send either text or an action, not both/],
    ["neither text nor an action", { conversationId: "c", userId: "u" }, /^Send either text or an action/],
    ["an unknown action id", { conversationId: "c", userId: "u", action: { id: "delete_everything", value: "x" } }, /^action\.id: must be one of refer, show_more,/],
    ["an unknown field", { conversationId: "c", userId: "u", text: "hello", admin: true }, /^Unknown field admin/],
    ["an action that is not an object", { conversationId: "c", userId: "u", action: "details" }, /^action: must be an object\.$/],
    ["a form field that is not a string", { conversationId: "c", userId: "u", action: { id: "submit_form", value: "x", fields: { details: 5 } } }, /^action\.fields\.details: must be a string\.$/],
    [
      "a form field name over 100 characters",
      { conversationId: "c", userId: "u", action: { id: "submit_form", value: "x", fields: { ["k".repeat(101)]: "v" } } },
      /^action\.fields: has a field name longer than 100 characters\.$/,
    ],
    ["an over-long text", { conversationId: "c", userId: "u", text: "a".repeat(20_001) }, /^text: must be at most 20000 characters\.$/],
  ])("refuses %s with a 400 naming the field", async (_label, body, message) => {
    const { app } = chatApp();
    await expectError(await post(app, body), 400, "BAD_REQUEST", message);
  });

  it("refuses a client-supplied channel, whatever its value", async () => {
    const { app } = chatApp();
    for (const channel of ["web", "slack", 1]) {
      await expectError(await post(app, { channel, conversationId: "c", userId: "u", text: "hello" }), 400, "BAD_REQUEST", /^channel: is set by the server/);
    }
  });

  it("refuses a client-supplied team, which would widen who can see referrals", async () => {
    const { app } = chatApp();
    await expectError(await post(app, { team: "first-contact", conversationId: "c", userId: "u", text: "my referrals" }), 400, "BAD_REQUEST", /^team: is set by the server/);
  });

  it("refuses a body over 64 KB with a 413", async () => {
    const { app } = chatApp();
    const big = { conversationId: "c", userId: "u", text: "a".repeat(70 * 1024) };
    await expectError(await post(app, big), 413, "TOO_LARGE", /too large/);
    // Without a Content-Length the body is counted as it streams.
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 80; i++) controller.enqueue(new TextEncoder().encode("a".repeat(1024)));
        controller.close();
      },
    });
    const streamed = await app.request("/api/chat", { method: "POST", headers: { "Content-Type": "application/json" }, body: chunks, duplex: "half" });
    await expectError(streamed, 413, "TOO_LARGE", /too large/);
  });

  it("says it is starting up (503) until the bot is ready", async () => {
    const { app } = chatApp(() => undefined);
    await expectError(
      await post(app, { conversationId: "c", userId: "u", text: "hello" }),
      503,
      "NOT_READY",
      /^Signpost is still starting up\. Please try again in a few seconds\.$/,
    );
  });

  it("hides a failure inside the bot behind the app's general error", async () => {
    const failing: Bot = { handle: () => Promise.reject(new Error("conversation store at /srv/secret is down")) };
    const { app } = chatApp(() => failing);
    const response = await post(app, { conversationId: "c", userId: "u", text: "hello" });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain("/srv/secret");
    expect(text).not.toMatch(stackTrace);
  });

  it("never logs what was typed or the form's fields", async () => {
    const { app, lines } = chatApp();
    await post(app, { conversationId: "web-7", userId: "user-1", text: "Mrs Patel is lonely in Oakham" });
    await post(app, { conversationId: "web-7", userId: "user-1", action: { id: "submit_form", value: "x", fields: { details: "Mr Okafor says it closed" } } });
    await post(app, { conversationId: "web-7", userId: "user-1", text: "Mrs Patel", channel: "slack" });
    await post(app, { conversationId: "", userId: "user-1", text: "Mrs Patel again" });
    const logged = JSON.stringify(lines());
    expect(lines().filter((line) => line.msg === "request")).toHaveLength(4);
    expect(logged).toContain('"path":"/api/chat"');
    expect(logged).not.toMatch(/Patel|Oakham|Okafor|lonely/);
  });
});

function getInbox(app: Hono, query: string) {
  return app.request(`/api/chat/inbox${query}`);
}

describe("GET /api/chat/inbox", () => {
  it("gives a conversation its unread status changes once, then nothing", async () => {
    const { app } = chatApp();
    const conversationId = "web-inbox-1";
    const opened = (await (await post(app, { conversationId, userId: "user-1", text: "refer someone to First Contact" })).json()) as Reply;
    expect(opened).toMatchObject({ private: true, form: { id: "referral" } });
    const fields = {
      person: "Ottoline Brackenbury",
      phone: "0116 496 0777",
      age: "79",
      area: "charnwood",
      needs: "home-safety,affordable-warmth",
      whatMatters: "Feeling safe at home",
      urgency: "routine",
      consent: "true",
    };
    const sent = (await (await post(app, { conversationId, userId: "user-1", action: { id: "submit_form", value: opened.form?.value, fields } })).json()) as Reply;
    const reference = /FC-[0-9A-HJKMNP-TV-Z]{6}/.exec(sent.text.join(" "))?.[0] ?? "";
    expect(reference).not.toBe("");
    await sender.runOnce();

    // Nothing for this conversation until the referral's status changes.
    const before = await getInbox(app, `?conversationId=${conversationId}`);
    expect(before.status).toBe(200);
    expect(await before.json()).toEqual({ messages: [] });

    await referrals.move(reference, { status: "acknowledged" }, { userId: triageUserId, channel: "web", conversationId: "t" });
    await sender.runOnce();
    const first = await getInbox(app, `?conversationId=${conversationId}`);
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toMatch(/application\/json/);
    expect(first.headers.get("cache-control")).toBe("no-store");
    const { messages } = (await first.json()) as { messages: string[] };
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(reference);
    expect(messages.join(" ")).not.toContain("Ottoline");

    const second = await getInbox(app, `?conversationId=${conversationId}`);
    expect(await second.json()).toEqual({ messages: [] });
    // Another conversation sees none of it.
    expect(await (await getInbox(app, "?conversationId=web-inbox-other")).json()).toEqual({ messages: [] });
  });

  it("reads the conversationId as the chat does: surrounding spaces are not part of it", async () => {
    const { app } = chatApp();
    await inbox.add(inbox.newId(), "web-inbox-2", "FC-7K3M9Q has been picked up by the First Contact team.");
    const response = await getInbox(app, "?conversationId=%20web-inbox-2%20");
    expect(await response.json()).toEqual({ messages: ["FC-7K3M9Q has been picked up by the First Contact team."] });
  });

  it.each([
    ["no conversationId", "", /^conversationId: is required, for example \/api\/chat\/inbox\?conversationId=c1\.$/],
    ["another parameter only", "?conversation=c1", /^conversationId: is required/],
    ["an empty conversationId", "?conversationId=", /^conversationId: must not be empty\.$/],
    ["a conversationId of spaces", "?conversationId=%20%20", /^conversationId: must not be empty\.$/],
    ["a conversationId over 200 characters", `?conversationId=${"c".repeat(201)}`, /^conversationId: must be at most 200 characters\.$/],
  ])("refuses %s with a 400 in one sentence", async (_label, query, message) => {
    const { app } = chatApp();
    const response = await getInbox(app, query);
    await expectError(response, 400, "BAD_REQUEST", message);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("says it is starting up (503) until the inbox is ready", async () => {
    const { app } = chatApp(() => bot, () => undefined);
    const response = await getInbox(app, "?conversationId=c1");
    await expectError(response, 503, "NOT_READY", /^Signpost is still starting up\. Please try again in a few seconds\.$/);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("hides a failure in the inbox behind the app's general error", async () => {
    const failing: WebChatInbox = { takeUnread: () => Promise.reject(new Error("database at /srv/secret is locked")) };
    const { app } = chatApp(() => bot, () => failing);
    const response = await getInbox(app, "?conversationId=c1");
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain("/srv/secret");
    expect(text).not.toMatch(stackTrace);
  });
});

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
    const { app } = chatApp();
    const response = await app.request(path);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(type);
    expect(response.headers.get("cache-control")).toBe("no-cache");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await response.text()).toMatch(content);
  });

  it("loads chat.js as an ES module", async () => {
    const { app } = chatApp();
    const page = await (await app.request("/")).text();
    expect(page).toContain('<script type="module" src="/assets/chat.js"></script>');
    expect(page.match(/<script\b/g)).toHaveLength(1);
  });

  it("allowlists every .js and .css file in public/, and serves each as it is on disk", async () => {
    const onDisk = readdirSync(publicFolder).filter((name) => /\.(?:js|css)$/.test(name));
    expect(Object.keys(webChatAssets).sort()).toEqual(onDisk.sort());
    const { app } = chatApp();
    for (const name of onDisk) {
      const response = await app.request(`/assets/${name}`);
      expect(response.status, name).toBe(200);
      expect(response.headers.get("content-type"), name).toMatch(name.endsWith(".css") ? cssType : javascriptType);
      expect(response.headers.get("cache-control"), name).toBe("no-cache");
      expect(response.headers.get("x-content-type-options"), name).toBe("nosniff");
      expect(response.headers.get("content-security-policy"), name).toBeNull();
      expect(await response.text(), name).toBe(readFileSync(`${publicFolder}${name}`, "utf8"));
    }
  });

  it("serves every module that chat.js imports, directly or not, from /assets/", async () => {
    const { app } = chatApp();
    const seen = new Set<string>();
    const waiting = ["chat.js"];
    for (let name = waiting.pop(); name !== undefined; name = waiting.pop()) {
      if (seen.has(name)) continue;
      seen.add(name);
      const response = await app.request(`/assets/${name}`);
      expect(response.status, name).toBe(200);
      for (const specifier of importSpecifiers(await response.text())) {
        expect(specifier, `${name} imports ${specifier}`).toMatch(/^\.\/[a-z][a-z-]*\.js$/);
        waiting.push(specifier.slice(2));
      }
    }
    expect([...seen].sort()).toEqual(Object.keys(webChatAssets).filter((name) => name.endsWith(".js")).sort());
  });

  it("sends the Content-Security-Policy with the page", async () => {
    const { app } = chatApp();
    const response = await app.request("/");
    expect(response.headers.get("content-security-policy")).toBe(contentSecurityPolicy);
    expect(contentSecurityPolicy).toBe(
      "default-src 'self'; style-src 'self'; script-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
  });

  it("loads nothing from elsewhere and puts data in with DOM APIs only", async () => {
    const { app } = chatApp();
    const page = await (await app.request("/")).text();
    expect(page).not.toMatch(/https?:\/\/|@import|url\(/);
    expect(page).not.toMatch(/<script>|\sstyle=|\son[a-z]+=/);
    for (const name of Object.keys(webChatAssets)) {
      const text = await (await app.request(`/assets/${name}`)).text();
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
    const { app } = chatApp();
    const response = await app.request(path);
    const body = await expectError(response, 404, "NOT_FOUND", message);
    expect(JSON.stringify(body)).not.toMatch(/dependencies|compilerOptions/);
  });

  it.each(["/assets/../../package.json", "/assets/../../../../package.json", "/assets/..%2F..%2Fpackage.json", "/assets/../public/chat.js"])(
    "answers the raw request path %s over HTTP with a JSON 404, never a file",
    async (path) => {
      const { app } = chatApp();
      const server = await startHttpServer(app, "127.0.0.1", 0);
      try {
        const response = await rawGet(server.port, path);
        expect(response.status).toBe(404);
        expect(response.type).toMatch(/application\/json/);
        expect((JSON.parse(response.body) as ErrorBody).error.code).toBe("NOT_FOUND");
        expect(response.body).not.toMatch(/dependencies|import|function/);
      } finally {
        await server.close();
      }
    },
  );
});
