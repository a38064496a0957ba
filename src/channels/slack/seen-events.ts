/**
 * Slack delivers an event again when it did not see our 200 in time
 * (X-Slack-Retry-Num / retry_attempt), always with the same event_id, and
 * behind a load balancer the retry may reach another instance. The first
 * delivery is recorded in the shared SeenRequests for an hour (Slack's retries
 * come within minutes), so a retry is acknowledged and dropped wherever it
 * lands: never a second answer.
 */
import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { Logger } from "../../logging/create-logger.js";
import type { SeenRequests } from "./seen-requests.js";

export const seenEventMs = 60 * 60 * 1000;

export function eventIdOf(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const { type, event_id: eventId } = body as { type?: unknown; event_id?: unknown };
  return type === "event_callback" && typeof eventId === "string" && eventId !== "" ? eventId : undefined;
}

/**
 * Global middleware: events already handled go no further (Bolt has already
 * acknowledged them). When the store cannot be asked, the event is handled:
 * answering a retry twice is better than answering nothing.
 */
export function dropRepeatedEvents(seen: SeenRequests, logger: Logger, ttlMs = seenEventMs): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    const eventId = eventIdOf(body);
    if (eventId !== undefined) {
      const first = await seen.firstSighting(`event:${eventId}`, ttlMs).catch((error: unknown) => {
        logger.warn({ code: (error as { code?: unknown }).code }, "could not check whether a Slack event was already handled; handling it");
        return true;
      });
      if (!first) {
        logger.debug({ eventId }, "Slack event already handled, here or on another instance; dropped");
        return;
      }
    }
    await next();
  };
}
