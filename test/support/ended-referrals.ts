import type { Kysely } from "kysely";
import type { KyselyReferralStore } from "../../src/referrals/kysely-referral-store.js";
import type { NewReferral } from "../../src/referrals/referral-fields.js";
import type { Referral, Viewer } from "../../src/referrals/referral.js";
import type { ReferralStatus } from "../../src/referrals/referral-status.js";
import type { NotificationPlan } from "../../src/referrals/referral-store.js";
import type { Database } from "../../src/storage/database-schema.js";
import type { ManualClock } from "./manual-clock.js";
import { syntheticReferral } from "./synthetic-referral.js";

export const triageViewer: Viewer = { id: "u-triage", team: "first-contact", channel: "web", triage: true };

/** Tells triage the person's name (personal data the retention job must delete) and the origin only the status. */
export const referralPlan: NotificationPlan = (referral, event) => [
  event === "created"
    ? { key: `${referral.id}:created:triage`, notifier: "inbox", destination: { conversationId: "triage" }, payload: { kind: "triage", text: `${referral.person} in ${referral.area}` } }
    : { key: `${referral.id}:${event}:origin`, notifier: "inbox", destination: { conversationId: referral.referrer.conversationId }, payload: { kind: "status", reference: referral.reference, status: event } },
];

/** Moves the clock to a moment (forwards or back): the store stamps what it writes with it. */
export function moveTo(clock: ManualClock, moment: string | Date): void {
  clock.advance(new Date(moment).getTime() - clock.now().getTime());
}

export interface ReferralHistory {
  readonly status: ReferralStatus;
  /** When it was made (created_at). */
  readonly madeAt: string;
  /** When it reached its status (updated_at); the moment it was made when omitted. */
  readonly reachedAt?: string;
  readonly area?: NewReferral["area"];
  readonly engagement?: string;
}

let made = 0;

/**
 * Makes a synthetic referral through the real store and moves it through the
 * lifecycle to `status`, leaving the clock at `reachedAt`. The engagement, which
 * the outcome follow-up records, is written straight to its columns.
 */
export async function referralWithHistory(db: Kysely<Database>, store: KyselyReferralStore, clock: ManualClock, history: ReferralHistory): Promise<Referral> {
  moveTo(clock, history.madeAt);
  const { referral } = await store.create(syntheticReferral({ area: history.area ?? "charnwood" }), `retention-test-${++made}`, referralPlan);
  moveTo(clock, history.reachedAt ?? history.madeAt);
  const steps: Record<ReferralStatus, readonly Parameters<KyselyReferralStore["changeStatus"]>[1][]> = {
    submitted: [],
    acknowledged: [{ status: "acknowledged" }],
    accepted: [{ status: "accepted", service: "lightbulb-home-safety-falls" }],
    declined: [{ status: "declined", reason: "Already supported by the Lightbulb service" }],
    closed: [{ status: "accepted", service: "lightbulb-home-safety-falls" }, { status: "closed", outcome: "Home safety check done" }],
  };
  let latest: Referral = referral;
  for (const change of steps[history.status]) {
    const changed = await store.changeStatus(referral.reference, change, triageViewer, referralPlan);
    if (!changed) throw new Error(`could not move ${referral.reference} to ${change.status}`);
    latest = changed;
  }
  if (history.engagement !== undefined) {
    await db.updateTable("referrals").set({ engagement: history.engagement, engagement_recorded_at: clock.now().toISOString() }).where("id", "=", referral.id).execute();
  }
  return latest;
}

/** Empties every table the retention job reads or writes, so each test starts from nothing. */
export async function emptyReferralTables(db: Kysely<Database>): Promise<void> {
  for (const table of ["referrals", "outbox", "audit_events", "retired_referrals", "job_runs", "job_locks", "inbox"] as const) await db.deleteFrom(table).execute();
}

/** The anonymous counts, in a fixed order. */
export async function retiredCounts(db: Kysely<Database>) {
  const rows = await db.selectFrom("retired_referrals").selectAll().orderBy("month").orderBy("area").orderBy("status").orderBy("engagement").execute();
  return rows.map((row) => ({ ...row, count: Number(row.count) }));
}
