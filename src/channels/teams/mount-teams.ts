/**
 * Adds Teams to Signpost's one HTTP server: `POST /api/messages`, where the
 * Bot Framework delivers activities, driving a botbuilder CloudAdapter. Hono's
 * request is handed to `adapter.process` as the plain request it expects
 * (method, headers, parsed body) and its answer (status and body: an invoke's
 * response, or nothing) is turned back into a Hono response. Activities from
 * tenants not on the allowlist are dropped before the bot sees them.
 */
import type { CloudAdapter, Request as BotRequest, Response as BotResponse } from "botbuilder";
import type { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { ContentfulStatusCode, StatusCode } from "hono/utils/http-status";
import type { Bot } from "../../conversation/bot.js";
import type { Logger } from "../../logging/create-logger.js";
import { systemClock, type Clock } from "../../time/clock.js";
import type { ConversationReferences } from "./conversation-references.js";
import { createTeamsAdapter } from "./create-teams-adapter.js";
import { PrivateRoutes } from "./private-routes.js";
import { SignpostActivityHandler } from "./signpost-activity-handler.js";
import { tenantIdsOf } from "./teams-activity.js";
import { allowedTenants, type TeamsSettings, tenantAllowed } from "./teams-settings.js";

export interface MountTeamsOptions {
  readonly settings: TeamsSettings;
  /** Absent until the directory is indexed and the bot is built. */
  readonly bot: () => Bot | undefined;
  /** Absent until storage is open. */
  readonly references: () => ConversationReferences | undefined;
  readonly logger: Logger;
  readonly clock?: Clock;
  /** How long a privately sent card's buttons still reach the shared conversation: the core's conversation TTL. */
  readonly privateRouteTtlMs?: number;
}

/** What the composition root needs to send proactively (the Teams notifier). */
export interface TeamsChannel {
  readonly adapter: CloudAdapter;
  /** The bot's app id ("" with authentication off). */
  readonly appId: string;
}

export const maxActivityBodyBytes = 256 * 1024;

function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

export function mountTeams(app: Hono, options: MountTeamsOptions): TeamsChannel {
  const { settings, logger } = options;
  const appId = settings.appId ?? "";
  const adapter = createTeamsAdapter(settings, logger);
  const routes = new PrivateRoutes(options.clock ?? systemClock, options.privateRouteTtlMs ?? 30 * 60 * 1000);
  const handler = new SignpostActivityHandler({ bot: options.bot, references: options.references, routes, appId, logger });
  const allowed = allowedTenants(settings);

  app.post(
    "/api/messages",
    bodyLimit({ maxSize: maxActivityBodyBytes, onError: (c) => c.json(errorBody("TOO_LARGE", "The activity is too large."), 413) }),
    async (c) => {
      let body: unknown;
      try {
        body = JSON.parse(await c.req.text());
      } catch {
        return c.json(errorBody("BAD_REQUEST", "The request body is not valid JSON."), 400);
      }
      if (typeof body !== "object" || body === null || Array.isArray(body) || typeof (body as { type?: unknown }).type !== "string") {
        return c.json(errorBody("BAD_REQUEST", "The request body must be an activity with a type."), 400);
      }
      const request: BotRequest = { method: "POST", headers: c.req.header(), body: body as Record<string, unknown> };
      const answer: { status: number; body?: unknown } = { status: 200 };
      const response: BotResponse = {
        socket: undefined,
        status: (code: number) => (answer.status = code),
        header: () => undefined,
        send: (sent: unknown) => (answer.body = sent),
        end: () => undefined,
      };
      await adapter.process(request, response, async (context) => {
        if (!tenantAllowed(context.activity, allowed)) {
          logger.warn({ activity: context.activity.type, tenants: tenantIdsOf(context.activity) }, "Teams activity from a tenant not on the allowlist dropped");
          return;
        }
        await handler.run(context);
      });
      const status = answer.status as ContentfulStatusCode;
      if (answer.body === undefined || answer.body === null) return c.body(null, answer.status as StatusCode);
      if (typeof answer.body === "string") {
        // botbuilder answers a refused token (401) or a broken activity (400) with a sentence; anything else stays generic.
        if (answer.status === 401) return c.json(errorBody("UNAUTHORIZED", "The request's Bot Framework token is missing or invalid."), 401);
        if (answer.status === 400) return c.json(errorBody("BAD_REQUEST", "The activity could not be read."), 400);
        return c.json(errorBody("INTERNAL", "Something went wrong on our side."), status);
      }
      return c.json(answer.body, status);
    },
  );
  return { adapter, appId };
}
