import { randomInt } from "node:crypto";

/** Crockford's base 32: no I, L, O or U, so a reference survives being read aloud. */
const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/**
 * A referral reference: "FC-" and six characters drawn with a cryptographic
 * random source (about 950 million possibilities, as each has a digit), so
 * references cannot be guessed from one another. Uniqueness is enforced by the store.
 */
export function newReference(): string {
  for (;;) {
    let code = "";
    for (let i = 0; i < 6; i++) code += alphabet[randomInt(alphabet.length)];
    // At least one digit, so it is read as a reference however it is typed ("fc 7kqmxz", "FC7KQMXZ").
    if (/\d/.test(code)) return `FC-${code}`;
  }
}

export function isReference(value: string): boolean {
  return /^FC-[0-9A-HJKMNP-TV-Z]{6}$/.test(value);
}
