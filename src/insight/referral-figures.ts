import type { Directory } from "../directory/directory.js";
import { monthMade } from "../referrals/retire-referral.js";
import type { ReferralFacts } from "../referrals/kysely-referral-facts.js";
import { statuses } from "../referrals/referral-status.js";
import type { Figure, FigureRow } from "./figure.js";
import { monthLabel, type InsightPeriod } from "./period.js";
import { suppressCells, suppressed, suppressionNote, suppressWithTotal } from "./suppression.js";

/** What a retired referral left behind (src/referrals/retire-referral.ts). */
export interface RetiredCount {
  readonly month: string;
  readonly area: string;
  readonly status: string;
  readonly engagement: string;
  readonly count: number;
}

const statusNames: Readonly<Record<string, string>> = { submitted: "Sent", acknowledged: "Acknowledged", accepted: "Accepted", declined: "Declined", closed: "Closed" };
const statusColumns = statuses.map((status) => statusNames[status] ?? status);
const retiredNote = "Referrals deleted by the retention job are counted by the counts they left behind.";

/** One row per key, counts by status, with its total; suppressed. */
function statusRows(keys: readonly string[], label: (key: string) => string, counts: ReadonlyMap<string, number[]>): FigureRow[] {
  return keys.map((key) => {
    const { cells, total } = suppressWithTotal(counts.get(key) ?? statuses.map(() => 0));
    return { label: label(key), values: [...cells, total] };
  });
}

function addStatus(counts: Map<string, number[]>, key: string, status: string, count: number): void {
  const index = (statuses as readonly string[]).indexOf(status);
  if (index === -1) return;
  const row = counts.get(key) ?? statuses.map(() => 0);
  row[index] = (row[index] ?? 0) + count;
  counts.set(key, row);
}

export function referralsByMonth(facts: readonly ReferralFacts[], retired: readonly RetiredCount[], period: InsightPeriod): Figure {
  const counts = new Map<string, number[]>();
  for (const fact of facts) addStatus(counts, monthMade(fact.createdAt), fact.status, 1);
  for (const row of retired) addStatus(counts, row.month, row.status, row.count);
  return {
    id: "referrals-by-month",
    title: "Referrals by month and status",
    description: `Referrals sent through Signpost each month (London time), ${monthLabel(period.months[0] ?? "")} to ${monthLabel(period.months.at(-1) ?? "")}, by where they have got to now.`,
    rowHeading: "Month",
    columns: [...statusColumns, "Total"],
    rows: statusRows(period.months, monthLabel, counts),
    chart: { series: statusColumns, unit: "Referrals" },
    notes: [suppressionNote, retiredNote],
  };
}

export function referralsByArea(facts: readonly ReferralFacts[], retired: readonly RetiredCount[], directory: Directory): Figure {
  const counts = new Map<string, number[]>();
  for (const fact of facts) addStatus(counts, fact.area, fact.status, 1);
  for (const row of retired) addStatus(counts, row.area, row.status, row.count);
  const areas = directory.gazetteer.areas.map((area) => area.id as string).filter((id) => counts.has(id));
  const others = [...counts.keys()].filter((id) => !areas.includes(id)).sort();
  return {
    id: "referrals-by-area",
    title: "Referrals by area and status",
    description: "Referrals over the last twelve months by the area the person lives in, and where they have got to now.",
    rowHeading: "Area",
    columns: [...statusColumns, "Total"],
    rows: statusRows([...areas, ...others], (id) => areaName(id, directory), counts),
    chart: { series: statusColumns, unit: "Referrals" },
    notes: [suppressionNote, retiredNote],
  };
}

export function referralsByNeed(facts: readonly ReferralFacts[], directory: Directory): Figure {
  const counts = new Map<string, number>();
  for (const fact of facts) for (const need of new Set(fact.needs)) counts.set(need, (counts.get(need) ?? 0) + 1);
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || needName(a[0], directory).localeCompare(needName(b[0], directory)));
  const cells = suppressCells(sorted.map(([, count]) => count));
  return {
    id: "referrals-by-need",
    title: "Referrals by need",
    description: "Referrals over the last twelve months by each need ticked; a referral with several needs is counted once for each, so there is no total.",
    rowHeading: "Need",
    columns: ["Referrals"],
    rows: sorted.map(([need], i) => ({ label: needName(need, directory), values: [cells[i] ?? suppressed] })),
    chart: { series: ["Referrals"], unit: "Referrals" },
    notes: ["Counts from 1 to 4 are shown as <5.", "Referrals deleted by the retention job kept no needs, so they are not in this figure."],
  };
}

const dayMs = 86_400_000;

/** The value at a fraction of the way through sorted numbers, by the nearest-rank method. */
export function percentile(sorted: readonly number[], fraction: number): number {
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

export function median(sorted: readonly number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

export function timeToResponse(facts: readonly ReferralFacts[]): Figure {
  const waits = (to: (fact: ReferralFacts) => string | null) =>
    facts.flatMap((fact) => {
      const at = to(fact);
      return at === null ? [] : [(Date.parse(at) - Date.parse(fact.createdAt)) / dayMs];
    }).sort((a, b) => a - b);
  // A referral accepted straight from "sent" was acknowledged when it was accepted.
  const acknowledged = waits((fact) => fact.acknowledgedAt ?? fact.acceptedAt);
  const accepted = waits((fact) => fact.acceptedAt);
  const row = (label: string, days: readonly number[]): FigureRow =>
    days.length < 5
      ? { label, values: [days.length === 0 ? 0 : suppressed, "not shown", "not shown"] }
      : { label, values: [days.length, oneDecimal(median(days)), oneDecimal(percentile(days, 0.9))] };
  return {
    id: "time-to-response",
    title: "Time from sent to acknowledged and to accepted",
    description: "Calendar days from a referral being sent to the hub acknowledging it, and to a service accepting it, over the last twelve months.",
    rowHeading: "Step",
    columns: ["Referrals", "Median (days)", "90th percentile (days)"],
    rows: [row("Sent to acknowledged", acknowledged), row("Sent to accepted", accepted)],
    chart: { series: ["Median (days)", "90th percentile (days)"], unit: "Days" },
    notes: [
      "A referral accepted without first being acknowledged counts as acknowledged when it was accepted.",
      "The 90th percentile is by the nearest-rank method. With fewer than 5 referrals the times are not shown.",
    ],
  };
}

const engagementRows: readonly { readonly key: string; readonly label: string }[] = [
  { key: "engaged", label: "Engaged" },
  { key: "did-not-engage", label: "Did not engage" },
  { key: "unknown", label: "Referrer does not know" },
  { key: "", label: "Not recorded yet" },
];

export function engagementOutcomes(facts: readonly ReferralFacts[]): Figure {
  const accepted = facts.filter((fact) => fact.acceptedAt !== null || fact.engagement !== null);
  const counts = engagementRows.map(({ key }) => accepted.filter((fact) => (fact.engagement ?? "") === key).length);
  const { cells, total } = suppressWithTotal(counts);
  return {
    id: "engagement",
    title: "Engagement after acceptance",
    description: "For referrals a service accepted over the last twelve months: did the person take up the service, as the referrer answered the follow-up.",
    rowHeading: "Outcome",
    columns: ["Referrals"],
    rows: [...engagementRows.map(({ label }, i) => ({ label, values: [cells[i] ?? suppressed] })), { label: "Total", values: [total] }],
    chart: { series: ["Referrals"], unit: "Referrals" },
    notes: [suppressionNote, "Referrals deleted by the retention job are not in this figure."],
  };
}

export function areaName(id: string, directory: Directory): string {
  if (id === "") return "No place named";
  return directory.gazetteer.areas.find((area) => area.id === id)?.name ?? id;
}

export function needName(id: string, directory: Directory): string {
  if (id === "") return "No need named (a place only)";
  return directory.taxonomy.needs.find((need) => need.id === id)?.label ?? id;
}
