import type { Directory } from "../directory/directory.js";
import type { UnmetSearchCount } from "../unmet-searches/unmet-search-log.js";
import type { Figure, FigureRow } from "./figure.js";
import { areaName, needName } from "./referral-figures.js";
import { suppressionNote, suppressWithTotal } from "./suppression.js";

const columns = ["Nothing anywhere", "Nothing in the area asked for", "Total"];
const series = ["Nothing anywhere", "Nothing in the area asked for"];
const notes = [
  "Counts only: the words searched are never kept. A search that named several needs or places is counted once for each.",
  suppressionNote,
];

function rows(counts: readonly UnmetSearchCount[], key: (count: UnmetSearchCount) => string, label: (key: string) => string): FigureRow[] {
  const byKey = new Map<string, [number, number]>();
  for (const count of counts) {
    const row = byKey.get(key(count)) ?? [0, 0];
    row[count.kind === "nothing" ? 0 : 1] += count.count;
    byKey.set(key(count), row);
  }
  return [...byKey]
    .sort((a, b) => b[1][0] + b[1][1] - (a[1][0] + a[1][1]) || label(a[0]).localeCompare(label(b[0])))
    .map(([k, pair]) => {
      const { cells, total } = suppressWithTotal(pair);
      return { label: label(k), values: [...cells, total] };
    });
}

/** Searches that found nothing, by need: "nothing anywhere" apart from "nothing in the area asked for". */
export function unmetByNeed(counts: readonly UnmetSearchCount[], directory: Directory, period: string): Figure {
  return {
    id: "unmet-by-need",
    title: "Searches that found nothing, by need",
    description: `Searches in the chat that found no service, ${period}, by the need asked for: nothing anywhere in the directory, or nothing in the area asked for though there is elsewhere.`,
    rowHeading: "Need",
    columns,
    rows: rows(counts, (count) => count.need, (need) => needName(need, directory)),
    chart: { series, unit: "Searches" },
    notes,
  };
}

/** Searches that found nothing, by the area asked for. */
export function unmetByArea(counts: readonly UnmetSearchCount[], directory: Directory, period: string): Figure {
  return {
    id: "unmet-by-area",
    title: "Searches that found nothing, by area",
    description: `Searches in the chat that found no service, ${period}, by the area asked for.`,
    rowHeading: "Area",
    columns,
    rows: rows(counts, (count) => count.area, (area) => areaName(area, directory)),
    chart: { series, unit: "Searches" },
    notes,
  };
}
