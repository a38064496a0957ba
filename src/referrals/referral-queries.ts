import { type Kysely, sql } from "kysely";
import { outboxHasKey } from "../notifications/outbox-in-query.js";
import type { Database } from "../storage/database-schema.js";

/** A referral still waiting for triage to pick it up: its reference and dates, nothing about the person. */
export interface WaitingReferral {
  readonly reference: string;
  readonly createdAt: string;
  readonly area: string;
  readonly urgency: string;
}

/** An accepted referral whose referrer has not said whether the person engaged, and how to reach the referrer. */
export interface FollowUpCandidate {
  readonly id: string;
  readonly reference: string;
  readonly acceptedService: string;
  /** When the `status:accepted` audit event was written. */
  readonly acceptedAt: string;
  readonly referrer: { readonly id: string; readonly channel: string; readonly conversationId: string };
}

/** The outbox key of a referral's outcome follow-up: one per referral, ever. */
export function followUpKey(referralId: string): string {
  return `follow-up:${referralId}`;
}

/**
 * The reads the referral jobs make. They select references, dates, the area,
 * the accepted service and how to reach the referrer, never the person's
 * details (name, contact, NHS number, what matters), so unlike the store's
 * `find` and `list` they are not reads of a person's record and write no
 * audit events.
 */
export class ReferralQueries {
  constructor(private readonly db: Kysely<Database>) {}

  /** Every referral still `submitted`, oldest first (a short list: triage works through it daily). */
  async awaitingAcknowledgement(): Promise<WaitingReferral[]> {
    const rows = await this.db
      .selectFrom("referrals")
      .select(["reference", "created_at", "area", "urgency"])
      .where("status", "=", "submitted")
      .orderBy("created_at")
      .orderBy("reference")
      .execute();
    return rows.map((row) => ({ reference: row.reference, createdAt: row.created_at, area: row.area, urgency: row.urgency }));
  }

  /**
   * Referrals still `accepted`, accepted at or before `acceptedBy`, with no
   * engagement recorded and no follow-up written to the outbox yet, oldest
   * acceptance first. The acceptance time is the `status:accepted` audit
   * event's: it is written in the same transaction as the move and never
   * changes, whereas `updated_at` moves with any later write to the row.
   */
  async dueForFollowUp(acceptedBy: Date): Promise<FollowUpCandidate[]> {
    const rows = await this.db
      .selectFrom("referrals")
      .innerJoin("audit_events", "audit_events.referral_id", "referrals.id")
      .select(["referrals.id", "referrals.reference", "referrals.accepted_service", "referrals.referrer_id", "referrals.channel", "referrals.origin_conversation_id", "audit_events.at"])
      .where("referrals.status", "=", "accepted")
      .where("referrals.engagement", "is", null)
      .where("audit_events.action", "=", "status:accepted")
      .where("audit_events.at", "<=", acceptedBy.toISOString())
      // Already asked: skip it here rather than rely only on the outbox key, so the list stays short.
      .where((eb) => eb.not(outboxHasKey(sql<string>`${followUpKey("")} || ${sql.ref("referrals.id")}`)))
      .orderBy("audit_events.at")
      .orderBy("referrals.reference")
      .execute();
    return rows.map((row) => ({
      id: row.id,
      reference: row.reference,
      acceptedService: row.accepted_service ?? "",
      acceptedAt: row.at,
      referrer: { id: row.referrer_id, channel: row.channel, conversationId: row.origin_conversation_id },
    }));
  }
}
