import { InvalidInputError } from "../errors/invalid-input-error.js";
/**
 * The ISO 8601 week a "YYYY-MM-DD" date falls in, as "2027-W13": weeks start on
 * Monday, and week 1 is the one holding the year's first Thursday, so the last
 * days of December can belong to the next year's week 1 and the first days of
 * January to the last year's week 52 or 53. The weekly digests use it as their
 * once-a-week key.
 */
export function isoWeek(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new InvalidInputError(`not a YYYY-MM-DD date: ${date}`);
  const day = new Date(`${date}T00:00:00Z`);
  // The Thursday of the same Monday-to-Sunday week decides the year.
  const thursday = new Date(day);
  thursday.setUTCDate(day.getUTCDate() + 3 - ((day.getUTCDay() + 6) % 7));
  const year = thursday.getUTCFullYear();
  const firstOfYear = Date.UTC(year, 0, 1);
  const week = Math.floor((thursday.getTime() - firstOfYear) / 86_400_000 / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}
