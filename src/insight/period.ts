import { addMonths } from "../time/add-months.js";
import { londonDate } from "../time/wall-clock.js";

/** The months the insight view covers: the last twelve London calendar months, this one included. */
export interface InsightPeriod {
  /** "YYYY-MM", oldest first. */
  readonly months: readonly string[];
  /** The first and last London days ("YYYY-MM-DD"). */
  readonly firstDay: string;
  readonly lastDay: string;
}

export const periodMonths = 12;

export function insightPeriod(now: Date): InsightPeriod {
  const today = londonDate(now);
  const firstDay = `${addMonths(today, -(periodMonths - 1)).slice(0, 7)}-01`;
  const months = Array.from({ length: periodMonths }, (_, i) => addMonths(firstDay, i).slice(0, 7));
  return { months, firstDay, lastDay: today };
}

const monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2026-12" as "Dec 2026". */
export function monthLabel(month: string): string {
  const [year = "", number = "1"] = month.split("-");
  return `${monthNames[Number(number) - 1] ?? number} ${year}`;
}
