// Private notices on Slack (kind "private", the outcome follow-up), through the real job,
// the real OutboxSender and a stand-in Slack Web API: the question goes to the referrer's
// DM and never to the thread the referral came from; a DM that fails is retried there and
// nowhere else; and a private notice with no user to send it to is refused, not posted.
import type { Kysely } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { Notices } from "../../../src/jobs/notices.js";
import { KyselyNotificationStore } from "../../../src/notifications/kysely-notification-store.js";
import { OutcomeFollowUpJob } from "../../../src/jobs/outcome-follow-up-job.js";

import { backoffMs } from "../../../src/notifications/outbox-sender.js";
import { KyselyReferralStore } from "../../../src/referrals/kysely-referral-store.js";
import type { Database } from "../../../src/storage/database-schema.js";
import type { Directory } from "../../../src/directory/directory.js";
import { ManualClock } from "../../support/manual-clock.js";
import { referralMadeAt, triageMovesAt } from "../../support/referral-timeline.js";
import type { SlackApiRecorder } from "./support/slack-api-recorder.js";
import { useSlackNotifierWorld } from "./support/slack-notifier-world.js";

const day = 24 * 60 * 60 * 1000;
const clock = new ManualClock();
const targets = {
  maintainers: { notifier: "inbox", destination: { conversationId: "signpost-maintainers" } },
  triage: { notifier: "slack", destination: { conversationId: "C0TRIAGE" } },
};
const notifierWorld = useSlackNotifierWorld(clock);
const sender = () => notifierWorld.sender().outbox;
let db: Kysely<Database>;
let store: KyselyReferralStore;
let directory: Directory;
let slack: SlackApiRecorder;
beforeAll(() => {
  ({ db, store, directory, slack } = notifierWorld.world);
});

/** A referral made in a public channel's thread by a Slack user, accepted, and followed up 28 days later. */
async function followedUp(userId: string): Promise<{ reference: string; id: string }> {
  const made = await referralMadeAt(store, clock, clock.now().toISOString(), { referrer: { id: userId, team: "T0TEAM", channel: "slack", conversationId: "C0PUBLIC:1515449522.000016" } });
  await triageMovesAt(store, clock, clock.now().toISOString(), made.reference, { status: "accepted", service: "lightbulb-home-safety-falls" });
  clock.advance(28 * day);
  const job = new OutcomeFollowUpJob({ referrals: new KyselyReferralStore(db, clock), afterDays: 28, directory });
  await job.run({ now: clock.now(), slot: `by-hand:${clock.now().toISOString()}`, notices: new Notices(new KyselyNotificationStore(db), targets, () => clock.now()) });
  return made;
}

describe("private notices on Slack", () => {
  it("sends the outcome follow-up to the referrer's DM, not to the thread the referral came from", async () => {
    slack.clear();
    const { reference } = await followedUp("U0REFERRER");
    expect(await sender().runOnce()).toBe(1);
    const posts = slack.callsTo("chat.postMessage");
    expect(posts).toHaveLength(1);
    expect(posts[0]?.args.channel).toBe("U0REFERRER");
    expect(posts[0]?.args.thread_ts).toBeUndefined();
    expect(String(posts[0]?.args.text)).toMatch(new RegExp(`^Follow-up on ${reference}: `));
  });

  it("retries a DM Slack refused in the same DM, never falling back to a channel", async () => {
    slack.clear();
    slack.script("chat.postMessage", [{ status: 200, body: { ok: false, error: "channel_not_found" } }]);
    const { id } = await followedUp("U0OTHER");
    expect(await sender().runOnce()).toBe(0);
    const row = await db.selectFrom("outbox").selectAll().where("idempotency_key", "=", `follow-up:${id}`).executeTakeFirstOrThrow();
    expect(row.last_error).toBe("Slack chat.postMessage to the referrer's DM failed: channel_not_found");
    clock.advance(backoffMs(1));
    expect(await sender().runOnce()).toBe(1);
    expect(slack.callsTo("chat.postMessage").map((call) => call.args.channel)).toEqual(["U0OTHER", "U0OTHER"]);
  });

  it("refuses a private notice that names no user, even when it names a channel", async () => {
    slack.clear();
    const notices = new Notices(new KyselyNotificationStore(db), targets, () => clock.now());
    await notices.send({ notifier: "slack", destination: { conversationId: "C0PUBLIC" } }, "private-without-user", "For one person only", { kind: "private" });
    expect(await sender().runOnce()).toBe(0);
    expect(slack.callsTo("chat.postMessage")).toEqual([]);
    const row = await db.selectFrom("outbox").selectAll().where("idempotency_key", "=", "private-without-user").executeTakeFirstOrThrow();
    expect(row).toMatchObject({ delivered_at: null, last_error: "a private Slack notification needs destination.userId" });
  });
});
