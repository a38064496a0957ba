import { SignpostError } from "./signpost-error.js";

/** The identity provider's answer did not pass Signpost's checks, so nobody was signed in. */
export class SignInError extends SignpostError {
  readonly code = "SIGN_IN_REFUSED";
  override readonly httpStatus = 400;
  readonly userMessage = "Your sign-in could not be checked, so you have not been signed in.";
}
