import { SignpostError } from "./signpost-error.js";

/** Someone has done something too often in too short a time; they may try again after `retryAfterSeconds`. */
export class RateLimitedError extends SignpostError {
  readonly code = "RATE_LIMITED";
  override readonly httpStatus = 429;
  readonly userMessage: string;

  constructor(
    /** What was limited, for the log: "chat_turn", "referral", ... never who. */
    readonly limit: string,
    readonly retryAfterSeconds: number,
  ) {
    super(`rate limit reached: ${limit}`);
    const wait = retryAfterSeconds <= 90 ? `${Math.max(1, retryAfterSeconds)} seconds` : `${Math.ceil(retryAfterSeconds / 60)} minutes`;
    this.userMessage = `That is more than Signpost allows in a short time, so I have not done it. Please wait ${wait} and try again.`;
  }
}
