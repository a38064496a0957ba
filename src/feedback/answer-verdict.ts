/**
 * A verdict on one of Signpost's answers: the thumbs up or down a channel
 * offers under an answer (Slack's feedback buttons). Kept under the same rules
 * as "report outdated details": no message text and nothing the person typed,
 * only which services the answer showed, the verdict, the channel, and the
 * person's namespaced id (as an outdated report keeps its reporter's).
 */
export const answerVerdicts = ["helpful", "not_helpful"] as const;
export type Verdict = (typeof answerVerdicts)[number];

export interface AnswerVerdict {
  readonly verdict: Verdict;
  /** The directory ids of the services the answer showed, in its order (none for an answer without cards). */
  readonly serviceIds: readonly string[];
  readonly channel: string;
  readonly givenBy: string;
  /** ISO timestamp. */
  readonly givenAt: string;
}

/** Where verdicts go; insert-only. */
export interface AnswerVerdictStore {
  /** Resolves once the verdict is stored for good: only then is the person thanked. */
  record(verdict: AnswerVerdict): Promise<void>;
  /** Every verdict, oldest first. */
  list(): Promise<AnswerVerdict[]>;
}

export function isVerdict(value: string): value is Verdict {
  return (answerVerdicts as readonly string[]).includes(value);
}
