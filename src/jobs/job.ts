import type { Notices } from "./notices.js";

/** Every scheduled job, by the name `npm run job -- <name>` and the configuration use. */
export const jobNames = ["directory-refresh", "unacknowledged-referrals", "outcome-follow-up", "stale-entries", "unmet-need", "retention"] as const;
export type JobName = (typeof jobNames)[number];

/** What one run is given: when it was due, and where to send what it has to say. */
export interface JobRun {
  /** The moment the run started. */
  readonly now: Date;
  /** The slot it runs for ("2027-03-28T02:30" London time, or "by-hand:<ISO time>"). */
  readonly slot: string;
  readonly notices: Notices;
}

/** One line for the log and job_runs: counts and ids, never personal data. */
export interface JobReport {
  readonly summary: string;
}

/**
 * A scheduled job: a small module whose dependencies are given when it is
 * made. `run` may be called again for the same slot after a crash, so every
 * send goes through `notices` with a key that makes a repeat a no-op.
 */
export interface Job {
  readonly name: JobName;
  run(run: JobRun): Promise<JobReport>;
}
