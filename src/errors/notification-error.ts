import { SignpostError } from "./signpost-error.js";

/**
 * A notification was not delivered: no notifier by that name, a destination it
 * cannot reach, or the channel refused it (the vendor's error as `cause`). The
 * outbox records the message and tries again later; the message names the
 * channel's problem, never the referral's contents.
 */
export class NotificationError extends SignpostError {
  readonly code = "NOTIFICATION_FAILED";
  override readonly httpStatus = 502;
  readonly userMessage = "The notification could not be sent just now; it will be tried again.";
}
