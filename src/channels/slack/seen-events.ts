/**
 * Slack delivers an event again when it did not see our 200 in time
 * (X-Slack-Retry-Num / retry_attempt), always with the same event_id. The first
 * delivery is remembered here for an hour (Slack's retries come within minutes),
 * so a retry is acknowledged and dropped: never a second answer. Per instance
 * (see ExpiringMap): with several instances, put sticky routing in front, or accept
 * that a retry landing on another instance is answered there.
 */
import type { Middleware, AnyMiddlewareArgs } from "@slack/bolt";
import { ExpiringMap } from "./expiring-map.js";

export function eventIdOf(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const { type, event_id: eventId } = body as { type?: unknown; event_id?: unknown };
  return type === "event_callback" && typeof eventId === "string" && eventId !== "" ? eventId : undefined;
}

/** Global middleware: events already seen go no further (Bolt has already acknowledged them). */
export function dropRepeatedEvents(options: { maxEntries?: number; ttlMs?: number; now?: () => number } = {}): Middleware<AnyMiddlewareArgs> {
  const seen = new ExpiringMap<true>(options.maxEntries ?? 10_000, options.ttlMs ?? 60 * 60 * 1000, options.now);
  return async ({ body, next }) => {
    const eventId = eventIdOf(body);
    if (eventId !== undefined && !seen.addIfAbsent(eventId, true)) return;
    await next();
  };
}
