import type { Directory } from "../directory/directory.js";
import { areaIds } from "../directory/ids.js";
import { formatDate } from "../answer/format-date.js";
import type { UnmetKind, UnmetSearchCount } from "../unmet-searches/unmet-search-log.js";
import { cutList, plural } from "../text/digest-text.js";

/** Needs listed in each part of the digest before the rest are summed up in one line. */
export const maxNeedsListed = 15;

const sections: readonly { readonly kind: UnmetKind; readonly title: string }[] = [
  { kind: "nothing", title: "Nothing anywhere in the directory" },
  { kind: "nothing-in-area", title: "Nothing in the area asked for, though there is elsewhere" },
];

/**
 * The weekly unmet-need digest: searches that found nothing over some London
 * days, by need and then area, with "nothing anywhere" and "nothing in this
 * area" apart. Labels and area names come from the directory; the counts hold
 * ids only, so no words anyone typed can appear here.
 */
export function unmetNeedDigest(counts: readonly UnmetSearchCount[], days: { readonly first: string; readonly last: string }, directory: Directory): string {
  const period = `${formatDate(days.first)} to ${formatDate(days.last)}`;
  if (counts.length === 0) return `Searches that found nothing, ${period}: none. Every search that named a need or a place found at least one service.`;
  const lines = [`Searches that found nothing, ${period} (London days), by need and area. Counts only: the words searched are never kept.`];
  for (const { kind, title } of sections) {
    const byNeed = groupByNeed(counts.filter((count) => count.kind === kind));
    const total = byNeed.reduce((sum, need) => sum + need.total, 0);
    lines.push("", `${title}: ${total}`);
    if (byNeed.length === 0) {
      lines.push("- none");
      continue;
    }
    const needLines = byNeed.map(({ need, total: needTotal, areas }) => {
      const where = areas.map(({ area, count }) => `${areaName(area, directory)} ${count}`).join(", ");
      return `- ${needLabel(need, directory)}: ${needTotal} (${where})`;
    });
    const cutTotal = (left: number) => byNeed.slice(byNeed.length - left).reduce((sum, need) => sum + need.total, 0);
    lines.push(...cutList(needLines, maxNeedsListed, (left) => `- … and ${plural(left, "more need")} (${cutTotal(left)})`));
  }
  lines.push("", "A search that named several needs or places is counted once for each.");
  return lines.join("\n");
}

interface NeedCounts {
  readonly need: string;
  readonly total: number;
  readonly areas: readonly { readonly area: string; readonly count: number }[];
}

/** Needs with the most first; within a need, areas with the most first, then in the gazetteer's order. */
function groupByNeed(counts: readonly UnmetSearchCount[]): NeedCounts[] {
  const needs = new Map<string, { area: string; count: number }[]>();
  for (const { need, area, count } of counts) needs.set(need, [...(needs.get(need) ?? []), { area, count }]);
  return [...needs]
    .map(([need, areas]) => ({ need, total: areas.reduce((sum, a) => sum + a.count, 0), areas: areas.sort((a, b) => b.count - a.count || areaOrder(a.area) - areaOrder(b.area)) }))
    .sort((a, b) => b.total - a.total || a.need.localeCompare(b.need));
}

const areaOrderIds: readonly string[] = [...areaIds, ""];

function areaOrder(area: string): number {
  const index = areaOrderIds.indexOf(area);
  return index === -1 ? areaOrderIds.length : index;
}

function needLabel(need: string, directory: Directory): string {
  if (need === "") return "No need named (a place only)";
  return directory.taxonomy.needs.find((n) => n.id === need)?.label ?? need;
}

function areaName(area: string, directory: Directory): string {
  if (area === "") return "no place named";
  return directory.gazetteer.areas.find((a) => a.id === area)?.name ?? area;
}
