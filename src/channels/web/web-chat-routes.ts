// The web chat's API, for the signed-in (or, in trial mode, local) person only:
// POST /api/chat (a JSON message in, the bot's Reply out), GET /api/chat/inbox
// (the person's conversation's unread notifications, which the page polls) and
// GET /api/session (who the page is talking for). The request is checked before
// the bot sees it; who is asking comes from the session; what people type is never logged.
import type { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Bot } from "../../conversation/bot.js";
import { incomingMessageSchema, type IncomingMessage } from "../../conversation/incoming-message.js";
import type { Logger } from "../../logging/create-logger.js";
import type { LimitSubject, LimitKind } from "../../limits/rate-limits.js";
import { describeValidationIssue } from "./describe-validation-issue.js";
import { serverOnlyFields, tabId, webChatRequestSchema, webConversationId } from "./web-chat-request.js";
import { currentUser, type WebAccess, webUser } from "./web-identity.js";

export interface WebChatOptions {
  /** Absent until the directory is indexed and the bot is built. */
  readonly bot: () => Bot | undefined;
  /** Where a conversation's notifications wait ("FC-7K3M9Q has been accepted by ..."); absent until storage is open. */
  readonly inbox: () => WebChatInbox | undefined;
  /** Counts chat turns per person and per address; absent until storage is open. */
  readonly limits: () => { check(kind: LimitKind, subject: LimitSubject): Promise<void> } | undefined;
  readonly access: WebAccess;
  readonly logger: Logger;
}

/** What the inbox route needs: unread messages for a conversation, marked read as they are returned. */
export interface WebChatInbox {
  takeUnread(conversationId: string): Promise<string[]>;
}

export const maxChatBodyBytes = 64 * 1024;

const noStore = { "Cache-Control": "no-store" };

function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

/** Adds the chat API to the app. */
export function mountWebChat(app: Hono, { bot, inbox, limits, access, logger }: WebChatOptions): void {
  const starting = errorBody("NOT_READY", "Signpost is still starting up. Please try again in a few seconds.");

  app.get("/api/session", webUser(access, { startTrial: true }), (c) => {
    const user = currentUser(c);
    return c.json({ mode: user.kind, ...(user.userName ? { name: user.userName } : {}), roles: user.roles }, 200, noStore);
  });

  app.post(
    "/api/chat",
    bodyLimit({
      maxSize: maxChatBodyBytes,
      onError: (c) => c.json(errorBody("TOO_LARGE", `The message is too large: send at most ${maxChatBodyBytes / 1024} KB.`), 413),
    }),
    webUser(access, { startTrial: true }),
    async (c) => {
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
      const named = serverOnlyFields.find((field) => Object.hasOwn(fields, field));
      if (named) return c.json(errorBody("BAD_REQUEST", `${named}: is set by the server from your session, so leave it out.`), 400, noStore);
      const parsed = webChatRequestSchema.safeParse(fields);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        // Where and what kind of problem only: never a value or a form's field names, which may be what someone typed.
        logger.debug({ field: issue?.path.slice(0, 2).map(String).join("."), problem: issue?.code }, "chat request refused");
        return c.json(errorBody("BAD_REQUEST", describeValidationIssue(issue, fields)), 400, noStore);
      }
      const [ready, counter] = [bot(), limits()];
      if (!ready || !counter) return c.json(starting, 503, noStore);
      const user = currentUser(c);
      await counter.check("chat_turn", { userId: user.userId, ...(user.address ? { address: user.address } : {}) });
      const { conversationId: tab, text, action } = parsed.data;
      const message: IncomingMessage = {
        channel: "web",
        conversationId: webConversationId(user.userId, tab),
        userId: user.userId,
        ...(user.userName ? { userName: user.userName } : {}),
        ...(user.roles.length > 0 ? { roles: [...user.roles] } : {}),
        ...(user.kind === "trial" ? { trial: true as const } : {}),
        ...(text !== undefined ? { text } : {}),
        ...(action ? { action } : {}),
      };
      const checked = incomingMessageSchema.safeParse(message);
      if (!checked.success) return c.json(errorBody("BAD_REQUEST", describeValidationIssue(checked.error.issues[0], fields)), 400, noStore);
      const reply = await ready.handle(checked.data);
      // The page knows its conversation by the tab's id.
      return c.json({ ...reply, conversationId: tab }, 200, noStore);
    },
  );

  app.get("/api/chat/inbox", webUser(access, { startTrial: false }), async (c) => {
    const parsed = tabId.safeParse(c.req.query("conversationId"));
    if (!parsed.success) {
      const missing = c.req.query("conversationId") === undefined;
      const problem = missing ? "is required, for example /api/chat/inbox?conversationId=c1" : (parsed.error.issues[0]?.message ?? "is not valid");
      return c.json(errorBody("BAD_REQUEST", `conversationId: ${problem}.`), 400, noStore);
    }
    const ready = inbox();
    if (!ready) return c.json(starting, 503, noStore);
    // Only this person's own conversation: the id is theirs by construction.
    return c.json({ messages: await ready.takeUnread(webConversationId(currentUser(c).userId, parsed.data)) }, 200, noStore);
  });
}
