import { cleanText } from "../text/normalise-text.js";
import { historyAfter, historyBefore, negations, type RiskKind, riskPatterns } from "./safety-patterns.js";

export interface RiskMention {
  readonly kind: RiskKind;
  /** Why it does not count, if it does not. */
  readonly discounted?: "negated" | "history";
}

export interface EmergencyCheck {
  /** True when any risk is mentioned as present now. */
  readonly urgent: boolean;
  /** The kinds of risk that count, in the order first seen. */
  readonly kinds: readonly RiskKind[];
  /** Every mention found, including the negated and historic ones. */
  readonly mentions: readonly RiskMention[];
}

/** Lower case, straight apostrophes, single spaces; punctuation kept for clause limits. */
function prepare(text: string): string {
  return cleanText(text)
    .toLowerCase()
    .replace(/[\u2018\u2019\u02BC`]/g, "'")
    .replace(/\s+/g, " ");
}

/**
 * The last few words before a match, back to the start of its clause (a
 * sentence mark, comma, "and", "but"...). Kept short on purpose: a negation
 * further away may belong to something else, and discounting less is safer.
 */
function clauseBefore(text: string, index: number): string {
  const clauses = text.slice(Math.max(0, index - 80), index).split(/[.,;:!?()]|\b(?:and|but|however|although|though|then|now|so)\b/);
  return (clauses.at(-1) ?? "").trim().split(" ").slice(-4).join(" ");
}

/**
 * Looks for risk to life or safety anywhere in a message. A mention counts
 * unless the words just before it negate it ("no thoughts of self harm") or
 * the words around it place it in the past ("overdose in 2019"). One mention
 * that counts is enough: urgency wins over everything else.
 */
export function detectEmergency(message: string): EmergencyCheck {
  const text = prepare(message);
  const mentions: RiskMention[] = [];
  for (const { kind, pattern, canBeHistory } of riskPatterns) {
    for (const match of text.matchAll(pattern)) {
      const before = clauseBefore(text, match.index);
      const after = text.slice(match.index + match[0].length, match.index + match[0].length + 40);
      if (negations.test(before)) {
        mentions.push({ kind, discounted: "negated" });
      } else if (canBeHistory && (historyBefore.test(before) || historyAfter.test(after))) {
        mentions.push({ kind, discounted: "history" });
      } else {
        mentions.push({ kind });
      }
    }
  }
  const kinds = [...new Set(mentions.filter((m) => !m.discounted).map((m) => m.kind))];
  return { urgent: kinds.length > 0, kinds, mentions };
}
