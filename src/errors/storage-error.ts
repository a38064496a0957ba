import { SignpostError } from "./signpost-error.js";

/** The database could not be reached or refused a write: nothing was half-written. */
export class StorageError extends SignpostError {
  readonly code = "STORAGE_UNAVAILABLE";
  override readonly httpStatus = 503;
  readonly userMessage = "I couldn't save or read that just now, so nothing was changed. Please try again in a minute.";
}
