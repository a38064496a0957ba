import type { Logger } from "../logging/create-logger.js";
import type { Clock } from "../time/clock.js";
import type { Job } from "./job.js";
import type { JobLock } from "../storage/job-lock.js";
import type { JobRuns } from "./job-runs.js";
import type { Notices } from "./notices.js";

export type RunResult =
  | { readonly status: "succeeded"; readonly summary: string }
  | { readonly status: "failed"; readonly reason: string }
  /** Done already, or failed too recently or too often to try again yet. */
  | { readonly status: "not-due" }
  | { readonly status: "locked" };

/**
 * Runs one job for one slot, safely: under the job's lock, only if the slot is
 * due (not done by this instance or another; a failure retried after a while),
 * recording the run,
 * logging its duration and outcome, and on failure alerting the maintainers.
 * It never throws: a failing job must not stop the bot.
 */
export class JobRunner {
  constructor(
    private readonly lock: JobLock,
    private readonly runs: JobRuns,
    private readonly notices: Notices,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async run(job: Job, slot: string): Promise<RunResult> {
    try {
      const held = await this.lock.withLock(job.name, () => this.runHeld(job, slot));
      if (held.ran) return held.value;
      this.logger.info({ job: job.name, slot }, "job is running elsewhere; not started here");
      return { status: "locked" };
    } catch (error) {
      // The lock or the run record failed (the database is down): say so and carry on.
      this.logger.error({ job: job.name, slot, err: error }, "job could not be run");
      return { status: "failed", reason: (error as Error).message };
    }
  }

  private async runHeld(job: Job, slot: string): Promise<RunResult> {
    const started = this.clock.now();
    if (!(await this.runs.due(job.name, slot, started))) return { status: "not-due" };
    const timer = performance.now();
    await this.runs.start(job.name, slot, started);
    try {
      const report = await job.run({ now: started, slot, notices: this.notices });
      const ms = performance.now() - timer;
      await this.runs.finish(job.name, slot, "succeeded", report.summary, this.clock.now(), ms);
      this.logger.info({ job: job.name, slot, ms: Math.round(ms), outcome: "succeeded", summary: report.summary }, "job finished");
      return { status: "succeeded", summary: report.summary };
    } catch (error) {
      const ms = performance.now() - timer;
      const reason = (error as Error).message;
      await this.runs.finish(job.name, slot, "failed", reason, this.clock.now(), ms);
      this.logger.error({ job: job.name, slot, ms: Math.round(ms), outcome: "failed", err: error }, "job failed");
      await this.notices.send("maintainers", `job-failed:${job.name}:${slot}`, `Signpost's ${job.name} job failed (run for ${slot}): ${reason}`);
      return { status: "failed", reason };
    }
  }
}
