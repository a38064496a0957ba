import type { NewReferral } from "../../src/referrals/referral-fields.js";
import { syntheticNhsNumber } from "./synthetic-nhs-number.js";

/**
 * Synthetic people for referral tests. The names are made up and distinctive,
 * so the log scan can prove they never reach the logs; NHS numbers are from the
 * 999 range, which is never issued.
 */
export const syntheticPeople = [
  "Zephyrine Quillfeather",
  "Marmaduke Pennywhistle",
  "Ottoline Brackenbury",
  "Peregrine Thistlewood",
  "Clementine Oddfellowes",
  "Barnaby Quincegrove",
  "Hyacinth Wimbleford",
  "Cornelius Dapplegrove",
  "Araminta Pocklethorpe",
] as const;
/** A referrer's name as typed in trial mode's "Your name": personal data too, never to reach a log. */
export const syntheticReferrerName = "Wilhelmina Fotheringale";
export const syntheticNhsNumbers = [syntheticNhsNumber(424242), syntheticNhsNumber(515151)] as const;

export function syntheticReferral(overrides: Partial<NewReferral> = {}): NewReferral {
  return {
    person: syntheticPeople[0],
    contact: { phone: "01164960555", when: "mornings" },
    age: 84,
    nhsNumber: syntheticNhsNumbers[0],
    area: "charnwood",
    needs: ["home-safety", "affordable-warmth"],
    whatMatters: "Staying in her own home and keeping warm",
    urgency: "routine",
    suggestedServices: ["lightbulb-home-safety-falls"],
    consent: { confirmedBy: "u-referrer", confirmedAt: "2026-11-22T10:00:00.000Z" },
    referrer: { id: "u-referrer", name: "Sam Prescriber", team: "team-north", channel: "web", conversationId: "c-origin" },
    ...overrides,
  };
}
