import type { Kysely } from "kysely";
import { deleteReferralNotifications } from "../notifications/outbox-in-query.js";
import type { ReferralStatus } from "./referral-status.js";
import type { Database } from "../storage/database-schema.js";
import { orderedId } from "../storage/ordered-id.js";
import { isoDate, wallClock } from "../time/wall-clock.js";

/**
 * The statuses a referral ends in: closed, and declined (final unless triage
 * closes it; otherwise declined referrals would be kept forever).
 */
export const endedStatuses: readonly ReferralStatus[] = ["closed", "declined"];

/** Who the audit trail says deleted a referral, and what it did. */
export const retentionActor = "retention-job";
export const retentionAction = "deleted:retention";

/** The engagement counted when the referrer was never asked or never answered. */
export const engagementNotRecorded = "not recorded";

/**
 * Ended referrals whose end is older than `cutoff`, oldest end first: ids only.
 * The end is `updated_at`: the store sets it when the status changes, and
 * nothing changes a closed or declined referral but closing a declined one
 * (which moves its end on).
 */
export async function referralsEndedBefore(db: Kysely<Database>, cutoff: Date, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom("referrals")
    .select("id")
    .where("status", "in", endedStatuses)
    .where("updated_at", "<", cutoff.toISOString())
    .orderBy("updated_at", "asc")
    .orderBy("id", "asc")
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/** The calendar month in London a referral was made in, "YYYY-MM". */
export function monthMade(createdAt: string): string {
  const { year, month } = wallClock(new Date(createdAt));
  return isoDate(year, month, 1).slice(0, 7);
}

export interface Retirement {
  readonly referralId: string;
  /** Only a referral that ended before this is deleted. */
  readonly cutoff: Date;
  /** When it is deleted, for the audit event. */
  readonly at: Date;
  readonly retentionDays: number;
}

/**
 * Deletes one ended referral and leaves its anonymous count behind, in one
 * transaction: the referral row goes (checked again to be ended before the
 * cutoff, so a referral changed or deleted since it was chosen is left alone),
 * one is added to its count in retired_referrals, its outbox rows go, and an
 * audit event records the deletion. Its earlier audit events stay: they hold no
 * personal data. Any failure rolls all of it back, so a referral is never
 * counted without being deleted, nor deleted without being counted, and a
 * rerun finds it again. Returns false when there was nothing to delete.
 */
export async function retireReferral(db: Kysely<Database>, retirement: Retirement): Promise<boolean> {
  const { referralId, cutoff, at, retentionDays } = retirement;
  return db.transaction().execute(async (trx) => {
    const ended = await trx
      .deleteFrom("referrals")
      .where("id", "=", referralId)
      .where("status", "in", endedStatuses)
      .where("updated_at", "<", cutoff.toISOString())
      .returning(["area", "status", "engagement", "created_at"])
      .executeTakeFirst();
    if (!ended) return false;
    await trx
      .insertInto("retired_referrals")
      .values({ month: monthMade(ended.created_at), area: ended.area, status: ended.status, engagement: ended.engagement ?? engagementNotRecorded, count: 1 })
      .onConflict((conflict) => conflict.columns(["month", "area", "status", "engagement"]).doUpdateSet((eb) => ({ count: eb("retired_referrals.count", "+", 1) })))
      .execute();
    await deleteReferralNotifications(trx, referralId);
    await trx
      .insertInto("audit_events")
      .values({
        id: orderedId(at),
        referral_id: referralId,
        action: retentionAction,
        actor_id: retentionActor,
        actor_team: "signpost",
        channel: "scheduled-job",
        at: at.toISOString(),
        detail: JSON.stringify({ retentionDays, status: ended.status }),
      })
      .execute();
    return true;
  });
}

/** What retired referrals left behind: counts by month made, area, final status and engagement, from `sinceMonth` ("YYYY-MM") on. */
export async function retiredReferralCounts(db: Kysely<Database>, sinceMonth: string): Promise<{ month: string; area: string; status: string; engagement: string; count: number }[]> {
  const rows = await db.selectFrom("retired_referrals").selectAll().where("month", ">=", sinceMonth).orderBy("month").execute();
  return rows.map((row) => ({ month: row.month, area: row.area, status: row.status, engagement: row.engagement, count: Number(row.count) }));
}
