// The web chat channel: POST /api/chat (a JSON message in, the bot's Reply out)
// and the page that uses it (GET /, /assets/chat.js, /assets/chat.css). The
// request body is checked before the bot sees it; what people type is never logged.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Bot } from "../../conversation/bot.js";
import { incomingMessageSchema } from "../../conversation/incoming-message.js";
import type { Logger } from "../../logging/create-logger.js";
import { describeValidationIssue } from "./describe-validation-issue.js";

export interface WebChatOptions {
  /** Absent until the directory is indexed and the bot is built. */
  readonly bot: () => Bot | undefined;
  readonly logger: Logger;
}

export const maxChatBodyBytes = 64 * 1024;

export const contentSecurityPolicy =
  "default-src 'self'; style-src 'self'; script-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const publicFolder = fileURLToPath(new URL("./public/", import.meta.url));

function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

/** Adds the chat API and the chat page to the app; reads the page's files once, now. */
export function mountWebChat(app: Hono, { bot, logger }: WebChatOptions): void {
  const page = readFileSync(`${publicFolder}index.html`, "utf8");
  const script = readFileSync(`${publicFolder}chat.js`, "utf8");
  const styles = readFileSync(`${publicFolder}chat.css`, "utf8");
  const common = { "Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff" };

  app.get("/", (c) =>
    c.body(page, 200, {
      ...common,
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": contentSecurityPolicy,
      "Referrer-Policy": "no-referrer",
    }),
  );
  app.get("/assets/chat.js", (c) => c.body(script, 200, { ...common, "Content-Type": "text/javascript; charset=utf-8" }));
  app.get("/assets/chat.css", (c) => c.body(styles, 200, { ...common, "Content-Type": "text/css; charset=utf-8" }));

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
      if (Object.hasOwn(fields, "channel")) {
        return c.json(errorBody("BAD_REQUEST", "channel: is set by the server, so leave it out."), 400, noStore);
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
}
