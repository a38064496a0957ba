import type { JobsConfig } from "./jobs-config.js";
import type { LiveDirectory } from "../directory/live-directory.js";
import type { DirectorySnapshot } from "../directory/load-directory.js";
import type { FeedbackReader } from "../feedback/feedback-store.js";
import type { Logger } from "../logging/create-logger.js";
import type { NotificationStore } from "../notifications/notification-store.js";
import type { ReferralStore } from "../referrals/referral-store.js";
import type { SearchEngine } from "../search/search-engine.js";
import type { JobLock } from "../storage/job-lock.js";
import type { Clock } from "../time/clock.js";
import { WorkingDays } from "../time/working-days.js";
import type { UnmetSearchLog } from "../unmet-searches/unmet-search-log.js";
import { type DirectoryPublisher, DirectoryRefreshJob } from "./directory-refresh-job.js";
import { type Job, type JobName, jobNames } from "./job.js";
import { JobRunner, type RunResult } from "./job-runner.js";
import type { JobRuns } from "./job-runs.js";
import { JobScheduler } from "./job-scheduler.js";
import { type NoticeTargets, Notices } from "./notices.js";
import { OutcomeFollowUpJob } from "./outcome-follow-up-job.js";
import { RetentionJob } from "./retention-job.js";
import { StaleEntriesJob } from "./stale-entries-job.js";
import { UnacknowledgedReferralsJob } from "./unacknowledged-referrals-job.js";
import { UnmetNeedJob } from "./unmet-need-job.js";
import { WallClockSchedule } from "./wall-clock-schedule.js";

export interface JobDependencies {
  readonly config: JobsConfig;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly targets: NoticeTargets;
  readonly directoryDir: string;
  readonly live: LiveDirectory;
  readonly engine: SearchEngine;
  readonly snapshot?: DirectorySnapshot;
  /** The outdated-details reports (the feedback_reports table), for the stale-entries digest. */
  readonly feedback: FeedbackReader;
  /** The jobs' lock (storage's openJobLock), shared with other work that runs one instance at a time. */
  readonly lock: JobLock;
  /** The jobs' own record of their runs (the job_runs table). */
  readonly runs: JobRuns;
  /** The referral store: the referral jobs read, and the retention job retires, referrals only through it. */
  readonly referrals: ReferralStore;
  /** The notification store: notices are queued, and kept messages expired, only through it. */
  readonly notifications: NotificationStore;
  /** The searches that found nothing, for the weekly unmet-need digest. */
  readonly unmetSearches: UnmetSearchLog;
  /** Where the refresh job records a new directory for the other instances. */
  readonly publisher?: DirectoryPublisher;
}

/** The jobs, their runner and their scheduler, as `npm start` and `npm run job` use them. */
export interface Jobs {
  readonly byName: ReadonlyMap<JobName, Job>;
  readonly runs: JobRuns;
  readonly scheduler: JobScheduler;
  /** Runs one job now, by hand: under its lock, recorded, never for a scheduled slot. */
  runNow(name: JobName): Promise<RunResult>;
}

export function createJobs(deps: JobDependencies): Jobs {
  const { config, clock, logger, runs, referrals } = deps;
  const notices = new Notices(deps.notifications, deps.targets, () => clock.now());
  const runner = new JobRunner(deps.lock, runs, notices, clock, logger);
  const all: Job[] = [
    new DirectoryRefreshJob({
      directoryDir: deps.directoryDir,
      feeds: config.orukFeeds,
      live: deps.live,
      engine: deps.engine,
      ...(deps.snapshot ? { snapshot: deps.snapshot } : {}),
      ...(deps.publisher ? { publisher: deps.publisher } : {}),
    }),
    new UnacknowledgedReferralsJob({ referrals, workingDays: new WorkingDays(config.extraNonWorkingDays), afterWorkingDays: config.unacknowledgedAfterWorkingDays, directory: deps.live.view }),
    new OutcomeFollowUpJob({ referrals, afterDays: config.outcomeFollowUpDays, directory: deps.live.view }),
    new RetentionJob({ messages: deps.notifications, referrals, clock, retentionDays: config.retentionDays }),
    new StaleEntriesJob({ directory: deps.live.view, feedback: deps.feedback, staleAfterMonths: config.staleAfterMonths }),
    new UnmetNeedJob({ log: deps.unmetSearches, directory: deps.live.view }),
  ];
  const byName = new Map(all.map((job) => [job.name, job]));
  const scheduled = jobNames.flatMap((name) => {
    const job = byName.get(name);
    return job ? [{ job, schedule: WallClockSchedule.parse(config.schedules[name]) }] : [];
  });
  return {
    byName,
    runs,
    scheduler: new JobScheduler(scheduled, runner, clock, logger),
    runNow: (name) => {
      const job = byName.get(name);
      if (!job) return Promise.resolve({ status: "failed", reason: `there is no job called ${name}` } as const);
      return runner.run(job, `by-hand:${clock.now().toISOString()}`);
    },
  };
}
