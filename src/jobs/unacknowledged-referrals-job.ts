import type { Directory } from "../directory/directory.js";
import { isAreaId } from "../directory/ids.js";
import { londonDate } from "../time/wall-clock.js";
import type { WorkingDays } from "../time/working-days.js";
import type { Job, JobReport, JobRun } from "./job.js";
import type { WaitingReferral } from "../referrals/referral-queries.js";
import type { ReferralStore } from "../referrals/referral-store.js";

export interface UnacknowledgedReferralsDependencies {
  readonly referrals: Pick<ReferralStore, "awaitingAcknowledgement">;
  /** Weekends, English bank holidays and the configured extra closed days skipped. */
  readonly workingDays: WorkingDays;
  /** A referral still submitted after this many working days is raised. */
  readonly afterWorkingDays: number;
  /** For area names; an area it does not know is shown by its id. */
  readonly directory: Directory;
}

/**
 * Raises referrals that triage has not picked up in time: one message a
 * London day in the triage channel, listing each waiting referral's reference,
 * how many working days it has waited, its area and urgency, and nothing else
 * about the person. A day's message is keyed by the date, so however often the
 * job runs that day, and on however many instances, triage hears once.
 */
export class UnacknowledgedReferralsJob implements Job {
  readonly name = "unacknowledged-referrals" as const;

  constructor(private readonly deps: UnacknowledgedReferralsDependencies) {}

  async run({ now, notices }: JobRun): Promise<JobReport> {
    const today = londonDate(now);
    const late = (await this.deps.referrals.awaitingAcknowledgement())
      // Counted from the London date it was made, which is the next day for one sent at 00:30 BST.
      .map((referral) => ({ referral, waited: this.deps.workingDays.between(londonDate(new Date(referral.createdAt)), today) }))
      .filter(({ waited }) => waited >= this.deps.afterWorkingDays);
    if (late.length === 0) return { summary: "no referrals waiting too long" };
    const sent = await notices.send("triage", `unacknowledged:${today}`, this.message(late), { kind: "triage" });
    return { summary: `${late.length} referrals waiting ${this.deps.afterWorkingDays}+ working days; ${sent ? "triage told" : "triage already told today"}` };
  }

  private message(late: readonly { referral: WaitingReferral; waited: number }[]): string {
    const days = (n: number) => `${n} working day${n === 1 ? "" : "s"}`;
    const lines = late.map(({ referral, waited }) => `- ${referral.reference}: waiting ${days(waited)} (${this.areaName(referral.area)}, ${referral.urgency === "soon" ? "to be seen soon" : "routine"})`);
    const first = late[0]?.referral.reference ?? "FC-…";
    return [
      `${late.length === 1 ? "1 referral has" : `${late.length} referrals have`} not been picked up after ${days(this.deps.afterWorkingDays)} or more:`,
      ...lines,
      `Say "acknowledge ${first}" when one is picked up.`,
    ].join("\n");
  }

  private areaName(area: string): string {
    return isAreaId(area) ? this.deps.directory.gazetteer.name(area) : area;
  }
}
