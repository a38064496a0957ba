import cron from "node-cron";
import { addDays, isoDate, londonTimeZone, wallClock, weekdayOf } from "../time/wall-clock.js";
import { InvalidInputError } from "../errors/invalid-input-error.js";

/** A scheduled time a job is due at: London wall-clock time, to the minute. */
export interface Slot {
  /** "2027-03-28T02:30": the same however many times the clock shows it, and on every instance. */
  readonly key: string;
  /** How long ago, in wall-clock minutes, the slot came round. */
  readonly minutesAgo: number;
}

const lookBackDays = 31;

/**
 * A five-field cron schedule (minute hour day-of-month month day-of-week, as
 * node-cron parses it) read against London wall-clock time. node-cron alone
 * works on instants: on the night the clocks go forward it skips a time that
 * falls in the missing hour, and in autumn it can run a time in the repeated
 * hour twice. Here a slot is a wall-clock time: one that never showed runs as
 * soon as the clocks have passed it, and one that showed twice is one slot.
 */
export class WallClockSchedule {
  private constructor(
    readonly pattern: string,
    private readonly minutes: readonly number[],
    private readonly hours: readonly number[],
    private readonly days: ReadonlySet<number>,
    private readonly months: ReadonlySet<number>,
    private readonly weekdays: ReadonlySet<number>,
    /** Cron's rule: when both day fields are restricted, either may match. */
    private readonly eitherDay: boolean,
  ) {}

  /** Throws an Error with a sentence saying what is wrong with the pattern. */
  static parse(pattern: string): WallClockSchedule {
    const fields = pattern.trim().split(/\s+/);
    if (fields.length !== 5) throw new InvalidInputError(`"${pattern}" must have five fields: minute hour day-of-month month day-of-week`);
    if (!cron.validate(pattern)) throw new InvalidInputError(`"${pattern}" is not a valid cron schedule`);
    const parsed = cron.parse(pattern);
    const numbers = (values: readonly (number | string)[], field: string): number[] => {
      if (values.some((value) => typeof value !== "number")) throw new InvalidInputError(`"${pattern}": use numbers, ranges, lists and steps in the ${field} field`);
      return [...(values as number[])].sort((a, b) => a - b);
    };
    const days = numbers(parsed.dayOfMonth, "day-of-month");
    const weekdays = numbers(parsed.dayOfWeek, "day-of-week").map((day) => day % 7);
    const eitherDay = fields[2] !== "*" && fields[4] !== "*";
    return new WallClockSchedule(pattern, numbers(parsed.minute, "minute"), numbers(parsed.hour, "hour"), new Set(days), new Set(numbers(parsed.month, "month")), new Set(weekdays), eitherDay);
  }

  /** The most recent slot at or before `now` (within a month), or undefined. */
  latestSlot(now: Date, timeZone = londonTimeZone): Slot | undefined {
    const clock = wallClock(now, timeZone);
    const today = isoDate(clock.year, clock.month, clock.day);
    const minuteOfDay = clock.hour * 60 + clock.minute;
    for (let back = 0; back <= lookBackDays; back++) {
      const date = addDays(today, -back);
      if (!this.matchesDate(date)) continue;
      const latest = this.latestTime(back === 0 ? minuteOfDay : 24 * 60 - 1);
      if (latest === undefined) continue;
      const hh = String(Math.floor(latest / 60)).padStart(2, "0");
      const mm = String(latest % 60).padStart(2, "0");
      return { key: `${date}T${hh}:${mm}`, minutesAgo: back * 24 * 60 + minuteOfDay - latest };
    }
    return undefined;
  }

  private matchesDate(date: string): boolean {
    const month = Number(date.slice(5, 7));
    if (!this.months.has(month)) return false;
    const dayOk = this.days.has(Number(date.slice(8, 10)));
    const weekdayOk = this.weekdays.has(weekdayOf(date));
    return this.eitherDay ? dayOk || weekdayOk : dayOk && weekdayOk;
  }

  /** The latest scheduled minute of the day at or before `limit` (minutes after midnight). */
  private latestTime(limit: number): number | undefined {
    for (let h = this.hours.length - 1; h >= 0; h--) {
      const hour = this.hours[h]!;
      for (let m = this.minutes.length - 1; m >= 0; m--) {
        const at = hour * 60 + this.minutes[m]!;
        if (at <= limit) return at;
      }
    }
    return undefined;
  }
}
