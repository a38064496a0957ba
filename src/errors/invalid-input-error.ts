import { SignpostError } from "./signpost-error.js";

/**
 * A value handed to Signpost that it cannot use: a date that is not YYYY-MM-DD,
 * a cron pattern with four fields, a request body that is not an object. The
 * message says what was wrong, for the operator; it never quotes personal data.
 */
export class InvalidInputError extends SignpostError {
  readonly code = "INVALID_INPUT";
  override readonly httpStatus = 400;
  readonly userMessage = "That could not be used as it was given. Please check it and try again.";
}
