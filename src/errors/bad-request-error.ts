import { SignpostError } from "./signpost-error.js";

/** A request from a client was malformed; the message says what to fix. */
export class BadRequestError extends SignpostError {
  readonly code = "BAD_REQUEST";

  constructor(readonly userMessage: string) {
    super(userMessage);
  }
}
