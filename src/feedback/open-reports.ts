import { londonDate } from "../time/wall-clock.js";
import type { OutdatedReport } from "./feedback-store.js";

/** What has happened to a service since staff could report it: the latest review and the latest verification. */
export interface ServiceResolution {
  /** ISO timestamp of the latest maintainer's review action (verified, corrected or closed). */
  readonly reviewedAt?: string;
  /**
   * The latest date ("YYYY-MM-DD") the record was verified, from any source: its
   * `last_verified` (for an imported record, the feed's own assured date) or a review.
   */
  readonly verifiedOn?: string;
}

/**
 * The reports still waiting for a maintainer, oldest first. A report is
 * resolved by any review action recorded after it, or by a verification dated
 * after the day it was made (a date has no time, so a verification the same
 * day may have come before the report, and does not count). The reports file
 * is append-only: resolving a report never rewrites it.
 */
export function openReports(reports: readonly OutdatedReport[], resolution: (serviceId: string) => ServiceResolution): OutdatedReport[] {
  return reports
    .filter((report) => {
      const { reviewedAt, verifiedOn } = resolution(report.serviceId);
      if (reviewedAt !== undefined && Date.parse(reviewedAt) >= Date.parse(report.reportedAt)) return false;
      return verifiedOn === undefined || verifiedOn <= londonDate(new Date(report.reportedAt));
    })
    .sort((a, b) => a.reportedAt.localeCompare(b.reportedAt) || a.serviceId.localeCompare(b.serviceId));
}
