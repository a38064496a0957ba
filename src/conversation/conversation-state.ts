import type { PreviousSearch } from "../answer/answer-question.js";

/**
 * What Signpost remembers about one conversation between messages: the last
 * search and its results, so that follow-ups work ("only in Blaby", "show
 * more", "tell me more about the second one"). No personal data: no names, no
 * NHS numbers, no free text beyond the search words.
 */
export interface ConversationState {
  readonly search: PreviousSearch;
  /** A random id for this search: buttons carry it, so an old button cannot act on a newer list. */
  readonly searchId: string;
  /** Every result found, best first; `shown` of them have been shown. */
  readonly resultIds: readonly string[];
  readonly shown: number;
  /** The results on screen now, in order, for "the second one". */
  readonly onScreen: readonly string[];
}
