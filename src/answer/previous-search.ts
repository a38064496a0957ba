import type { AreaId, NeedId } from "../directory/ids.js";
import type { Evidence } from "../understanding/extract-entities.js";

/**
 * A search as a conversation remembers it, so follow-ups can run it again
 * ("show more", "only in Blaby") without understanding the words again.
 */
export interface PreviousSearch {
  readonly text: string;
  readonly needs: readonly NeedId[];
  readonly areas: readonly AreaId[];
  readonly age: number | null;
  /** The words that meant each need and place, for "why it matched". */
  readonly evidence: Evidence;
}
