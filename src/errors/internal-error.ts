import { SignpostError } from "./signpost-error.js";

/**
 * Something Signpost's own code promised did not hold: an id from the loaded
 * directory that the directory does not know, a form built longer than a
 * channel allows. A bug to fix, never the user's doing.
 */
export class InternalError extends SignpostError {
  readonly code = "INTERNAL";
  readonly userMessage = "Sorry, something went wrong on my side. Please try again; if it keeps happening, tell your administrator.";
}
