import type { Directory } from "../directory/directory.js";
import { unverifiedSince } from "../directory/unverified-services.js";
import type { FeedbackReader } from "../feedback/feedback-store.js";
import { addMonths } from "../time/add-months.js";
import { isoWeek } from "../time/iso-week.js";
import { londonDate } from "../time/wall-clock.js";
import type { Job, JobReport, JobRun } from "./job.js";
import { type StaleDigestLimits, staleEntriesDigest } from "./stale-entries-digest.js";

export interface StaleEntriesDependencies {
  /** The live directory's view, so a refresh is seen without rebuilding the job. */
  readonly directory: Directory;
  readonly feedback: FeedbackReader;
  /** STALE_AFTER_MONTHS: a service verified longer ago than this is stale. */
  readonly staleAfterMonths: number;
  readonly limits?: StaleDigestLimits;
}

/**
 * The reports in a digest are those of the week before it, the time since the
 * previous weekly digest. Seven times 24 hours: across a clock change one hour
 * falls in two digests or in neither, which a weekly reading can bear.
 */
export const reportWindowMs = 7 * 24 * 60 * 60 * 1000;

/**
 * Tells the maintainers once a week which services are overdue a check with
 * their provider (last_verified more than STALE_AFTER_MONTHS calendar months
 * before today in London) and what staff reported outdated in the week,
 * both grouped by provider. One digest per ISO week, however often it runs.
 */
export class StaleEntriesJob implements Job {
  readonly name = "stale-entries" as const;

  constructor(private readonly deps: StaleEntriesDependencies) {}

  async run({ now, notices }: JobRun): Promise<JobReport> {
    const { directory, staleAfterMonths } = this.deps;
    const today = londonDate(now);
    const cutoff = addMonths(today, -staleAfterMonths);
    // Exactly N months ago is not yet stale; a day more is.
    const stale = unverifiedSince(directory.services, cutoff);
    const since = new Date(now.getTime() - reportWindowMs);
    const reports = (await this.deps.feedback.list())
      .filter((report) => {
        const at = Date.parse(report.reportedAt);
        return at >= since.getTime() && at < now.getTime();
      })
      .sort((a, b) => a.organizationId.localeCompare(b.organizationId) || a.reportedAt.localeCompare(b.reportedAt));
    const week = isoWeek(today);
    const text = staleEntriesDigest({ week, staleAfterMonths, cutoff, stale, reportsSince: since, reports }, directory, this.deps.limits);
    const sent = await notices.send("maintainers", `stale-entries:${week}`, text);
    return { summary: `${stale.length} stale services; ${reports.length} reports this week; ${sent ? "digest sent" : `digest for ${week} already sent`}` };
  }
}
