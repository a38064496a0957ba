import type { Clock } from "../time/clock.js";
import type { Job, JobReport, JobRun } from "./job.js";
import type { NotificationStore } from "../notifications/notification-store.js";
import type { ReferralStore } from "../referrals/referral-store.js";
import { InvalidInputError } from "../errors/invalid-input-error.js";
import { StorageError } from "../errors/storage-error.js";

export interface RetentionDependencies {
  /** The notification store, which expires the inbox and sent outbox messages. */
  readonly messages: Pick<NotificationStore, "expireBefore">;
  /** The referral store, which chooses and retires the ended referrals. */
  readonly referrals: Pick<ReferralStore, "endedBefore" | "retire">;
  readonly clock: Clock;
  /** REFERRAL_RETENTION_DAYS: how long after it ended a referral is kept. */
  readonly retentionDays: number;
  /** At most this many referrals are deleted in one run, oldest first; the next run continues. */
  readonly batchLimit?: number;
}

export const defaultBatchLimit = 500;
const dayMs = 86_400_000;
/** How many failed referrals the failure message names (by id: ids are not personal data). */
const namedFailures = 3;

/**
 * Deletes referrals that ended (closed or declined) more than `retentionDays`
 * ago, counted from when they reached that status (24-hour days), leaving only
 * anonymous counts by month made, area, final status and engagement. Open
 * referrals are never deleted, however old. Each referral goes in its own
 * transaction (the store's `retire`), so a crash or a failure leaves every
 * referral either wholly retired or untouched, and the job can simply run
 * again. A referral that fails is left as it was while the others go on; the
 * run then fails, so the runner alerts the maintainers and tries again later.
 * Sent messages older than the period go too (the notification store's `expireBefore`).
 */
export class RetentionJob implements Job {
  readonly name = "retention" as const;
  private readonly batchLimit: number;

  constructor(private readonly deps: RetentionDependencies) {
    if (!Number.isInteger(deps.retentionDays) || deps.retentionDays < 1) throw new InvalidInputError(`the retention period must be a whole number of days, at least 1 (was ${deps.retentionDays})`);
    this.batchLimit = deps.batchLimit ?? defaultBatchLimit;
    if (!Number.isInteger(this.batchLimit) || this.batchLimit < 1) throw new InvalidInputError(`the retention batch limit must be a whole number, at least 1 (was ${this.batchLimit})`);
  }

  async run({ now, slot, notices }: JobRun): Promise<JobReport> {
    const { referrals: store, clock, retentionDays } = this.deps;
    const cutoff = new Date(now.getTime() - retentionDays * dayMs);
    const due = await store.endedBefore(cutoff, this.batchLimit + 1);
    let deleted = 0;
    const failures: { readonly referralId: string; readonly reason: string }[] = [];
    for (const referralId of due.slice(0, this.batchLimit)) {
      try {
        if (await store.retire({ referralId, cutoff, at: clock.now(), retentionDays })) deleted++;
      } catch (error) {
        failures.push({ referralId, reason: reasonOf(error) });
      }
    }
    const expired = await this.deps.messages.expireBefore(cutoff);
    const moreRemain = due.length > this.batchLimit || failures.length > 0;
    const remain = moreRemain ? "more remain for the next run" : "none remain";
    const messages = expired.inbox + expired.outbox > 0 ? `; ${expired.inbox} inbox and ${expired.outbox} sent messages older than that deleted` : "";
    const summary = `deleted ${referrals(deleted)} ended more than ${retentionDays} days ago; ${remain}${messages}`;
    if (deleted > 0) {
      const text = `Signpost's retention job deleted ${referrals(deleted)} that ended more than ${retentionDays} days ago, keeping only anonymous counts; ${remain}.`;
      await notices.send("maintainers", `retention:deleted:${slot}`, text);
    }
    if (failures.length > 0) {
      const named = failures.slice(0, namedFailures).map((failure) => `${failure.referralId} (${failure.reason})`);
      const others = failures.length > namedFailures ? ` and ${failures.length - namedFailures} more` : "";
      throw new StorageError(`${summary}; ${failures.length} could not be deleted and were left as they were: ${named.join(", ")}${others}`);
    }
    return { summary };
  }
}

function referrals(count: number): string {
  return `${count} ${count === 1 ? "referral" : "referrals"}`;
}

/** The database's reason, which names only what the job sent it: ids, dates, statuses and counts. */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, " ").slice(0, 200);
}
