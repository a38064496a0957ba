import type { AreaId, NeedId } from "../directory/ids.js";

/** A referral being put together: every field optional until the dialog or form completes it. */
export interface ReferralDraft {
  readonly person?: string;
  readonly phone?: string;
  readonly email?: string;
  readonly address?: string;
  readonly contactWhen?: string;
  readonly age?: number;
  readonly dateOfBirth?: string;
  readonly nhsNumber?: string;
  readonly area?: AreaId;
  readonly needs?: readonly NeedId[];
  readonly whatMatters?: string;
  readonly urgency?: "routine" | "soon";
  readonly suggestedServices?: readonly string[];
  /** The referrer has said the person agreed. */
  readonly consent?: boolean;
}
