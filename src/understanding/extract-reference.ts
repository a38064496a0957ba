import { cleanText } from "../text/normalise-text.js";

/**
 * Referral references: "FC-" and six characters from Crockford's base 32
 * (digits and capitals without I, L, O, U), so they can be read aloud.
 * Accepts "fc-7k3m9q", "FC 7K3M9Q" and "FC7K3M9Q"; letters that people
 * confuse with digits are read as the digit (O -> 0, I and L -> 1).
 */
const pattern = /\bfc(-|\s)?([0-9a-z]{6})\b/i;

export function extractReference(text: string): string | null {
  const match = pattern.exec(cleanText(text));
  if (!match) return null;
  const [, separator, typed = ""] = match;
  // Written "FC-" it is a reference, digits or not; "fc please" (six letters after a space) is a word.
  if (separator !== "-" && !/\d/.test(typed)) return null;
  const code = typed.toUpperCase().replace(/O/g, "0").replace(/[IL]/g, "1");
  if (/U/.test(code)) return null;
  return `FC-${code}`;
}
