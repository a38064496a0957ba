import type { OutboxDraft } from "../notifications/outbox-draft.js";
import type { NewReferral } from "./referral-fields.js";
import type { Engagement, Referral, Viewer } from "./referral.js";
import type { FollowUpCandidate, WaitingReferral } from "./referral-queries.js";
import type { StatusChange } from "./referral-status.js";
import type { Retirement } from "./retire-referral.js";

/** Decides who is told about a referral or a change to it (referral-notifications.ts). */
export type NotificationPlan = (referral: Referral, event: "created" | StatusChange["status"]) => OutboxDraft[];

export interface ListFilter {
  /** "mine": the viewer's own referrals; "team": their team's; "triage": all (triage only). */
  readonly scope: "mine" | "team" | "triage";
  readonly openOnly: boolean;
}

/**
 * Where referrals live. Every write goes in one transaction with its audit
 * event and its notifications; every read of details is audited; a viewer who
 * may not see a referral gets `undefined`, exactly as for one that does not exist.
 */
export interface ReferralStore {
  /** Idempotent: the same key twice stores one referral and returns it with `created: false`. */
  create(referral: NewReferral, idempotencyKey: string, plan: NotificationPlan): Promise<{ referral: Referral; created: boolean }>;
  find(reference: string, viewer: Viewer): Promise<Referral | undefined>;
  list(viewer: Viewer, filter: ListFilter): Promise<Referral[]>;
  /** Triage only; a move the lifecycle does not allow throws a ReferralError. */
  changeStatus(reference: string, change: StatusChange, actor: Viewer, plan: NotificationPlan): Promise<Referral | undefined>;
  /**
   * The referrer's answer to the outcome follow-up, for an accepted (or since
   * closed) referral: anyone who may see it may answer, and a later answer
   * replaces an earlier one. Anything else throws a ReferralError.
   */
  recordEngagement(reference: string, engagement: Engagement, actor: Viewer): Promise<Referral | undefined>;
  /** For the hub's case system: everything since a date, audited as an export. */
  export(since: string | undefined, actor: Viewer): Promise<Referral[]>;
  /** The audit trail of one referral, oldest first (for the hub's admins and for tests). */
  audit(referenceOrId: string): Promise<{ action: string; actorId: string; channel: string; at: string }[]>;
  /** For the scheduled jobs (referral-queries.ts): references, dates and how to reach the referrer, no one's details, so not audited. */
  awaitingAcknowledgement(): Promise<WaitingReferral[]>;
  dueForFollowUp(acceptedBy: Date): Promise<FollowUpCandidate[]>;
  /** Retention (retire-referral.ts): the ids of referrals that ended before `cutoff`, oldest end first, at most `limit`. */
  endedBefore(cutoff: Date, limit: number): Promise<string[]>;
  /** Deletes one ended referral, leaving its anonymous count and an audit event, in one transaction; false when nothing was due. */
  retire(retirement: Retirement): Promise<boolean>;
  close(): Promise<void>;
}
