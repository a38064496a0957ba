import { findService } from "../directory/directory.js";
import { ReferralError } from "../errors/referral-error.js";
import { describeStatus } from "../referrals/describe-referral.js";
import { statusChangeSchema } from "../referrals/referral-status.js";
import { cleanText, tokenize } from "../text/normalise-text.js";
import { extractReference } from "../understanding/extract-reference.js";
import type { TurnDependencies } from "./bot-dependencies.js";
import { formatDate } from "../answer/format-date.js";
import { textReply } from "./build-replies.js";
import type { IncomingMessage } from "./incoming-message.js";
import { identityOf } from "./referral-dialog.js";
import type { Reply } from "./reply.js";

const move = /^\s*(acknowledge|ack|accept|accepted|decline|declined|close|closed)\s+(fc[-\s]?[0-9a-z]{6})\b[\s:,.-]*(.*)$/i;

/** "acknowledge FC-…", "accept FC-… for lightbulb-adaptations", "decline FC-… because …", "close FC-…: outcome". */
export function isStatusMove(text: string): boolean {
  return move.test(cleanText(text));
}

/** A triage member moves a referral on; everyone else is told plainly that they can't. */
export async function moveReferral(message: IncomingMessage, deps: TurnDependencies): Promise<Reply> {
  const [, verb = "", ref = "", rest = ""] = move.exec(cleanText(message.text ?? "")) ?? [];
  const reference = extractReference(ref) ?? ref.toUpperCase();
  const detail = rest.replace(/^(?:for|to|by|because|as|with|:)\s+/i, "").trim();
  const status = verb.startsWith("ack") ? "acknowledged" : verb.startsWith("accept") ? "accepted" : verb.startsWith("decline") ? "declined" : "closed";
  const service = status === "accepted" ? resolveService(detail, deps) : undefined;
  const change = statusChangeSchema.safeParse(status === "acknowledged" ? { status } : status === "accepted" ? { status, service } : status === "declined" ? { status, reason: detail } : { status, outcome: detail });
  if (!change.success) return textReply(message.conversationId, "referral_status", change.error.issues[0]?.message ?? "That change needs more detail.");
  await deps.limits?.take("reference_lookup", message.userId);
  try {
    const moved = await deps.referrals.move(reference, change.data, identityOf(message));
    if (!moved) return notFound(message, reference);
    return textReply(message.conversationId, "referral_status", `Done. ${describeStatus(moved, deps.directory)} The person who referred them will be told.`);
  } catch (error) {
    if (error instanceof ReferralError) return textReply(message.conversationId, "referral_status", error.userMessage);
    throw error;
  }
}

/** "any update on FC-7K3M9Q?" */
export async function referralStatus(message: IncomingMessage, deps: TurnDependencies): Promise<Reply> {
  const reference = extractReference(message.text ?? "");
  if (!reference) return textReply(message.conversationId, "referral_status", 'Which referral? Give me its reference, like FC-7K3M9Q, or say "my referrals".');
  await deps.limits?.take("reference_lookup", message.userId);
  const referral = await deps.referrals.find(reference, identityOf(message));
  if (!referral) return notFound(message, reference);
  return textReply(message.conversationId, "referral_status", `${describeStatus(referral, deps.directory)} Sent ${formatDate(referral.createdAt.slice(0, 10))}; last changed ${formatDate(referral.updatedAt.slice(0, 10))}.`);
}

/** "my referrals", "our team's open referrals", and for triage "all open referrals". No personal details in the list. */
export async function listReferrals(message: IncomingMessage, deps: TurnDependencies): Promise<Reply> {
  const words = ` ${tokenize(message.text ?? "").join(" ")} `;
  const identity = identityOf(message);
  const triage = deps.referrals.viewer(identity).triage;
  const scope = triage && / (?:all|triage|everyone|every) /.test(words) ? "triage" : / (?:team|teams|our|we) /.test(words) ? "team" : "mine";
  const openOnly = / (?:open|outstanding|pending|still|waiting|active|current) /.test(words);
  const referrals = await deps.referrals.list(identity, { scope, openOnly });
  const whose = scope === "mine" ? "Your" : scope === "team" ? "Your team's" : "All";
  if (referrals.length === 0) return textReply(message.conversationId, "list_referrals", `${whose}${openOnly ? " open" : ""} referrals: none yet.`);
  const lines = referrals.map((r) => `${r.reference} · ${r.status} · sent ${formatDate(r.createdAt.slice(0, 10))} · ${r.needs.map((n) => deps.directory.taxonomy.label(n)).join(", ")}`);
  return textReply(message.conversationId, "list_referrals", [`${whose}${openOnly ? " open" : ""} referrals, newest first:`, ...lines].join("\n"));
}

export function notFound(message: IncomingMessage, reference: string): Reply {
  // The same words whether it does not exist or the user may not see it.
  return textReply(message.conversationId, "referral_status", `I can't find ${reference} among the referrals you can see. Please check the reference, or say "my referrals".`);
}

function resolveService(text: string, deps: TurnDependencies): string {
  const byId = findService(deps.directory, text.trim().toLowerCase());
  if (byId) return byId.id;
  const wanted = tokenize(text).join(" ");
  const byName = deps.directory.services.find((s) => tokenize(s.name).join(" ") === wanted);
  return byName?.id ?? text;
}
