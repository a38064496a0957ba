import { addDays, isoDate, weekdayOf } from "./wall-clock.js";

/**
 * Bank holidays in England and Wales, by the rules in the Banking and
 * Financial Dealings Act 1971 and the proclamations since: worked out for any
 * year, not read from a list that runs out. Dates moved or added by
 * proclamation are listed below; a future one can also be given in
 * configuration (EXTRA_NON_WORKING_DAYS) without a code change.
 */
const moved: Readonly<Record<string, string>> = {
  // The early May holiday moved for VE Day anniversaries; the spring holiday for jubilees.
  "1995-05-01": "1995-05-08",
  "2020-05-04": "2020-05-08",
  "2002-05-27": "2002-06-04",
  "2012-05-28": "2012-06-04",
  "2022-05-30": "2022-06-02",
};
const added = ["1999-12-31", "2002-06-03", "2011-04-29", "2012-06-05", "2022-06-03", "2022-09-19", "2023-05-08"];

export function englishBankHolidays(year: number): string[] {
  const easter = easterSunday(year);
  const days = [
    substituteForWeekend(isoDate(year, 1, 1)),
    addDays(easter, -2),
    addDays(easter, 1),
    nthMonday(year, 5, 1),
    lastMonday(year, 5),
    lastMonday(year, 8),
    ...christmas(year),
  ].map((day) => moved[day] ?? day);
  return [...days, ...added.filter((day) => day.startsWith(`${year}-`))].sort();
}

/** Western Easter Sunday (the anonymous Gregorian algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

/** A holiday on a Saturday or Sunday is taken on the Monday after. */
function substituteForWeekend(day: string): string {
  const weekday = weekdayOf(day);
  return weekday === 6 ? addDays(day, 2) : weekday === 0 ? addDays(day, 1) : day;
}

/** Christmas Day and Boxing Day, each moved to the next free weekday when it falls at a weekend. */
function christmas(year: number): string[] {
  const christmasDay = isoDate(year, 12, 25);
  const weekday = weekdayOf(christmasDay);
  if (weekday === 6) return [addDays(christmasDay, 2), addDays(christmasDay, 3)]; // Sat: Mon 27 and Tue 28
  if (weekday === 0) return [addDays(christmasDay, 1), addDays(christmasDay, 2)]; // Sun: Mon 26 and Tue 27
  if (weekday === 5) return [christmasDay, addDays(christmasDay, 3)]; // Fri: Boxing Day on Mon 28
  return [christmasDay, addDays(christmasDay, 1)];
}

function nthMonday(year: number, month: number, n: number): string {
  const first = isoDate(year, month, 1);
  return addDays(first, ((8 - weekdayOf(first)) % 7) + 7 * (n - 1));
}

function lastMonday(year: number, month: number): string {
  const last = addDays(isoDate(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1), -1);
  return addDays(last, -((weekdayOf(last) + 6) % 7));
}
