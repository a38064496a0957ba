import type { Kysely } from "kysely";
import { retireReferral } from "../../src/referrals/retire-referral.js";
import { KyselyReferralStore } from "../../src/referrals/kysely-referral-store.js";
import type { Database } from "../../src/storage/database-schema.js";
import { KyselyUnmetSearchLog } from "../../src/unmet-searches/kysely-unmet-search-log.js";
import { moveTo, referralPlan, triageViewer } from "./ended-referrals.js";
import { ManualClock } from "./manual-clock.js";
import { syntheticNhsNumbers, syntheticPeople, syntheticReferral } from "./synthetic-referral.js";

/** When the insight tests look: the period is January to December 2026. */
export const insightNow = new Date("2026-12-04T12:00:00Z");

/** Everything personal the seed wrote, which no figure, page or CSV may contain. */
export const seededPersonalData = {
  names: [...syntheticPeople, "Sam Prescriber"],
  nhsNumbers: [...syntheticNhsNumbers],
  phones: ["01164960555", "0116 496 0555", "07700900123"],
  freeText: ["Staying in her own home and keeping warm", "Wants to get back to the allotment", "Moved to a care home, said Mrs Quillfeather"],
  references: [] as string[],
};

const day = 86_400_000;
const at = (base: string, days: number) => new Date(Date.parse(base) + days * day).toISOString();

/**
 * Synthetic referrals and unmet searches for the insight figures, written
 * through the owning modules' real stores on a migrated database:
 * - November 2026: 7 in Charnwood (home safety, warmth), all acknowledged after
 *   1, 1, 2, 2, 3, 4 and 10 days; 6 accepted after 3, 4, 5, 6, 7 and 20 days
 *   (5 engaged, 1 "unknown"), 1 declined.
 * - October 2026: 2 in Melton (social isolation), still sent.
 * - March 2026: 1 in Rutland, declined, then retired by the retention job.
 * - December 2025 (before the period): 1 in Leicester, still sent.
 * - Unmet searches: social isolation in Rutland "nothing here" 7 times and
 *   "nothing anywhere" with no place 3 times; hoarding in Melton "nothing anywhere" 12 times.
 */
export async function seedInsight(db: Kysely<Database>): Promise<void> {
  const clock = new ManualClock(new Date("2025-12-10T09:00:00Z"));
  const store = new KyselyReferralStore(db, clock);
  const make = async (madeAt: string, key: string, overrides: Parameters<typeof syntheticReferral>[0]) => {
    moveTo(clock, madeAt);
    const { referral } = await store.create(syntheticReferral(overrides), key, referralPlan);
    seededPersonalData.references.push(referral.reference);
    return referral;
  };
  await make("2025-12-10T09:00:00Z", "old", { area: "leicester", person: syntheticPeople[8] });

  const retired = await make("2026-03-03T10:00:00Z", "retired", { area: "rutland", person: syntheticPeople[7], nhsNumber: syntheticNhsNumbers[1] });
  moveTo(clock, "2026-03-04T10:00:00Z");
  await store.changeStatus(retired.reference, { status: "declined", reason: "Moved to a care home, said Mrs Quillfeather" }, triageViewer, referralPlan);
  await retireReferral(db, { referralId: retired.id, cutoff: new Date("2026-06-01T00:00:00Z"), at: new Date("2026-06-01T00:00:00Z"), retentionDays: 30 });

  for (const [i, person] of [syntheticPeople[5], syntheticPeople[6]].entries()) {
    await make(`2026-10-1${i}T10:00:00Z`, `october-${i}`, { area: "melton", needs: ["social-isolation"], person, contact: { phone: "07700900123" } });
  }

  const acknowledgeAfter = [1, 1, 2, 2, 3, 4, 10];
  const acceptAfter = [3, 4, 5, 6, 7, 20];
  for (const [i, days] of acknowledgeAfter.entries()) {
    const sent = `2026-11-0${i + 1}T10:00:00Z`;
    const referral = await make(sent, `november-${i}`, { person: syntheticPeople[i % 5] ?? "Zephyrine Quillfeather", whatMatters: i === 0 ? "Wants to get back to the allotment" : "Staying in her own home and keeping warm" });
    moveTo(clock, at(sent, days));
    await store.changeStatus(referral.reference, { status: "acknowledged" }, triageViewer, referralPlan);
    const accept = acceptAfter[i];
    moveTo(clock, at(sent, accept ?? days + 1));
    if (accept === undefined) {
      await store.changeStatus(referral.reference, { status: "declined", reason: "Wants to get back to the allotment" }, triageViewer, referralPlan);
      continue;
    }
    await store.changeStatus(referral.reference, { status: "accepted", service: "lightbulb-home-safety-falls" }, triageViewer, referralPlan);
    await store.recordEngagement(referral.reference, i === 5 ? "unknown" : "engaged", triageViewer);
  }

  const unmet = new KyselyUnmetSearchLog(db);
  for (let i = 0; i < 7; i++) await unmet.record("2026-11-20", [{ need: "social-isolation", area: "rutland", kind: "nothing-in-area" }]);
  for (let i = 0; i < 3; i++) await unmet.record("2026-11-21", [{ need: "social-isolation", area: "", kind: "nothing" }]);
  for (let i = 0; i < 12; i++) await unmet.record("2026-09-02", [{ need: "hoarding", area: "melton", kind: "nothing" }]);
}
