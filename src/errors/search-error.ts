import { SignpostError } from "./signpost-error.js";

/** The search engine could not answer (not ready, or a backend failed). */
export class SearchError extends SignpostError {
  readonly code = "SEARCH_UNAVAILABLE";
  override readonly httpStatus = 503;
  readonly userMessage = "Search is not available just now. Please try again in a minute.";
}
