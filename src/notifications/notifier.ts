/**
 * Sends one notification somewhere: a chat conversation, a user, the hub's
 * webhook. Throwing means "not delivered, try again later".
 */
export interface Notifier {
  /** The name outbox entries use to pick their notifier ("inbox", "webhook", "slack", "teams"). */
  readonly name: string;
  send(notification: OutgoingNotification): Promise<void>;
}

export interface OutgoingNotification {
  /** Stable for every attempt at the same notification: receivers use it to ignore repeats. */
  readonly idempotencyKey: string;
  readonly destination: Readonly<Record<string, string>>;
  readonly payload: Readonly<Record<string, unknown>>;
}
