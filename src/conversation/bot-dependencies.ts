import type { AnswerDependencies } from "../answer/answer-question.js";
import type { AnswerVerdictStore } from "../feedback/answer-verdict.js";
import type { FeedbackStore } from "../feedback/feedback-store.js";
import type { ReferralDesk } from "../referrals/referral-desk.js";
import type { Clock } from "../time/clock.js";
import type { UnmetSearchRecorder } from "../unmet-searches/unmet-search-recorder.js";
import type { ConversationMemory, ConversationStore } from "./conversation-store.js";
import type { TurnLimits } from "./turn-limits.js";

/** Everything the conversation core needs, passed in from the composition root. */
export interface BotDependencies extends AnswerDependencies {
  readonly conversations: ConversationStore;
  readonly feedback: FeedbackStore;
  /** Verdicts on answers (feedback buttons); without it a verdict is refused, never silently dropped. */
  readonly verdicts?: AnswerVerdictStore;
  readonly clock: Clock;
  readonly referrals: ReferralDesk;
  /** Counts searches that found nothing (ids only); without it nothing is counted. */
  readonly unmetSearches?: Pick<UnmetSearchRecorder, "note">;
  /** How often one person may refer, look up references and report outdated details; without it, no limit. */
  readonly limits?: TurnLimits;
}

/** What each turn's handlers see: the same, with the conversation memory of the person taking the turn. */
export interface TurnDependencies extends Omit<BotDependencies, "conversations"> {
  readonly conversations: ConversationMemory;
}
