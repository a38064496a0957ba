import type { JobName } from "./job.js";

/** The scheduled jobs' settings: src/config/ reads them, src/jobs/ owns their shape. */
export interface JobsConfig {
  readonly enabled: boolean;
  /** Five-field cron patterns, read as London wall-clock time. */
  readonly schedules: Readonly<Record<JobName, string>>;
  readonly unacknowledgedAfterWorkingDays: number;
  readonly outcomeFollowUpDays: number;
  readonly staleAfterMonths: number;
  readonly retentionDays: number;
  /** Days that are not working days besides weekends and English bank holidays. */
  readonly extraNonWorkingDays: ReadonlySet<string>;
  readonly maintainers: { readonly notifier: "inbox" | "slack" | "teams"; readonly destination: string };
  /** Open Referral UK feeds the directory refresh imports: a name and a URL or file. */
  readonly orukFeeds: readonly { readonly name: string; readonly source: string }[];
}
