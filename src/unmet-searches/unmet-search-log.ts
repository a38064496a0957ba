import type { AreaId, NeedId } from "../directory/ids.js";

/** "nothing": no service for the need anywhere; "nothing-in-area": some elsewhere, none in the area asked for. */
export type UnmetKind = "nothing" | "nothing-in-area";

/** One need and one area a search asked for and found nothing: ids only, "" when none was asked. */
export interface UnmetSearch {
  readonly need: NeedId | "";
  readonly area: AreaId | "";
  readonly kind: UnmetKind;
}

/** How many searches found nothing for one need, area and kind over some days. */
export interface UnmetSearchCount extends UnmetSearch {
  readonly count: number;
}

/**
 * Where searches that found nothing are counted, as evidence for the
 * commissioners who plan the prevention offer. It holds ids and counts only:
 * never the words searched, who searched or in which conversation.
 */
export interface UnmetSearchLog {
  /** Adds one to the count of each need, area and kind on a London day ("YYYY-MM-DD"). */
  record(day: string, searches: readonly UnmetSearch[]): Promise<void>;
  /** The counts from one day to another, both included, summed over the days. */
  countsBetween(firstDay: string, lastDay: string): Promise<UnmetSearchCount[]>;
}
