// The outcome follow-up job on both databases, with an injected clock: it asks a referrer
// once, OUTCOME_FOLLOW_UP_DAYS (London dates) after the referral's `status:accepted` audit
// event, privately (the web chat's own conversation; a Slack or Teams user, never the
// channel the referral came from), naming only the reference and the service; and asks
// nothing when an answer is recorded, the referral is closed, or it never went to a service.
import type { Kysely } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Directory } from "../../src/directory/directory.js";
import { loadDirectory } from "../../src/directory/load-directory.js";
import { Notices, type NoticeTargets } from "../../src/jobs/notices.js";
import { KyselyNotificationStore } from "../../src/notifications/kysely-notification-store.js";
import { OutcomeFollowUpJob } from "../../src/jobs/outcome-follow-up-job.js";

import { KyselyReferralStore } from "../../src/referrals/kysely-referral-store.js";
import type { Referral, Viewer } from "../../src/referrals/referral.js";
import type { Database } from "../../src/storage/database-schema.js";
import { bothDatabases, useReferralDatabase } from "../support/databases.js";
import { realDirectory } from "../support/directory-copy.js";
import { ManualClock } from "../support/manual-clock.js";
import { moveClockTo, referralMadeAt, triageMovesAt } from "../support/referral-timeline.js";
import { syntheticNhsNumbers, syntheticPeople } from "../support/synthetic-referral.js";

const targets: NoticeTargets = {
  maintainers: { notifier: "inbox", destination: { conversationId: "signpost-maintainers" } },
  triage: { notifier: "inbox", destination: { conversationId: "first-contact-triage" } },
};
const service = "lightbulb-home-safety-falls";
const referrerViewer: Viewer = { id: "u-referrer", team: "team-north", channel: "web", triage: false };

describe.each(bothDatabases)("the outcome follow-up job on %s", (_name, makeDatabase) => {
  const clock = new ManualClock();
  const context = useReferralDatabase(makeDatabase, clock);
  let db: Kysely<Database>;
  let store: KyselyReferralStore;
  let directory: Directory;
  beforeAll(async () => {
    ({ db, store } = context);
    directory = await loadDirectory(realDirectory);
  });

  const runAt = (moment: string) => {
    moveClockTo(clock, moment);
    const job = new OutcomeFollowUpJob({ referrals: new KyselyReferralStore(db, clock), afterDays: 28, directory });
    return job.run({ now: clock.now(), slot: `by-hand:${moment}`, notices: new Notices(new KyselyNotificationStore(db), targets, () => clock.now()) });
  };
  const acceptedReferral = async (made: string, accepted: string, referrer: Partial<Referral["referrer"]> = {}) => {
    const referral = await referralMadeAt(store, clock, made, { referrer: { id: "u-referrer", name: "Sam Prescriber", team: "team-north", channel: "web", conversationId: "c-origin", ...referrer } });
    return triageMovesAt(store, clock, accepted, referral.reference, { status: "accepted", service });
  };
  /** The follow-ups written to the outbox for a referral. */
  const asked = async (referral: Referral) => {
    const rows = await db.selectFrom("outbox").selectAll().where("idempotency_key", "=", `follow-up:${referral.id}`).execute();
    return rows.map((row) => ({ referralId: row.referral_id, notifier: row.notifier, destination: JSON.parse(row.destination) as unknown, payload: JSON.parse(row.payload) as { kind: string; text: string } }));
  };

  it("asks a web chat referrer in their own conversation, 28 London days after acceptance, once", async () => {
    const referral = await acceptedReferral("2027-02-01T10:00:00Z", "2027-02-03T16:00:00Z");
    expect(await runAt("2027-03-02T23:00:00Z")).toEqual({ summary: "0 due; 0 referrers asked" });
    expect(await asked(referral)).toEqual([]);

    // 3 February + 28 days is 3 March: asked that morning, though 28 × 24 hours have not yet passed.
    expect(await runAt("2027-03-03T09:00:00Z")).toEqual({ summary: "1 due; 1 referrers asked" });
    const ref = referral.reference;
    expect(await asked(referral)).toEqual([
      {
        referralId: referral.id,
        notifier: "inbox",
        destination: { conversationId: "c-origin" },
        payload: {
          kind: "private",
          text: `Follow-up on ${ref}: First Contact Plus accepted it for Lightbulb home safety and falls prevention on 3 Feb 2027. Did the person engage with the service? Reply "${ref} engaged", "${ref} did not engage" or "${ref} not known".`,
        },
      },
    ]);
    const text = (await asked(referral))[0]?.payload.text ?? "";
    for (const personal of [syntheticPeople[0], syntheticNhsNumbers[0], "01164960555", "Staying in her own home", "Sam Prescriber"]) expect(text).not.toContain(personal);

    expect(await runAt("2027-03-03T15:00:00Z")).toEqual({ summary: "0 due; 0 referrers asked" });
    expect(await runAt("2027-04-01T09:00:00Z")).toEqual({ summary: "0 due; 0 referrers asked" });
    expect(await asked(referral)).toHaveLength(1);
  });

  it("asks Slack and Teams referrers by their user id, never in the conversation the referral came from", async () => {
    const slack = await acceptedReferral("2027-05-03T10:00:00Z", "2027-05-04T10:00:00Z", { id: "U0REFERRER", channel: "slack", conversationId: "C0PUBLIC:1515449522.000016" });
    const teams = await acceptedReferral("2027-05-03T10:00:00Z", "2027-05-04T11:00:00Z", { id: "aad-referrer", channel: "teams", conversationId: "19:public@thread.tacv2" });
    await runAt("2027-06-01T09:00:00Z");
    expect(await asked(slack)).toMatchObject([{ notifier: "slack", destination: { userId: "U0REFERRER" }, payload: { kind: "private" } }]);
    expect(await asked(teams)).toMatchObject([{ notifier: "teams", destination: { userId: "aad-referrer" }, payload: { kind: "private" } }]);
    for (const row of [...(await asked(slack)), ...(await asked(teams))]) expect(Object.keys(row.destination as object)).toEqual(["userId"]);
  });

  it("takes the acceptance time from the audit trail, so a later write to the referral does not put the question off", async () => {
    const referral = await acceptedReferral("2027-07-01T10:00:00Z", "2027-07-02T10:00:00Z");
    await db.updateTable("referrals").set({ updated_at: "2027-07-20T10:00:00.000Z" }).where("id", "=", referral.id).execute();
    await runAt("2027-07-30T09:00:00Z");
    expect(await asked(referral)).toHaveLength(1);
  });

  it("asks nothing once the referrer has answered, nor about referrals closed, declined or never accepted", async () => {
    const answered = await acceptedReferral("2027-08-02T10:00:00Z", "2027-08-03T10:00:00Z");
    moveClockTo(clock, "2027-08-20T10:00:00Z");
    expect(await store.recordEngagement(answered.reference, "engaged", referrerViewer)).toMatchObject({ engagement: "engaged" });
    const closed = await acceptedReferral("2027-08-02T10:00:00Z", "2027-08-03T10:00:00Z");
    await triageMovesAt(store, clock, "2027-08-25T10:00:00Z", closed.reference, { status: "closed", outcome: "Visit done" });
    const declined = await referralMadeAt(store, clock, "2027-08-02T10:00:00Z");
    await triageMovesAt(store, clock, "2027-08-03T10:00:00Z", declined.reference, { status: "declined", reason: "Already supported" });
    const acknowledged = await referralMadeAt(store, clock, "2027-08-02T10:00:00Z");
    await triageMovesAt(store, clock, "2027-08-03T10:00:00Z", acknowledged.reference, { status: "acknowledged" });

    await runAt("2027-09-01T09:00:00Z");
    for (const referral of [answered, closed, declined, acknowledged]) expect(await asked(referral)).toEqual([]);
  });

  it("asks nobody when the referral came from a channel with no private route, and says so", async () => {
    const referral = await acceptedReferral("2027-10-01T10:00:00Z", "2027-10-04T10:00:00Z", { channel: "email", conversationId: "shared-mailbox" });
    expect((await runAt("2027-11-01T09:00:00Z")).summary).toBe("1 due; 0 referrers asked; 1 on channels with no private route");
    expect(await asked(referral)).toEqual([]);
  });
});
