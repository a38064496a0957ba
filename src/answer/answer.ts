import type { AreaId, NeedId } from "../directory/ids.js";
import type { Urgency } from "../understanding/extract-urgency.js";
import type { IntentId } from "../understanding/intents.js";

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

export interface AnswerEntities {
  readonly areas: readonly AreaId[];
  readonly needs: readonly NeedId[];
  readonly age: number | null;
  /** Only a number that passed its check digit. Personal data. */
  readonly nhsNumber: string | null;
  readonly reference: string | null;
  readonly urgency: Urgency | null;
  /** The person a referral is for, as written. Personal data. */
  readonly person: string | null;
}

/** The answer to one message: the `ask --json` contract. */
export interface Answer {
  readonly intent: IntentId;
  /** How sure the understanding was, 0 to 1 (1 when a safety-net rule fired). */
  readonly confidence: number;
  readonly entities: AnswerEntities;
  /** Services, for find_service; empty for every other intent. */
  readonly results: readonly AnswerResult[];
  readonly reply: string;
  readonly engine: "embedded" | "meilisearch";
}
