import type { ReferralDraft } from "../referrals/referral-draft.js";

/** The question a text dialog is waiting for an answer to. */
export type DialogStep =
  | "person"
  | "area"
  | "needs"
  | "age"
  | "contact"
  | "contactWhen"
  | "whatMatters"
  | "urgency"
  | "nhsNumber"
  | "consent"
  | "confirm";

/** An open referral: what has been gathered so far. Nothing is stored until it is confirmed. */
export interface ReferralDialog {
  /** Also the referral's idempotency key: submitting the same dialog twice stores one referral. */
  readonly id: string;
  readonly draft: ReferralDraft;
  /** The next question, for channels without forms. */
  readonly step: DialogStep;
  /** Steps the referrer skipped on purpose (only the optional NHS number may be skipped). */
  readonly skipped: readonly DialogStep[];
  /** Set once stored: a repeated submission then answers with the same reference. */
  readonly submittedReference?: string;
  /**
   * What the referrer typed in the form's last submission, as typed ("12/03/1942", "999 123 4567"),
   * so a form sent back with errors shows every entry again. Personal data: it expires with the dialog.
   */
  readonly entries?: Readonly<Record<string, string>>;
}

/** A referral form that a newer one replaced (or that was sent): its submission saves nothing. */
export interface ReplacedForm {
  readonly id: string;
  /** The reference it was sent as, when it was. */
  readonly reference?: string;
}
