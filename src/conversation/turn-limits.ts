/**
 * What the conversation core limits per person, whichever channel they use:
 * storing referrals, looking referrals up by reference (so references cannot be
 * guessed), and writing "report outdated details" reports. `take` resolves when
 * the person may go ahead and rejects with a RateLimitedError when they may not.
 * The implementation lives in src/limits/.
 */
export type LimitedAction = "referral" | "reference_lookup" | "feedback_report";

export interface TurnLimits {
  take(action: LimitedAction, userId: string): Promise<void>;
}
