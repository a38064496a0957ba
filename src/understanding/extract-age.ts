/**
 * Finds a person's age in what staff write: "84", "84yo", "84 year old",
 * "aged 84", "age: 84", "in her 80s", "over 60s", "mid 70s". Decades give their
 * lower bound ("80s" -> 80). Numbers that are clearly something else (postcode
 * parts, times, quantities) are ignored. Returns null when no age is given.
 */

const units = new Set(["kg", "kgs", "stone", "st", "lbs", "mins", "minutes", "hours", "hrs", "days", "weeks", "months", "pm", "am", "percent", "miles", "pounds", "quid", "p", "x"]);
const ageWords = new Set(["year", "years", "yr", "yrs", "yo", "y"]);
const ageLeads = new Set(["aged", "age", "ages"]);
const decadeLeads = new Set(["her", "his", "their", "in", "over", "mid", "late", "early", "the"]);
/** Words that make "2 yrs" a length of time, not an age: "off sick 2 yrs", "for 3 years", "5 years ago". */
const durationLeads = new Set(["for", "past", "last", "sick", "since", "nearly", "almost", "about", "over", "within"]);

function asAge(value: number): number | null {
  return Number.isInteger(value) && value >= 0 && value <= 120 ? value : null;
}

export function extractAge(tokens: readonly string[]): number | null {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1] ?? "";
    const previous = tokens[i - 1] ?? "";

    // "84yo", "84yrs", "84y"
    const glued = /^(\d{1,3})(yo|yrs?|y)$/.exec(token);
    if (glued) return asAge(Number(glued[1]));

    // "80s", "in her 80s", "over 60s", "mid 70s"
    const decade = /^(\d)0s$/.exec(token);
    if (decade && (decadeLeads.has(previous) || i === 0 || !units.has(next))) return asAge(Number(decade[1]) * 10);

    if (!/^\d{1,3}$/.test(token)) continue;
    const value = Number(token);
    if (ageLeads.has(previous)) return asAge(value);
    if (ageWords.has(next)) {
      // "84 yrs" and "5 year old" are ages; "off sick 2 yrs" and "3 years ago" are not.
      const after = tokens[i + 2] ?? "";
      if (after === "old" || after === "of") return asAge(value);
      if (!durationLeads.has(previous) && after !== "ago" && value >= 16) return asAge(value);
      continue;
    }
    // A bare number: an age only when nothing marks it as a quantity, a time
    // or the second half of a postcode ("le11 3ab" tokenises to "le11", "3ab").
    const looksLikePostcode = /^[a-z]{1,2}\d{1,2}$/.test(previous);
    if (value >= 16 && value <= 110 && !units.has(next) && !looksLikePostcode && !/^\d/.test(next)) return value;
  }
  return null;
}
