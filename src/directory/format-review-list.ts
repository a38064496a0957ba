import { plural, quoteTyped } from "../text/digest-text.js";
import { londonDate } from "../time/wall-clock.js";
import type { ReviewEntry } from "./review-store.js";
import type { ReviewItem, ReviewList } from "./review-list.js";

export interface ReviewListView {
  /** "YYYY-MM-DD". */
  readonly today: string;
  readonly staleBefore: string;
  /** At most this many records in each section before saying how many more. */
  readonly limit: number;
}

/**
 * The review list as a maintainer reads it in a terminal: each record's id
 * (what the commands take), name, provider, file and when it was last
 * verified on whose word, with its open reports quoted (one line each, made
 * safe as in the weekly digest) and never who sent them.
 */
export function formatReviewList(list: ReviewList, view: ReviewListView): string {
  const total = list.reported.length + list.stale.length + list.closedInFeed.length;
  const lines = [
    `Directory review, ${view.today}: ${plural(list.reported.length, "record")} with reports of outdated details, ${plural(list.stale.length, "record")} not verified since ${view.staleBefore}, ${list.closedInFeed.length} closed but still in a feed.`,
  ];
  if (total === 0) return `${lines[0]}\nNothing needs review.\n`;
  const section = (title: string, items: readonly ReviewItem[], describe: (item: ReviewItem) => string[]) => {
    if (items.length === 0) return;
    lines.push("", title);
    const shown = items.slice(0, view.limit).flatMap(describe);
    lines.push(...shown);
    if (items.length > view.limit) lines.push(`  … and ${plural(items.length - view.limit, "more record")} (--limit shows more)`);
  };
  section("Reported outdated (the longest waiting first):", list.reported, (item) => [
    heading(item),
    ...item.reports.map((report) => `    ${londonDate(new Date(report.reportedAt))} "${quoteTyped(report.details)}"`),
  ]);
  section(`Not verified since ${view.staleBefore} (the stalest first):`, list.stale, (item) => [heading(item)]);
  section("Closed here, still published by their feed (tell the publisher):", list.closedInFeed, (item) => [heading(item)]);
  lines.push(
    "",
    "To act on a record (npm run directory -- review …):",
    '  verify <id> --by "<your name>"              the details are right (checked with the provider)',
    '  correct <id> --by "<your name>" --note "…"  you corrected its file (or told its feed)',
    '  close <id> --by "<your name>"               the service has closed',
    '  history <id>                                what was done to it, by whom and when',
  );
  return `${lines.join("\n")}\n`;
}

function heading(item: ReviewItem): string {
  const { service } = item;
  if (!service) return `  ${item.serviceId}  (no longer in the directory: \`close ${item.serviceId}\` resolves its reports)`;
  const verified = item.verified ? `last verified ${item.verified.on} (${item.verified.by})` : "never verified";
  const sample = service.source === "illustrative sample" ? " · illustrative sample: replace it or close it" : "";
  const closed = item.latestReview?.action === "closed" ? ` · closed by ${item.latestReview.by} on ${londonDate(new Date(item.latestReview.at))}` : "";
  return `  ${item.serviceId}  ${service.name} · ${service.organization.name} · services/${service.file} · ${verified}${closed}${sample}`;
}

/** One service's audit trail, oldest first. */
export function formatHistory(serviceId: string, entries: readonly ReviewEntry[]): string {
  if (entries.length === 0) return `No review of ${serviceId} has been recorded.\n`;
  return `${entries
    .map((entry) => {
      const counts = entry.verifiedOn ? `, counts as verified on ${entry.verifiedOn}` : "";
      const where = entry.file ? ` [${entry.record}: services/${entry.file}]` : ` [${entry.record}]`;
      return `${entry.at}  ${entry.action} by ${entry.by}${counts}${entry.note ? `: "${quoteTyped(entry.note)}"` : ""}${where}`;
    })
    .join("\n")}\n`;
}
