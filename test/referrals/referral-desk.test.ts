// The referral desk refuses a First Contact referral for someone First Contact
// Plus does not cover, whatever a channel showed or hid, on a real SQLite store:
// nothing is stored, nothing is audited, and nobody is notified.
import type { Kysely } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Directory } from "../../src/directory/directory.js";
import { outsideFirstContact } from "../../src/directory/front-doors.js";
import type { AreaId } from "../../src/directory/ids.js";
import type { Identity, ReferralDesk } from "../../src/referrals/referral-desk.js";
import type { ReferralDraft } from "../../src/referrals/referral-draft.js";
import type { Database } from "../../src/storage/database-schema.js";
import { realDirectoryAndEngine } from "../support/load-real-directory.js";
import { ManualClock } from "../support/manual-clock.js";
import { syntheticNhsNumbers, syntheticPeople } from "../support/synthetic-referral.js";
import { testReferrals, triageUserId } from "../support/test-referrals.js";

let directory: Directory;
let desk: ReferralDesk;
let db: Kysely<Database>;
beforeAll(async () => {
  ({ directory } = await realDirectoryAndEngine());
  ({ referrals: desk, db } = await testReferrals(directory, new ManualClock()));
});

const referrer: Identity = { userId: "web:u-desk", channel: "web", conversationId: "c-desk" };
const triage: Identity = { userId: triageUserId, channel: "web", conversationId: "c-triage" };

const draft = (area: AreaId, overrides: Partial<ReferralDraft> = {}): ReferralDraft => ({
  person: syntheticPeople[3],
  phone: "0116 496 0888",
  age: 81,
  nhsNumber: syntheticNhsNumbers[1],
  area,
  needs: ["social-isolation"],
  whatMatters: "Seeing people again",
  urgency: "routine",
  consent: true,
  ...overrides,
});

async function count(table: "referrals" | "outbox"): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe("ReferralDesk.submit and where the person lives", () => {
  it.each(["leicester", "rutland"] as const)("refuses a complete referral for someone in %s with the front-door sentence, storing and sending nothing", async (area) => {
    const before = { referrals: await count("referrals"), outbox: await count("outbox") };
    const result = await desk.submit(draft(area), `dialog-${area}`, referrer);
    expect(result).toEqual({ ok: false, errors: { area: outsideFirstContact(area, directory) } });
    expect({ referrals: await count("referrals"), outbox: await count("outbox") }).toEqual(before);
    expect(await desk.list(triage, { scope: "triage", openOnly: false })).toEqual([]);
  });

  it("reports the area alongside the referral's other problems, so a form shows them all at once", async () => {
    const result = await desk.submit(draft("rutland", { consent: false, whatMatters: "" }), "dialog-several", referrer);
    expect(result.ok).toBe(false);
    expect(Object.keys(result.ok ? {} : result.errors).sort()).toEqual(["area", "consent", "whatMatters"]);
  });

  it("stores the same referral for someone in a Leicestershire district", async () => {
    const result = await desk.submit(draft("oadby-and-wigston"), "dialog-oadby", referrer);
    expect(result.ok).toBe(true);
    expect(await desk.list(triage, { scope: "triage", openOnly: false })).toHaveLength(1);
  });
});
