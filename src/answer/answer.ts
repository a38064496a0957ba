import type { AreaId, NeedId } from "../directory/ids.js";

/** One service in an answer: the `ask --json` result shape. */
export interface AnswerResult {
  readonly id: string;
  readonly name: string;
  readonly organization: string;
  readonly needs: readonly NeedId[];
  /** Every area the service serves, expanded from groups. */
  readonly areas: readonly AreaId[];
  readonly why: string;
  readonly score: number;
  readonly last_verified: string;
  readonly how_to_refer: string;
}

/** The answer to "what is there for this person, here?": the `ask --json` contract. */
export interface Answer {
  readonly intent: "find_service";
  readonly entities: { readonly areas: readonly AreaId[]; readonly needs: readonly NeedId[]; readonly age: number | null };
  readonly results: readonly AnswerResult[];
  readonly reply: string;
  readonly engine: "embedded" | "meilisearch";
}
