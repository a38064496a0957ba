import { SignpostError } from "./signpost-error.js";

/** A setting is missing or invalid; start-up stops with one line naming the variable. */
export class ConfigError extends SignpostError {
  readonly code = "CONFIG_INVALID";
  readonly userMessage = "Signpost is not configured correctly. Please contact the administrator.";

  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
  }
}
