/** Signpost's jobs keep to the time people in Leicestershire read on their clocks. */
export const londonTimeZone = "Europe/London";

/** A moment as a clock on the wall shows it in a time zone: no offset, no daylight saving. */
export interface WallClock {
  readonly year: number;
  /** 1 to 12. */
  readonly month: number;
  /** 1 to 31. */
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  /** 0 Sunday to 6 Saturday, as cron counts. */
  readonly weekday: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();
const weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

export function wallClock(moment: Date, timeZone = londonTimeZone): WallClock {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", weekday: "short" });
    formats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(moment).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: weekdays.indexOf(parts.weekday ?? ""),
  };
}

/** "2027-03-28" for a calendar date. */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The calendar date in London on which a moment falls, as "YYYY-MM-DD". */
export function londonDate(moment: Date): string {
  const { year, month, day } = wallClock(moment);
  return isoDate(year, month, day);
}

/** Days after (or before, when negative) a "YYYY-MM-DD" date, as "YYYY-MM-DD". Calendar arithmetic, no time zone. */
export function addDays(date: string, days: number): string {
  const moment = new Date(`${date}T00:00:00Z`);
  moment.setUTCDate(moment.getUTCDate() + days);
  return moment.toISOString().slice(0, 10);
}

/** 0 Sunday to 6 Saturday for a "YYYY-MM-DD" date. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}
