import { randomInt } from "node:crypto";

/** Crockford's base 32: no I, L, O or U, so a reference survives being read aloud. */
const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/**
 * A referral reference: "FC-" and six characters drawn with a cryptographic
 * random source (about a billion possibilities), so references cannot be
 * guessed from one another. Uniqueness is enforced by the store.
 */
export function newReference(): string {
  let code = "";
  for (let i = 0; i < 6; i++) code += alphabet[randomInt(alphabet.length)];
  return `FC-${code}`;
}

export function isReference(value: string): boolean {
  return /^FC-[0-9A-HJKMNP-TV-Z]{6}$/.test(value);
}
