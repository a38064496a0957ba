import type { Directory } from "../directory/directory.js";
import { unverifiedSince } from "../directory/unverified-services.js";
import { addMonths } from "../time/add-months.js";
import type { Figure } from "./figure.js";

/**
 * Directory freshness by provider: how many of each organisation's services
 * were verified in the last 12 months and how many not, least fresh first.
 * These count services, not people, so nothing is suppressed.
 */
export function directoryFreshness(directory: Directory, today: string): Figure {
  const cutoff = addMonths(today, -12);
  const stale = new Set(unverifiedSince(directory.services, cutoff).map((service) => service.id));
  const byProvider = new Map<string, { name: string; fresh: number; old: number }>();
  for (const service of directory.services) {
    const entry = byProvider.get(service.organization.id) ?? { name: service.organization.name, fresh: 0, old: 0 };
    if (stale.has(service.id)) entry.old++;
    else entry.fresh++;
    byProvider.set(service.organization.id, entry);
  }
  const rows = [...byProvider.values()]
    .sort((a, b) => b.old - a.old || a.fresh - b.fresh || a.name.localeCompare(b.name))
    .map((entry) => ({ label: entry.name, values: [entry.fresh, entry.old, entry.fresh + entry.old] }));
  return {
    id: "directory-freshness",
    title: "Directory freshness by provider",
    description: `Services in the directory by provider: verified in the last 12 months (on or after ${cutoff}) or not. Providers with the most services not verified come first.`,
    rowHeading: "Provider",
    columns: ["Verified in the last 12 months", "Not verified in the last 12 months", "Total"],
    rows,
    chart: { series: ["Verified in the last 12 months", "Not verified in the last 12 months"], unit: "Services" },
    notes: ["These count services, not people, so no count is hidden."],
  };
}
