/**
 * One normal form for everything we compare: what staff type, taxonomy terms and
 * place names. NFKC first (so full-width and ligature tricks collapse), then
 * invisible characters removed (zero-width and bidi controls), accents dropped,
 * apostrophes joined ("can't" -> "cant") and everything else that is not a
 * letter or digit turned into a single space.
 */

const invisible = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;
const apostrophes = /['\u2018\u2019\u02BC`]/g;
const accents = /\p{M}+/gu;
const separators = /[^\p{L}\p{N}]+/gu;

/** Removes invisible and bidi control characters (zero-width spaces, soft hyphens, direction overrides), and nothing else. */
export function withoutInvisible(input: string): string {
  return input.replace(invisible, "");
}

/** Removes invisible and bidi control characters after NFKC; keeps case and punctuation. */
export function cleanText(input: string): string {
  return withoutInvisible(input.normalize("NFKC"));
}

/** A free-standing ampersand is "and": "strength & balance" is "strength and balance" ("A&E" stays one word). */
const ampersand = /(?<=\s)&(?=\s)/g;

export function normaliseText(input: string): string {
  return cleanText(input)
    .replace(ampersand, "and")
    .toLowerCase()
    .normalize("NFD")
    .replace(accents, "")
    .replace(apostrophes, "")
    .replace(separators, " ")
    .trim();
}

export function tokenize(input: string): string[] {
  const normal = normaliseText(input);
  return normal === "" ? [] : normal.split(" ");
}

/** Punctuation that ends a clause: a word after it starts afresh. */
const clauseBreak = /[,.;:!?()[\]\n|]/;

/**
 * The same tokens as tokenize(), with whether a clause break (a comma, a full
 * stop...) comes just before each one, so that context can stop at it.
 */
export function tokenizeWithBreaks(input: string): { tokens: string[]; breakBefore: boolean[] } {
  const prepared = cleanText(input).replace(ampersand, "and").toLowerCase().normalize("NFD").replace(accents, "").replace(apostrophes, "");
  const tokens: string[] = [];
  const breakBefore: boolean[] = [];
  let pending = false;
  for (const part of prepared.split(/([^\p{L}\p{N}]+)/u)) {
    if (part === "") continue;
    if (/^[^\p{L}\p{N}]+$/u.test(part)) {
      if (clauseBreak.test(part)) pending = true;
      continue;
    }
    tokens.push(part);
    breakBefore.push(pending);
    pending = false;
  }
  return { tokens, breakBefore };
}
