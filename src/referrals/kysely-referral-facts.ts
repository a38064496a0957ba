import { type Kysely } from "kysely";
import { StorageError } from "../errors/storage-error.js";
import type { Database } from "../storage/database-schema.js";

/**
 * What the insight figures need of one referral, and nothing about the person:
 * when it was sent, the area and needs (vocabulary ids), where it has got to,
 * the referrer's engagement answer, and when triage acknowledged and accepted
 * it (from the audit trail, whose status events never change). No name, NHS
 * number, contact, free text, reference or referrer is selected.
 */
export interface ReferralFacts {
  readonly createdAt: string;
  readonly area: string;
  readonly needs: readonly string[];
  readonly status: string;
  readonly engagement: string | null;
  readonly acknowledgedAt: string | null;
  readonly acceptedAt: string | null;
}

/**
 * The referrals module's anonymous read for the insight view. Unlike the
 * store's `find`, `list` and `export` it reads no person's details, so it
 * writes no audit events.
 */
export class ReferralFactsQuery {
  constructor(private readonly db: Kysely<Database>) {}

  /** Every referral made at or after `since` (an ISO time), oldest first. */
  async since(since: string): Promise<ReferralFacts[]> {
    try {
      const rows = await this.db
        .selectFrom("referrals")
        .select(["id", "created_at", "area", "needs", "status", "engagement"])
        .where("created_at", ">=", since)
        .orderBy("created_at")
        .orderBy("id")
        .execute();
      const events = await this.db
        .selectFrom("audit_events")
        .innerJoin("referrals", "referrals.id", "audit_events.referral_id")
        .select(["audit_events.referral_id", "audit_events.action", "audit_events.at"])
        .where("referrals.created_at", ">=", since)
        .where("audit_events.action", "in", ["status:acknowledged", "status:accepted"])
        .execute();
      const first = new Map<string, string>();
      for (const event of events) {
        const key = `${event.referral_id}|${event.action}`;
        const seen = first.get(key);
        if (seen === undefined || event.at < seen) first.set(key, event.at);
      }
      return rows.map((row) => ({
        createdAt: row.created_at,
        area: row.area,
        needs: parseNeeds(row.needs),
        status: row.status,
        engagement: row.engagement,
        acknowledgedAt: first.get(`${row.id}|status:acknowledged`) ?? null,
        acceptedAt: first.get(`${row.id}|status:accepted`) ?? null,
      }));
    } catch (error) {
      throw new StorageError("the referral figures could not be read", { cause: error });
    }
  }
}

function parseNeeds(text: string): string[] {
  const value: unknown = JSON.parse(text);
  return Array.isArray(value) ? value.filter((need): need is string => typeof need === "string") : [];
}
