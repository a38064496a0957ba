import type { Directory } from "../directory/directory.js";
import { isoWeek } from "../time/iso-week.js";
import { addDays, londonDate } from "../time/wall-clock.js";
import type { UnmetSearchLog } from "../unmet-searches/unmet-search-log.js";
import type { Job, JobReport, JobRun } from "./job.js";
import { maxNeedsListed, unmetNeedDigest } from "./unmet-need-digest.js";
import type { NoticeImage } from "./notices.js";
import { unmetByNeed } from "../insight/unmet-figures.js";
import { formatDate } from "../answer/format-date.js";
import type { UnmetSearchCount } from "../unmet-searches/unmet-search-log.js";

export interface UnmetNeedDependencies {
  readonly log: UnmetSearchLog;
  /** The live directory's view: need labels and area names as they are now. */
  readonly directory: Directory;
}

/**
 * The weekly evidence for the commissioners who plan the prevention offer:
 * how many searches over the previous seven London days (not today) found
 * nothing, by need and area, sent to the maintainers once per ISO week
 * however often it runs. Where their channel shows images (Slack, Teams), a
 * second notice carries the insight view's chart of the same week as a PNG;
 * the text digest is the same either way.
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
    const chart = counts.length > 0 && notices.showsImages("maintainers") ? await this.chart(counts, days) : undefined;
    const chartSent = chart ? await notices.send("maintainers", `unmet-need:${week}:chart`, chart.alt, { image: chart }) : false;
    const total = counts.reduce((sum, count) => sum + count.count, 0);
    const withChart = chartSent ? " with its chart" : "";
    return { summary: `${total} unmet search counts in ${counts.length} need and area rows, ${days.first} to ${days.last}; ${sent ? `digest sent${withChart}` : `digest for ${week} already sent`}` };
  }

  /** The insight view's "by need" chart of the same counts, as a PNG (the chart library loads only now, not at start-up). */
  private async chart(counts: readonly UnmetSearchCount[], days: { readonly first: string; readonly last: string }): Promise<NoticeImage> {
    const [{ drawChart }, { chartPng }] = await Promise.all([import("../insight/draw-chart.js"), import("../insight/chart-png.js")]);
    const period = `${formatDate(days.first)} to ${formatDate(days.last)}`;
    const full = unmetByNeed(counts, this.deps.directory, period);
    const figure = { ...full, rows: full.rows.slice(0, maxNeedsListed) };
    const png = chartPng(drawChart(figure, { width: 640 }), { width: 800 });
    const alt = `Chart: searches that found nothing, ${period}, by need (the ${Math.min(full.rows.length, maxNeedsListed)} with the most), nothing anywhere apart from nothing in the area asked for; counts under 5 are not drawn.`;
    return { png: png.toString("base64"), alt, filename: `unmet-need-${days.first}-to-${days.last}.png` };
  }
}
