import type { Shown } from "./suppression.js";

/** The figures the insight view shows, each at /insight/<id>.csv too. */
export const figureIds = [
  "referrals-by-month",
  "referrals-by-need",
  "referrals-by-area",
  "time-to-response",
  "engagement",
  "unmet-by-need",
  "unmet-by-area",
  "directory-freshness",
] as const;
export type FigureId = (typeof figureIds)[number];

export function isFigureId(value: string): value is FigureId {
  return (figureIds as readonly string[]).includes(value);
}

/** A value in a figure's table: a count (perhaps suppressed: "<5", "*"), a measure such as a median in days, or "not shown". */
export type Value = Shown | "not shown";

export interface FigureRow {
  readonly label: string;
  readonly values: readonly Value[];
}

/**
 * One figure: a table of labelled rows and columns, which the page shows as a
 * chart and a table, and the CSV download gives as it is. Every value has
 * been through suppression already; nothing in a figure names a person.
 */
export interface Figure {
  readonly id: FigureId;
  readonly title: string;
  /** One or two sentences: what is counted, over which period. */
  readonly description: string;
  /** The first column's heading (what the rows are). */
  readonly rowHeading: string;
  readonly columns: readonly string[];
  readonly rows: readonly FigureRow[];
  /** How the chart draws it: which columns are stacked as bars (the rest, such as a total, are table only). */
  readonly chart: { readonly series: readonly string[]; readonly unit: string };
  /** What the reader should know about the numbers (suppression, counting rules). */
  readonly notes: readonly string[];
}
