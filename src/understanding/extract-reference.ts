import { cleanText } from "../text/normalise-text.js";

/**
 * Referral references: "FC-" and six characters from Crockford's base 32
 * (digits and capitals without I, L, O, U), so they can be read aloud.
 * Accepts "fc-7k3m9q", "FC 7K3M9Q" and "FC7K3M9Q"; letters that people
 * confuse with digits are read as the digit (O -> 0, I and L -> 1).
 */
const pattern = /\bfc[-\s]?([0-9a-z]{6})\b/i;

export function extractReference(text: string): string | null {
  const match = pattern.exec(cleanText(text));
  if (!match) return null;
  // Six characters with no digit as typed are a word ("fc please"), not a code.
  if (!/\d/.test(match[1]!)) return null;
  const code = match[1]!.toUpperCase().replace(/O/g, "0").replace(/[IL]/g, "1");
  if (/U/.test(code)) return null;
  return `FC-${code}`;
}
