import type { Directory } from "../directory/directory.js";
import { formatDate } from "../answer/format-date.js";
import { monthMade } from "../referrals/retire-referral.js";
import type { ReferralFacts } from "../referrals/kysely-referral-facts.js";
import type { Clock } from "../time/clock.js";
import type { UnmetSearchLog } from "../unmet-searches/unmet-search-log.js";
import type { Figure, FigureId } from "./figure.js";
import { directoryFreshness } from "./freshness-figure.js";
import { insightPeriod } from "./period.js";
import { engagementOutcomes, referralsByArea, referralsByMonth, referralsByNeed, type RetiredCount, timeToResponse } from "./referral-figures.js";
import { unmetByArea, unmetByNeed } from "./unmet-figures.js";

/** Where the figures come from, each through the public interface of the module that owns its table. */
export interface InsightSources {
  /** The referrals module's anonymous read (src/referrals/referral-facts.ts). */
  readonly referrals: { since(since: string): Promise<ReferralFacts[]> };
  /** What retired referrals left behind (src/referrals/retire-referral.ts), from a month "YYYY-MM" on. */
  readonly retired: (sinceMonth: string) => Promise<RetiredCount[]>;
  readonly unmet: Pick<UnmetSearchLog, "countsBetween">;
  /** The live directory's view: names and labels as they are now. */
  readonly directory: Directory;
  readonly clock: Clock;
}

export interface InsightReport {
  /** "1 January 2026 to 4 December 2026". */
  readonly period: string;
  readonly figures: readonly Figure[];
}

/**
 * The view for the hub and commissioners: referrals by month, need, area and
 * status, time to respond, engagement, searches that found nothing and the
 * directory's freshness, over the last twelve London months. Every figure is
 * counts and measures, suppressed where small; no person is named anywhere.
 */
export class Insight {
  constructor(private readonly sources: InsightSources) {}

  async report(): Promise<InsightReport> {
    const { referrals, retired, unmet, directory, clock } = this.sources;
    const period = insightPeriod(clock.now());
    const [facts, retiredCounts, unmetCounts] = await Promise.all([
      // A day early in UTC, then kept to the period's London months: no referral of the first London day is missed.
      referrals.since(new Date(Date.parse(`${period.firstDay}T00:00:00Z`) - 86_400_000).toISOString()),
      retired(period.months[0] ?? ""),
      unmet.countsBetween(period.firstDay, period.lastDay),
    ]);
    const inPeriod = facts.filter((fact) => period.months.includes(monthMade(fact.createdAt)));
    const periodText = `${formatDate(period.firstDay)} to ${formatDate(period.lastDay)}`;
    return {
      period: periodText,
      figures: [
        referralsByMonth(inPeriod, retiredCounts, period),
        referralsByNeed(inPeriod, directory),
        referralsByArea(inPeriod, retiredCounts, directory),
        timeToResponse(inPeriod),
        engagementOutcomes(inPeriod),
        unmetByNeed(unmetCounts, directory, periodText),
        unmetByArea(unmetCounts, directory, periodText),
        directoryFreshness(directory, period.lastDay),
      ],
    };
  }

  async figure(id: FigureId): Promise<Figure | undefined> {
    return (await this.report()).figures.find((figure) => figure.id === id);
  }

  /** The unmet-need figure for the weekly digest's chart: searches that found nothing over some days, by need. */
  async unmetBetween(firstDay: string, lastDay: string): Promise<Figure> {
    const counts = await this.sources.unmet.countsBetween(firstDay, lastDay);
    return unmetByNeed(counts, this.sources.directory, `${formatDate(firstDay)} to ${formatDate(lastDay)}`);
  }
}
