import { createHmac } from "node:crypto";
import type { Clock } from "../time/clock.js";
import type { Notifier, OutgoingNotification } from "./notifier.js";
import { NotificationError } from "../errors/notification-error.js";

/**
 * POSTs a referral to the hub's own system. The body is signed with
 * HMAC-SHA256 over "<timestamp>.<body>" (header X-Signpost-Signature:
 * sha256=<hex>, X-Signpost-Timestamp), and every attempt at the same referral
 * carries the same Idempotency-Key, so the hub can ignore repeats.
 */
export class WebhookNotifier implements Notifier {
  readonly name = "webhook";

  constructor(
    private readonly url: string,
    private readonly secret: string,
    private readonly clock: Clock,
    private readonly timeoutMs = 5000,
  ) {}

  async send(notification: OutgoingNotification): Promise<void> {
    const body = JSON.stringify(notification.payload);
    const timestamp = String(Math.floor(this.clock.now().getTime() / 1000));
    const response = await fetch(this.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "idempotency-key": notification.idempotencyKey,
        "x-signpost-timestamp": timestamp,
        "x-signpost-signature": `sha256=${signature(this.secret, timestamp, body)}`,
      },
      body,
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!response.ok) throw new NotificationError(`hub webhook answered ${response.status}`);
  }
}

/** The signature the hub checks: HMAC-SHA256 of "<timestamp>.<body>" with the shared secret, hex. */
export function signature(secret: string, timestamp: string, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}
