import type { ReferralStore } from "../../src/referrals/referral-store.js";
import type { NewReferral } from "../../src/referrals/referral-fields.js";
import type { Referral, Viewer } from "../../src/referrals/referral.js";
import type { ManualClock } from "./manual-clock.js";
import { syntheticReferral } from "./synthetic-referral.js";

/** A triage member, for moving referrals on in job tests. */
export const triageViewer: Viewer = { id: "u-triage", team: "first-contact", channel: "web", triage: true };

/** Puts a manual clock at a moment, forwards or back (it only has `advance`). */
export function moveClockTo(clock: ManualClock, moment: string): void {
  clock.advance(Date.parse(moment) - clock.now().getTime());
}

/** A synthetic referral made at `moment`, with no notifications: job tests look at what the job sends. */
export async function referralMadeAt(store: ReferralStore, clock: ManualClock, moment: string, overrides: Partial<NewReferral> = {}): Promise<Referral> {
  moveClockTo(clock, moment);
  const { referral } = await store.create(syntheticReferral(overrides), `made-${moment}-${Math.random().toString(36).slice(2)}`, () => []);
  return referral;
}

/** Moves a referral on as triage at `moment` (acknowledged, accepted for a service, declined, closed). */
export async function triageMovesAt(store: ReferralStore, clock: ManualClock, moment: string, reference: string, change: Parameters<ReferralStore["changeStatus"]>[1]): Promise<Referral> {
  moveClockTo(clock, moment);
  const moved = await store.changeStatus(reference, change, triageViewer, () => []);
  if (!moved) throw new Error(`triage could not move ${reference}`);
  return moved;
}
