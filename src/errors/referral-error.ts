import { SignpostError } from "./signpost-error.js";

/** A referral action that is not allowed (a status it cannot move to, a non-triage user moving it). */
export class ReferralError extends SignpostError {
  readonly code = "REFERRAL_NOT_ALLOWED";
  override readonly httpStatus = 403;

  constructor(readonly userMessage: string) {
    super(userMessage);
  }
}
