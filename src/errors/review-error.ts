import { SignpostError } from "./signpost-error.js";

/**
 * A maintainer's review action (`npm run directory -- review verify|correct|close`)
 * that was refused before anything was written: an unknown service, no --by,
 * a correction with no note, an illustrative sample to "verify". The message is
 * the sentence the maintainer sees.
 */
export class ReviewError extends SignpostError {
  readonly code = "REVIEW_REFUSED";
  override readonly httpStatus = 400;

  get userMessage(): string {
    return this.message;
  }
}
