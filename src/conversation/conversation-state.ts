import type { PreviousSearch } from "../answer/previous-search.js";
import type { ReferralDialog, ReplacedForm } from "./referral-dialog-state.js";

/**
 * What Signpost remembers about one conversation between messages: the last
 * list of services, so that follow-ups work ("only in Blaby", "show more",
 * "tell me more about the second one"), and an open referral dialog. No
 * personal data beyond an open dialog's draft, which expires with it.
 */
export interface ConversationState {
  readonly list?: ListMemory;
  readonly dialog?: ReferralDialog;
  /** Referral forms replaced by a newer one, newest first (a few): one live form at a time. */
  readonly replaced?: readonly ReplacedForm[];
  /** The front-door records the conversation has been told about (ids), so the front door is said once, not in every answer. */
  readonly frontDoorsShown?: readonly string[];
  /** Services someone in this conversation reported closed (ids): not offered again as still open. */
  readonly reportedClosed?: readonly string[];
}

export interface ListMemory {
  readonly search: PreviousSearch;
  /** A random id for this search: buttons carry it, so an old button cannot act on a newer list. */
  readonly searchId: string;
  /** Every result found, best first; `shown` of them have been shown. */
  readonly resultIds: readonly string[];
  readonly shown: number;
  /** The results on screen now, in order, for "the second one". */
  readonly onScreen: readonly string[];
}
