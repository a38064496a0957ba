import { isoDate } from "./wall-clock.js";
import { InvalidInputError } from "../errors/invalid-input-error.js";

/**
 * Calendar months after (or before, when negative) a "YYYY-MM-DD" date. A day
 * the target month lacks becomes its last day: six months before 31 August is
 * 28 February (29 in a leap year), never 3 March.
 */
export function addMonths(date: string, months: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match || !Number.isInteger(months)) throw new InvalidInputError(`cannot add ${months} months to ${date}`);
  const monthIndex = Number(match[1]) * 12 + Number(match[2]) - 1 + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return isoDate(year, month, Math.min(Number(match[3]), lastDay));
}
