import { formatDate } from "../answer/format-date.js";
import { type Directory, findService } from "../directory/directory.js";
import { addDays, londonDate } from "../time/wall-clock.js";
import type { Job, JobReport, JobRun } from "./job.js";
import { privateTarget } from "./private-target.js";
import { type FollowUpCandidate, followUpKey } from "../referrals/referral-queries.js";
import type { ReferralStore } from "../referrals/referral-store.js";

export interface OutcomeFollowUpDependencies {
  readonly referrals: Pick<ReferralStore, "dueForFollowUp">;
  /** Ask this many days (London dates) after the referral was accepted. */
  readonly afterDays: number;
  /** For the accepted service's name. */
  readonly directory: Directory;
}

/**
 * Asks the referrer, privately and once, whether the person engaged with the
 * service their referral was accepted for, `afterDays` after acceptance while
 * no answer is recorded. The message names the reference and the service and
 * nothing about the person; the answer ("FC-7K3M9Q engaged") is recorded by
 * the conversation core (src/conversation/engagement-reply.ts). One key per
 * referral, so a run repeated after a crash or on another instance asks nothing twice.
 */
export class OutcomeFollowUpJob implements Job {
  readonly name = "outcome-follow-up" as const;

  constructor(private readonly deps: OutcomeFollowUpDependencies) {}

  async run({ now, notices }: JobRun): Promise<JobReport> {
    const lastAcceptedDate = addDays(londonDate(now), -this.deps.afterDays);
    // The query narrows by moment; the due date is a London date (accepted on the 1st: asked on the 29th, whatever the hour).
    const due = (await this.deps.referrals.dueForFollowUp(now)).filter((candidate) => londonDate(new Date(candidate.acceptedAt)) <= lastAcceptedDate);
    let asked = 0;
    let unreachable = 0;
    for (const candidate of due) {
      const target = privateTarget(candidate.referrer);
      if (!target) {
        unreachable++;
        continue;
      }
      if (await notices.send(target, followUpKey(candidate.id), this.question(candidate), { referralId: candidate.id, kind: "private" })) asked++;
    }
    return { summary: `${due.length} due; ${asked} referrers asked${unreachable ? `; ${unreachable} on channels with no private route` : ""}` };
  }

  private question(candidate: FollowUpCandidate): string {
    const { reference, acceptedService } = candidate;
    const service = findService(this.deps.directory, acceptedService)?.name ?? acceptedService;
    return [
      `Follow-up on ${reference}: First Contact Plus accepted it for ${service} on ${formatDate(londonDate(new Date(candidate.acceptedAt)))}.`,
      "Did the person engage with the service?",
      `Reply "${reference} engaged", "${reference} did not engage" or "${reference} not known".`,
    ].join(" ");
  }
}
