import type { Kysely } from "kysely";
import type { JobsConfig } from "./jobs-config.js";
import type { LiveDirectory } from "../directory/live-directory.js";
import type { DirectorySnapshot } from "../directory/load-directory.js";
import type { FeedbackReader } from "../feedback/feedback-store.js";
import type { Logger } from "../logging/create-logger.js";
import type { SearchEngine } from "../search/search-engine.js";
import type { Database } from "../storage/database-schema.js";
import type { Clock } from "../time/clock.js";
import { KyselyUnmetSearchLog } from "../unmet-searches/kysely-unmet-search-log.js";
import { WorkingDays } from "../time/working-days.js";
import { type DirectoryPublisher, DirectoryRefreshJob } from "./directory-refresh-job.js";
import { type Job, type JobName, jobNames } from "./job.js";
import type { JobLock } from "../storage/job-lock.js";
import { JobRunner, type RunResult } from "./job-runner.js";
import { JobRuns } from "./job-runs.js";
import { JobScheduler } from "./job-scheduler.js";
import { type NoticeTargets, Notices } from "./notices.js";
import { OutcomeFollowUpJob } from "./outcome-follow-up-job.js";
import { PostgresJobLock } from "../storage/postgres-job-lock.js";
import { KyselyReferralStore } from "../referrals/kysely-referral-store.js";
import { RetentionJob } from "./retention-job.js";
import { SqliteJobLock } from "../storage/sqlite-job-lock.js";
import { StaleEntriesJob } from "./stale-entries-job.js";
import { UnacknowledgedReferralsJob } from "./unacknowledged-referrals-job.js";
import { UnmetNeedJob } from "./unmet-need-job.js";
import { WallClockSchedule } from "./wall-clock-schedule.js";

export interface JobDependencies {
  readonly config: JobsConfig;
  readonly db: Kysely<Database>;
  readonly store: "sqlite" | "postgres";
  readonly clock: Clock;
  readonly logger: Logger;
  readonly targets: NoticeTargets;
  readonly directoryDir: string;
  readonly live: LiveDirectory;
  readonly engine: SearchEngine;
  readonly snapshot?: DirectorySnapshot;
  /** The outdated-details reports (the feedback_reports table), for the stale-entries digest. */
  readonly feedback: FeedbackReader;
  /** The jobs' lock, when the caller shares it with other work (openJobLock otherwise). */
  readonly lock?: JobLock;
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
  const { config, db, clock, logger } = deps;
  const lock = deps.lock ?? openJobLock(deps.store, db, clock);
  const runs = new JobRuns(db);
  const notices = new Notices(db, deps.targets, () => clock.now());
  const runner = new JobRunner(lock, runs, notices, clock, logger);
  const referrals = new KyselyReferralStore(db, clock);
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
    new RetentionJob({ db, referrals, clock, retentionDays: config.retentionDays }),
    new StaleEntriesJob({ directory: deps.live.view, feedback: deps.feedback, staleAfterMonths: config.staleAfterMonths }),
    new UnmetNeedJob({ log: new KyselyUnmetSearchLog(db), directory: deps.live.view }),
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

/** One instance at a time: a PostgreSQL advisory lock, or SQLite's lock row. */
export function openJobLock(store: "sqlite" | "postgres", db: Kysely<Database>, clock: Clock): JobLock {
  return store === "postgres" ? new PostgresJobLock(db) : new SqliteJobLock(db, clock);
}
