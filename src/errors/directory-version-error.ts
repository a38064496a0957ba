import { SignpostError } from "./signpost-error.js";

/**
 * This instance could not take up the directory version every instance should
 * answer from (its directory/ holds other files, or they did not load); it
 * keeps answering from its last good directory.
 */
export class DirectoryVersionError extends SignpostError {
  readonly code = "DIRECTORY_VERSION_UNAVAILABLE";
  readonly userMessage = "This copy of Signpost is answering from an older copy of the service directory. Please tell the administrator.";
}
