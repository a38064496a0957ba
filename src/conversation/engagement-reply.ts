import { findService } from "../directory/directory.js";
import { ReferralError } from "../errors/referral-error.js";
import type { Engagement } from "../referrals/referral.js";
import { cleanText } from "../text/normalise-text.js";
import { extractReference } from "../understanding/extract-reference.js";
import type { TurnDependencies } from "./bot-dependencies.js";
import { textReply } from "./build-replies.js";
import type { IncomingMessage } from "./incoming-message.js";
import { identityOf } from "./referral-dialog.js";
import { notFound } from "./referral-commands.js";
import type { Reply } from "./reply.js";

/**
 * The answers the outcome follow-up asks for (src/jobs/outcome-follow-up-job.ts):
 * "FC-7K3M9Q engaged", "FC-7K3M9Q did not engage", "FC-7K3M9Q not known",
 * and the ways people write them. Only the whole message counts, so a
 * sentence that merely mentions a reference is not taken for an answer.
 */
const answer = /^\s*(fc[-\s]?[0-9a-z]{6})[\s:,.-]+(engaged|did\s+not\s+engage|didn['’]?t\s+engage|not\s+engaged|not\s+known|unknown|don['’]?t\s+know)[\s.!]*$/i;

function engagementOf(words: string): Engagement {
  const said = words.toLowerCase();
  if (said === "engaged") return "engaged";
  if (/engage/.test(said)) return "did-not-engage";
  return "unknown";
}

export function isEngagementReply(text: string): boolean {
  return answer.test(cleanText(text));
}

/** Records the answer for a referral the sender may see; anyone else is told it can't be found, as for a lookup. */
export async function recordEngagement(message: IncomingMessage, deps: TurnDependencies): Promise<Reply> {
  const [, ref = "", words = ""] = answer.exec(cleanText(message.text ?? "")) ?? [];
  const reference = extractReference(ref) ?? ref.toUpperCase();
  const engagement = engagementOf(words.replace(/\s+/g, " "));
  await deps.limits?.take("reference_lookup", message.userId);
  try {
    const referral = await deps.referrals.recordEngagement(reference, engagement, identityOf(message));
    if (!referral) return notFound(message, reference);
    const service = referral.acceptedService ? (findService(deps.directory, referral.acceptedService)?.name ?? referral.acceptedService) : "the service";
    const what =
      engagement === "engaged" ? `the person engaged with ${service}` : engagement === "did-not-engage" ? `the person did not engage with ${service}` : `not known whether the person engaged with ${service}`;
    return textReply(message.conversationId, "referral_status", `Thank you. Recorded for ${referral.reference}: ${what}. If that changes, reply again.`);
  } catch (error) {
    if (error instanceof ReferralError) return textReply(message.conversationId, "referral_status", error.userMessage);
    throw error;
  }
}
