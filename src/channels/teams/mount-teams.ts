/**
 * Adds Teams to Signpost's one HTTP server: `POST /api/messages`, where the
 * Bot Framework delivers activities, driving a botbuilder CloudAdapter. Each
 * request's token is validated first: one that cannot be (forged, expired, the
 * signing keys unreachable) is answered 401 with one log line. An
 * authenticated activity becomes a turn, and its answer (an invoke's response,
 * or nothing) a Hono response. Activities from tenants not on the allowlist
 * are dropped before the bot sees them.
 */
import type { Activity } from "botbuilder";
import type { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { ContentfulStatusCode, StatusCode } from "hono/utils/http-status";
import type { Bot } from "../../conversation/bot.js";
import type { Logger } from "../../logging/create-logger.js";
import type { ConversationReferences } from "./conversation-references.js";
import { createTeamsAdapter, type SignpostCloudAdapter } from "./create-teams-adapter.js";
import type { PrivateRoutes } from "./private-routes.js";
import { SignpostActivityHandler } from "./signpost-activity-handler.js";
import { tenantIdsOf } from "./teams-activity.js";
import { allowedTenants, type TeamsSettings, tenantAllowed } from "./teams-settings.js";

export interface MountTeamsOptions {
  readonly settings: TeamsSettings;
  /** Absent until the directory is indexed and the bot is built. */
  readonly bot: () => Bot | undefined;
  /** Absent until storage is open. */
  readonly references: () => ConversationReferences | undefined;
  /** Where privately sent cards' buttons lead, shared by every instance. */
  readonly routes: PrivateRoutes;
  readonly logger: Logger;
}

/** What the composition root needs to send proactively (the Teams notifier). */
export interface TeamsChannel {
  readonly adapter: SignpostCloudAdapter;
  /** The bot's app id ("" with authentication off). */
  readonly appId: string;
}

export const maxActivityBodyBytes = 256 * 1024;

function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

/** As botbuilder reads an activity: its timestamps as dates, the text kept alongside. */
function withDates(activity: Activity): Activity {
  const raw = activity as Activity & Record<string, unknown>;
  for (const [field, rawField] of [["timestamp", "rawTimestamp"], ["localTimestamp", "rawLocalTimestamp"], ["expiration", "rawExpiration"]] as const) {
    const value = raw[field];
    if (typeof value === "string") Object.assign(raw, { [rawField]: value, [field]: new Date(value) });
  }
  return activity;
}

export function mountTeams(app: Hono, options: MountTeamsOptions): TeamsChannel {
  const { settings, logger } = options;
  const appId = settings.appId ?? "";
  const adapter = createTeamsAdapter(settings, logger);
  const handler = new SignpostActivityHandler({ bot: options.bot, references: options.references, routes: options.routes, appId, logger });
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
      const activity = withDates(body as Activity);
      const authHeader = c.req.header("authorization") ?? "";
      const processed = await adapter.authenticateAndProcess(authHeader, activity, async (context) => {
        if (!tenantAllowed(context.activity, allowed)) {
          logger.warn({ activity: context.activity.type, tenants: tenantIdsOf(context.activity) }, "Teams activity from a tenant not on the allowlist dropped");
          return;
        }
        await handler.run(context);
      });
      if (!processed.ok) {
        logger.warn({ reason: processed.reason }, "Teams request refused: its Bot Framework token could not be validated");
        return c.json(errorBody("UNAUTHORIZED", "The request's Bot Framework token is missing or invalid."), 401);
      }
      const invoke = processed.invoke;
      if (!invoke) return c.body(null, 200);
      const status = invoke.status as ContentfulStatusCode;
      if (invoke.body === undefined || invoke.body === null) return c.body(null, invoke.status as StatusCode);
      return c.json(invoke.body as object, status);
    },
  );
  return { adapter, appId };
}
