import type { OutboxDraft } from "../notifications/outbox-draft.js";
import type { NewReferral } from "./referral-fields.js";
import type { Engagement, Referral, Viewer } from "./referral.js";
import type { StatusChange } from "./referral-status.js";

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
  close(): Promise<void>;
}
