// The "slack" notifier through the real OutboxSender and a real SQLite outbox:
// a status change survives an HTTP 500 and a 429 "ratelimited" with Retry-After
// (each a failure the outbox retries with backoff) and is delivered once, in
// the referral's thread. A channel the app has left sends the status to the
// referrer's DM; triage details never take that detour.
import type { Kysely } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { backoffMs } from "../../../src/notifications/outbox-sender.js";
import type { KyselyReferralStore } from "../../../src/referrals/kysely-referral-store.js";
import type { NotificationPlan } from "../../../src/referrals/referral-store.js";
import type { Database } from "../../../src/storage/database-schema.js";
import { ManualClock } from "../../support/manual-clock.js";
import { syntheticPeople, syntheticReferral } from "../../support/synthetic-referral.js";
import type { SlackApiRecorder } from "./support/slack-api-recorder.js";
import { useSlackNotifierWorld } from "./support/slack-notifier-world.js";

const clock = new ManualClock();
const { world, sender } = useSlackNotifierWorld(clock);
let db: Kysely<Database>;
let store: KyselyReferralStore;
let slack: SlackApiRecorder;
beforeAll(() => {
  ({ db, store, slack } = world);
});

function plan(kind: "status" | "triage", conversationId: string): NotificationPlan {
  return (referral) => [
    {
      key: `${referral.id}:${kind}`,
      notifier: "slack",
      destination: { conversationId, userId: "U0REFERRER" },
      payload: { kind, reference: referral.reference, text: kind === "status" ? `${referral.reference} has been acknowledged by First Contact Plus.` : `New referral for ${syntheticPeople[0]}` },
    },
  ];
}

describe("SlackNotifier through the outbox", () => {
  it("retries a 500 and a 429 ratelimited, then delivers the status once in its thread", async () => {
    slack.clear();
    slack.script("chat.postMessage", [
      { status: 500, body: { ok: false, error: "internal_error" } },
      { status: 429, headers: { "retry-after": "30" }, body: { ok: false, error: "ratelimited" } },
    ]);
    const { referral } = await store.create(syntheticReferral(), "slack-retry", plan("status", "C123ABC456:1515449522.000016"));
    const { outbox, lines } = sender();
    expect(await outbox.runOnce()).toBe(0);
    clock.advance(backoffMs(1));
    expect(await outbox.runOnce()).toBe(0);
    clock.advance(backoffMs(2));
    expect(await outbox.runOnce()).toBe(1);
    clock.advance(backoffMs(10));
    expect(await outbox.runOnce()).toBe(0);

    const posts = slack.callsTo("chat.postMessage");
    expect(posts).toHaveLength(3); // no retries hidden inside the client: each attempt is the outbox's
    for (const post of posts) expect(post.args).toMatchObject({ channel: "C123ABC456", thread_ts: "1515449522.000016", text: `${referral.reference} has been acknowledged by First Contact Plus.` });
    const row = await db.selectFrom("outbox").selectAll().where("referral_id", "=", referral.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ attempts: 3, last_error: null });
    expect(row.delivered_at).not.toBeNull();
    const reasons = lines().filter((l) => l.msg === "notification not delivered; will retry").map((l) => String(l.reason));
    expect(reasons).toHaveLength(2);
    expect(reasons[0]).toMatch(/HTTP 500/);
    expect(reasons[1]).toMatch(/rate/i);
  });

  it("sends a status to the referrer's DM when the app can no longer post in the channel", async () => {
    slack.clear();
    slack.script("chat.postMessage", [{ status: 200, body: { ok: false, error: "not_in_channel" } }]);
    await store.create(syntheticReferral(), "slack-left-channel", plan("status", "C0LEFT:1515449522.000016"));
    expect(await sender().outbox.runOnce()).toBe(1);
    expect(slack.callsTo("chat.postMessage").map((c) => c.args.channel)).toEqual(["C0LEFT", "U0REFERRER"]);
  });

  it("never sends triage details anywhere but the triage channel: a failure there is retried later", async () => {
    slack.clear();
    slack.script("chat.postMessage", [{ status: 200, body: { ok: false, error: "channel_not_found" } }]);
    const { referral } = await store.create(syntheticReferral(), "slack-triage", plan("triage", "C0TRIAGE"));
    expect(await sender().outbox.runOnce()).toBe(0);
    expect(slack.callsTo("chat.postMessage").map((c) => c.args.channel)).toEqual(["C0TRIAGE"]);
    const row = await db.selectFrom("outbox").selectAll().where("referral_id", "=", referral.id).executeTakeFirstOrThrow();
    expect(row.last_error).toBe("Slack chat.postMessage failed: channel_not_found");
    expect(row.delivered_at).toBeNull();
  });
});
