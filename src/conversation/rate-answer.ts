/**
 * A verdict on an answer (the "rate_answer" action: Slack's feedback buttons).
 * The button's value names the verdict and the services the answer showed,
 * "helpful|id1,id2"; the core checks both (an unknown verdict is refused, ids
 * no longer in the directory are left out) and stores nothing else: not the
 * question, not the answer's text. Thanks only once it is stored.
 */
import { findService } from "../directory/directory.js";
import { isVerdict, type Verdict } from "../feedback/answer-verdict.js";
import { textReply } from "./build-replies.js";
import type { TurnDependencies } from "./bot-dependencies.js";
import type { ActionRequest, IncomingMessage } from "./incoming-message.js";
import type { Reply } from "./reply.js";

/** The most a channel's button value holds (Slack's feedback button value: 2,000 characters). */
const maxValueLength = 2000;

export const thanksForVerdict = "Thank you for the feedback. It is recorded for the directory's maintainers (the services shown and your verdict, never the conversation).";

/** The value a channel puts on the verdict buttons under an answer showing `serviceIds`. */
export function rateAnswerValue(verdict: Verdict, serviceIds: readonly string[]): string {
  let value = `${verdict}|`;
  for (const [i, id] of serviceIds.entries()) {
    const next = `${value}${i === 0 ? "" : ","}${id}`;
    if (next.length > maxValueLength) break;
    value = next;
  }
  return value;
}

export function readRateAnswerValue(value: string): { verdict: Verdict; serviceIds: string[] } | undefined {
  const [verdict = "", ids = ""] = value.split("|", 2);
  if (!isVerdict(verdict)) return undefined;
  return { verdict, serviceIds: ids === "" ? [] : ids.split(",") };
}

export async function rateAnswer(message: IncomingMessage, action: ActionRequest, deps: TurnDependencies): Promise<Reply> {
  const { conversationId } = message;
  const read = readRateAnswerValue(action.value);
  if (!read) return textReply(conversationId, "action", "I couldn't read that feedback, so nothing was recorded.");
  if (!deps.verdicts) return textReply(conversationId, "action", "Feedback on answers isn't being kept here, so nothing was recorded.");
  await deps.limits?.take("feedback_report", message.userId);
  const known = [...new Set(read.serviceIds)].filter((id) => findService(deps.directory, id) !== undefined);
  await deps.verdicts.record({ verdict: read.verdict, serviceIds: known, channel: message.channel, givenBy: message.userId, givenAt: deps.clock.now().toISOString() });
  return textReply(conversationId, "action", thanksForVerdict);
}
