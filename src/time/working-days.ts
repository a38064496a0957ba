import { englishBankHolidays } from "./english-bank-holidays.js";
import { addDays, weekdayOf } from "./wall-clock.js";

/**
 * Working days as the First Contact hub keeps them: Monday to Friday, not an
 * English bank holiday, not a day the configuration names (a local closure,
 * or a bank holiday proclaimed after this code was written).
 */
export class WorkingDays {
  private readonly years = new Map<number, ReadonlySet<string>>();

  constructor(private readonly extraClosedDays: ReadonlySet<string> = new Set()) {}

  isWorkingDay(date: string): boolean {
    const weekday = weekdayOf(date);
    if (weekday === 0 || weekday === 6 || this.extraClosedDays.has(date)) return false;
    return !this.holidays(Number(date.slice(0, 4))).has(date);
  }

  /**
   * Whole working days from `from` to `to` ("YYYY-MM-DD"), counting the days
   * after `from` up to and including `to`: a referral made on Friday is one
   * working day old on Monday, and still one on the Tuesday after an Easter Monday.
   */
  between(from: string, to: string): number {
    let count = 0;
    for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (this.isWorkingDay(day)) count++;
    return count;
  }

  private holidays(year: number): ReadonlySet<string> {
    let days = this.years.get(year);
    if (!days) {
      days = new Set(englishBankHolidays(year));
      this.years.set(year, days);
    }
    return days;
  }
}
