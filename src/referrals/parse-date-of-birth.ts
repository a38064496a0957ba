import { isValid } from "date-fns/isValid";
import { enGB } from "date-fns/locale/en-GB";
import { parse } from "date-fns/parse";

/**
 * A date of birth as people in the UK write it: 12/03/1942, 2/3/1942, 12-03-1942,
 * 12.03.1942, 12 March 1942, 12 Mar 1942 (12th, Sept too), or ISO 1942-03-12.
 * date-fns reads the day, month and year with the en-GB locale (day first) and
 * refuses a day its month does not have; what it cannot tell (a two-digit year,
 * a date in the future, a year before 1900) is checked here with a sentence
 * that says what to change (decision 0019).
 */
export type ParsedDate = { readonly ok: true; readonly iso: string } | { readonly ok: false; readonly message: string };

const formats = ["d/M/yyyy", "d-M-yyyy", "d.M.yyyy", "d MMMM yyyy", "d MMM yyyy", "yyyy-M-d"] as const;
const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})$|^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const worded = /^(\d{1,2})\s+([a-z]+)\s+(\d{2,4})$/i;
const example = "like 12/03/1942 or 12 March 1942";

export function parseDateOfBirth(raw: string, today: Date): ParsedDate {
  // "12th March, 1942" and "12 Sept 1942" are read as "12 March 1942" and "12 Sep 1942".
  const text = raw
    .trim()
    .replace(/^(\d{1,2})(?:st|nd|rd|th)\b/i, "$1")
    .replace(/,/g, " ")
    .replace(/\bsept\b/i, "Sep")
    .replace(/\s+/g, " ");
  const shape = numeric.exec(text) ?? worded.exec(text);
  if (!shape) return { ok: false, message: `Please give the date of birth as a date, ${example}.` };
  const year = shape[3] ?? shape[4] ?? "";
  if (year.length !== 4) return { ok: false, message: `Please give the year of birth in full, ${example}.` };
  const date = formats.map((format) => parse(text, format, today, { locale: enGB })).find(isValid);
  if (!date) return { ok: false, message: `${raw.trim()} is not a real date. Please check the day and the month.` };
  if (date.getTime() > today.getTime()) return { ok: false, message: "A date of birth can't be in the future. Please check the year." };
  if (date.getFullYear() < 1900) return { ok: false, message: "Please check the year of birth: it is before 1900." };
  const iso = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return { ok: true, iso };
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** An ISO date as the form shows it back: 12/03/1942. */
export function ukDate(iso: string): string {
  const [year, month, day] = iso.split("-");
  return year && month && day ? `${day}/${month}/${year}` : iso;
}
