import cron, { type ScheduledTask } from "node-cron";
import type { Logger } from "../logging/create-logger.js";
import type { Clock } from "../time/clock.js";
import type { Job } from "./job.js";
import type { JobRunner, RunResult } from "./job-runner.js";
import type { WallClockSchedule } from "./wall-clock-schedule.js";

export interface ScheduledJob {
  readonly job: Job;
  readonly schedule: WallClockSchedule;
}

/** A slot missed by more than this (the instance was down) is skipped, not caught up on. */
const graceMinutes = 6 * 60;

/**
 * Runs each job when its slot comes round. node-cron ticks once a minute; each
 * tick asks every job's wall-clock schedule for its latest slot and runs the
 * job if that slot is recent and has not succeeded yet. Everything the tick
 * does is driven by the injected clock, so tests call `tick()` at any moment
 * without waiting.
 */
export class JobScheduler {
  private task: ScheduledTask | undefined;
  private ticking: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly jobs: readonly ScheduledJob[],
    private readonly runner: JobRunner,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Runs what is due now, one job after another. Returns what each due job did. */
  async tick(): Promise<Map<string, RunResult>> {
    const results = new Map<string, RunResult>();
    for (const { job, schedule } of this.jobs) {
      const slot = schedule.latestSlot(this.clock.now());
      if (!slot || slot.minutesAgo > graceMinutes) continue;
      results.set(job.name, await this.runner.run(job, slot.key));
    }
    return results;
  }

  start(): void {
    if (this.task) return;
    this.task = cron.schedule("* * * * *", () => {
      // A slow job must not make ticks pile up: the next waits for this one.
      this.ticking = this.ticking.then(() => this.tick()).catch((error: unknown) => this.logger.error({ err: error }, "job tick failed"));
      return this.ticking;
    });
    this.logger.info({ jobs: this.jobs.map(({ job, schedule }) => `${job.name} (${schedule.pattern})`) }, "scheduled jobs on, London time");
  }

  async stop(): Promise<void> {
    await this.task?.destroy();
    this.task = undefined;
    await this.ticking;
  }
}
