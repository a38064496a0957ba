import type { Service } from "../directory/directory.js";
import type { IntentId } from "../understanding/intents.js";
import type { Understanding } from "../understanding/understand.js";
import type { AnswerEntities, AnswerResult } from "./answer.js";
import type { ReplyParts } from "./compose-reply.js";
import type { PreviousSearch } from "./previous-search.js";

/** A result with the directory's record of the service, so nothing looks it up again. */
export interface TurnResult extends AnswerResult {
  readonly service: Service;
}

/** The search a turn ran: what was asked (after the conversation's context), what was found, and its reply in parts. */
export interface TurnSearch {
  readonly query: PreviousSearch;
  /** What the search took from the conversation's last one: its needs (a new place), its areas (new needs), or nothing. */
  readonly carried: "needs" | "areas" | null;
  /** Every result kept (up to the limit asked for), best first. */
  readonly results: readonly TurnResult[];
  /** The reply around the results shown: an intro, the numbered list, and what comes after. */
  readonly parts: ReplyParts;
}

/**
 * One message, understood once and answered: the structure both the `ask`
 * answer (render-answer.ts) and the chat's Reply (src/conversation/) render.
 */
export interface Turn {
  readonly understood: Understanding;
  /** The intent answered (a search carried from the conversation is find_service). */
  readonly intent: IntentId;
  readonly entities: AnswerEntities;
  /** Lines before the answer: a concern's safety line, a clinical question declined, an NHS number refused. */
  readonly notes: readonly string[];
  /** For a search. */
  readonly search?: TurnSearch;
  /** For anything that is not a search: the reply. */
  readonly reply?: string;
  /** The safety net's emergency reply: shown first and alone. */
  readonly urgent: boolean;
}
