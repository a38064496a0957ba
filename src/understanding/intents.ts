/** The intents Signpost recognises. `intents/<id>.yaml` holds each one's examples. */
export const intentIds = [
  "find_service",
  "make_referral",
  "referral_status",
  "list_referrals",
  "help",
  "greeting",
  "feedback",
  "urgent_help",
  "unknown",
] as const;
export type IntentId = (typeof intentIds)[number];

export function isIntentId(value: string): value is IntentId {
  return (intentIds as readonly string[]).includes(value);
}

export interface IntentDefinition {
  readonly id: IntentId;
  readonly description: string;
  readonly reply: string;
  readonly examples: readonly string[];
}
