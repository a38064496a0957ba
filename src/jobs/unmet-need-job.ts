import type { Directory } from "../directory/directory.js";
import { isoWeek } from "../time/iso-week.js";
import { addDays, londonDate } from "../time/wall-clock.js";
import type { UnmetSearchLog } from "../unmet-searches/unmet-search-log.js";
import type { Job, JobReport, JobRun } from "./job.js";
import { unmetNeedDigest } from "./unmet-need-digest.js";

export interface UnmetNeedDependencies {
  readonly log: UnmetSearchLog;
  /** The live directory's view: need labels and area names as they are now. */
  readonly directory: Directory;
}

/**
 * The weekly evidence for the commissioners who plan the prevention offer:
 * how many searches over the previous seven London days (not today) found
 * nothing, by need and area, sent to the maintainers once per ISO week
 * however often it runs.
 */
export class UnmetNeedJob implements Job {
  readonly name = "unmet-need" as const;

  constructor(private readonly deps: UnmetNeedDependencies) {}

  async run({ now, notices }: JobRun): Promise<JobReport> {
    const today = londonDate(now);
    const days = { first: addDays(today, -7), last: addDays(today, -1) };
    const counts = await this.deps.log.countsBetween(days.first, days.last);
    const week = isoWeek(today);
    const sent = await notices.send("maintainers", `unmet-need:${week}`, unmetNeedDigest(counts, days, this.deps.directory));
    const total = counts.reduce((sum, count) => sum + count.count, 0);
    return { summary: `${total} unmet search counts in ${counts.length} need and area rows, ${days.first} to ${days.last}; ${sent ? "digest sent" : `digest for ${week} already sent`}` };
  }
}
