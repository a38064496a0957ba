import { formatDate } from "../answer/format-date.js";
import type { Directory, Service } from "../directory/directory.js";
import type { OutdatedReport } from "../feedback/feedback-store.js";
import { londonDate } from "../time/wall-clock.js";
import { cutList, plural, quoteTyped } from "../text/digest-text.js";

/** How much of each list the digest shows before it says how many more there are. */
export interface StaleDigestLimits {
  readonly providers: number;
  readonly perProvider: number;
}

export const defaultStaleDigestLimits: StaleDigestLimits = { providers: 15, perProvider: 8 };

export interface StaleDigestInput {
  readonly week: string;
  readonly staleAfterMonths: number;
  /** Services verified before this date ("YYYY-MM-DD") are stale. */
  readonly cutoff: string;
  readonly stale: readonly Service[];
  /** When the reports below start: the previous digest. */
  readonly reportsSince: Date;
  readonly reports: readonly OutdatedReport[];
}

/**
 * The weekly directory digest for the maintainers: stale services and the
 * outdated-details reports of the week, each grouped by provider. A report
 * is quoted (made safe to quote) but never says who sent it.
 */
export function staleEntriesDigest(input: StaleDigestInput, directory: Directory, limits: StaleDigestLimits = defaultStaleDigestLimits): string {
  const lines = [`Signpost's weekly directory check (${input.week}).`, ""];
  const staleGroups = groupBy(input.stale, (service) => service.organization.id);
  lines.push(
    input.stale.length === 0
      ? `Every service was verified in the last ${plural(input.staleAfterMonths, "month")} (on or after ${formatDate(input.cutoff)}).`
      : `Not verified for over ${plural(input.staleAfterMonths, "month")} (before ${formatDate(input.cutoff)}): ${plural(input.stale.length, "service")} from ${plural(staleGroups.length, "provider")}, oldest first.`,
  );
  lines.push(
    ...grouped(staleGroups, limits, "service", (services) => services[0]?.organization.name ?? "", (service) => `${service.id}: ${service.name}, last verified ${formatDate(service.last_verified)}`),
  );

  lines.push("");
  const reportGroups = groupBy(input.reports, (report) => report.organizationId);
  const since = formatDate(londonDate(input.reportsSince));
  lines.push(
    input.reports.length === 0
      ? `No reports of outdated details since ${since}.`
      : `Reports of outdated details since ${since}: ${plural(input.reports.length, "report")} about ${plural(reportGroups.length, "provider")}. Please check them with the provider.`,
  );
  lines.push(
    ...grouped(reportGroups, limits, "report", (reports) => providerName(reports[0], directory), (report) => `${serviceLabel(report.serviceId, directory)}: "${quoteTyped(report.details)}"`),
  );
  return lines.join("\n");
}

/** Groups in the order their first item appears (callers sort the items first). */
function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups.values()];
}

function grouped<T>(groups: readonly T[][], limits: StaleDigestLimits, noun: string, title: (items: readonly T[]) => string, line: (item: T) => string): string[] {
  const shown = groups.slice(0, limits.providers).flatMap((items) => [
    `${title(items)} (${items.length}):`,
    ...cutList(items.map((item) => `- ${line(item)}`), limits.perProvider, (left) => `- … and ${plural(left, `more ${noun}`)} from this provider`),
  ]);
  const rest = groups.slice(limits.providers);
  if (rest.length === 0) return shown;
  const items = rest.reduce((sum, group) => sum + group.length, 0);
  return [...shown, `… and ${plural(rest.length, "more provider")} (${plural(items, noun)})`];
}

function providerName(report: OutdatedReport | undefined, directory: Directory): string {
  if (!report) return "";
  const service = directory.services.find((s) => s.organization.id === report.organizationId);
  return service?.organization.name ?? `${report.organizationId} (no longer in the directory)`;
}

function serviceLabel(serviceId: string, directory: Directory): string {
  const service = directory.services.find((s) => s.id === serviceId);
  return service ? `${service.id}: ${service.name}` : `${serviceId} (no longer in the directory)`;
}
