// The web chat channel: POST /api/chat (a JSON message in, the bot's Reply out),
// GET /api/chat/inbox (the conversation's unread notifications, which the page polls)
// and the page that uses them (GET / and its allowlisted /assets/ files). The
// request is checked before the bot sees it; what people type is never logged.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import type { Bot } from "../../conversation/bot.js";
import { incomingMessageSchema } from "../../conversation/incoming-message.js";
import type { Logger } from "../../logging/create-logger.js";
import { describeValidationIssue } from "./describe-validation-issue.js";

export interface WebChatOptions {
  /** Absent until the directory is indexed and the bot is built. */
  readonly bot: () => Bot | undefined;
  /** Where a conversation's notifications wait ("FC-7K3M9Q has been accepted by ..."); absent until storage is open. */
  readonly inbox: () => WebChatInbox | undefined;
  readonly logger: Logger;
}

/** What the inbox route needs: unread messages for a conversation, marked read as they are returned. */
export interface WebChatInbox {
  takeUnread(conversationId: string): Promise<string[]>;
}

/** The same rule as a chat message's conversationId (trimmed, 1 to 200 characters), so both name the same conversation. */
const inboxQuery = z.object({
  conversationId: z
    .string({ error: "conversationId: is required, for example /api/chat/inbox?conversationId=c1." })
    .trim()
    .min(1, "conversationId: must not be empty.")
    .max(200, "conversationId: must be at most 200 characters."),
});

export const maxChatBodyBytes = 64 * 1024;

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
  "inbox-poller.js": javascript,
  "tab-session-id.js": javascript,
};

function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

/** Adds the chat API and the chat page to the app; reads the page's files once, now. */
export function mountWebChat(app: Hono, { bot, inbox, logger }: WebChatOptions): void {
  const page = readFileSync(`${publicFolder}index.html`, "utf8");
  const assets = Object.entries(webChatAssets).map(([name, type]) => ({ name, type, content: readFileSync(`${publicFolder}${name}`, "utf8") }));
  const common = { "Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff" };

  app.get("/", (c) =>
    c.body(page, 200, {
      ...common,
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": contentSecurityPolicy,
      "Referrer-Policy": "no-referrer",
    }),
  );
  for (const { name, type, content } of assets) {
    app.get(`/assets/${name}`, (c) => c.body(content, 200, { ...common, "Content-Type": type }));
  }

  app.post(
    "/api/chat",
    bodyLimit({
      maxSize: maxChatBodyBytes,
      onError: (c) => c.json(errorBody("TOO_LARGE", `The message is too large: send at most ${maxChatBodyBytes / 1024} KB.`), 413),
    }),
    async (c) => {
      const noStore = { "Cache-Control": "no-store" };
      let body: unknown;
      try {
        body = JSON.parse(await c.req.text());
      } catch {
        return c.json(errorBody("BAD_REQUEST", "The request body is not valid JSON."), 400, noStore);
      }
      if (typeof body !== "object" || body === null || Array.isArray(body)) {
        return c.json(errorBody("BAD_REQUEST", "The request body must be a JSON object."), 400, noStore);
      }
      const fields = body as Record<string, unknown>;
      for (const serverOnly of ["channel", "team"]) {
        if (Object.hasOwn(fields, serverOnly)) {
          return c.json(errorBody("BAD_REQUEST", `${serverOnly}: is set by the server, so leave it out.`), 400, noStore);
        }
      }
      const parsed = incomingMessageSchema.safeParse({ ...fields, channel: "web" });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        // Where and what kind of problem only: never a value or a form's field names, which may be what someone typed.
        logger.debug({ field: issue?.path.slice(0, 2).map(String).join("."), problem: issue?.code }, "chat request refused");
        return c.json(errorBody("BAD_REQUEST", describeValidationIssue(issue, fields)), 400, noStore);
      }
      const ready = bot();
      if (!ready) {
        return c.json(errorBody("NOT_READY", "Signpost is still starting up. Please try again in a few seconds."), 503, noStore);
      }
      return c.json(await ready.handle(parsed.data), 200, noStore);
    },
  );

  app.get("/api/chat/inbox", async (c) => {
    const noStore = { "Cache-Control": "no-store" };
    const parsed = inboxQuery.safeParse({ conversationId: c.req.query("conversationId") });
    if (!parsed.success) {
      return c.json(errorBody("BAD_REQUEST", parsed.error.issues[0]?.message ?? "conversationId: is required."), 400, noStore);
    }
    const ready = inbox();
    if (!ready) {
      return c.json(errorBody("NOT_READY", "Signpost is still starting up. Please try again in a few seconds."), 503, noStore);
    }
    return c.json({ messages: await ready.takeUnread(parsed.data.conversationId) }, 200, noStore);
  });
}
