import type { Kysely } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { InboxNotifier } from "../../src/notifications/inbox-notifier.js";
import { InboxStore } from "../../src/notifications/inbox-store.js";
import { backoffMs, OutboxSender } from "../../src/notifications/outbox-sender.js";
import { signature, WebhookNotifier } from "../../src/notifications/webhook-notifier.js";
import type { KyselyReferralStore } from "../../src/referrals/kysely-referral-store.js";
import type { NotificationPlan } from "../../src/referrals/referral-store.js";
import type { Database } from "../../src/storage/database-schema.js";
import { bothDatabases, useReferralDatabase } from "../support/databases.js";
import { ManualClock } from "../support/manual-clock.js";
import { startRecordingServer } from "../support/recording-server.js";
import { memoryLogger } from "../support/memory-logger.js";
import { syntheticReferral } from "../support/synthetic-referral.js";

const secret = "test-webhook-secret";

describe.each(bothDatabases)("OutboxSender on %s", (_name, makeDatabase) => {
  const clock = new ManualClock();
  const context = useReferralDatabase(makeDatabase, clock);
  let db: Kysely<Database>;
  let store: KyselyReferralStore;
  beforeAll(() => {
    ({ db, store } = context);
  });

  it("delivers once to a webhook that fails five times and then recovers", async () => {
    const hub = await startRecordingServer([500, 502, 503, 500, 504, 200]);
    try {
      const plan: NotificationPlan = (referral) => [{ key: `${referral.id}:hub`, notifier: "webhook", destination: {}, payload: { reference: referral.reference } }];
      const { referral } = await store.create(syntheticReferral(), "key-webhook", plan);
      const { logger, lines } = memoryLogger();
      const sender = new OutboxSender(db, [new WebhookNotifier(`${hub.url}/referrals`, secret, clock)], clock, logger);
      for (let attempt = 1; attempt <= 5; attempt++) {
        expect(await sender.runOnce()).toBe(0);
        expect(await sender.runOnce()).toBe(0); // not due again until the backoff has passed
        clock.advance(backoffMs(attempt));
      }
      expect(await sender.runOnce()).toBe(1);
      clock.advance(backoffMs(10));
      expect(await sender.runOnce()).toBe(0);
      expect(hub.requests).toHaveLength(6);
      const keys = new Set(hub.requests.map((r) => r.headers["idempotency-key"]));
      expect(keys).toEqual(new Set([`${referral.id}:hub`]));
      for (const request of hub.requests) {
        const timestamp = String(request.headers["x-signpost-timestamp"]);
        expect(request.headers["x-signpost-signature"]).toBe(`sha256=${signature(secret, timestamp, request.body)}`);
        expect(JSON.parse(request.body)).toEqual({ reference: referral.reference });
      }
      const row = await db.selectFrom("outbox").selectAll().where("referral_id", "=", referral.id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ attempts: 6, last_error: null });
      expect(row.delivered_at).not.toBeNull();
      expect(lines().filter((l) => l.msg === "notification not delivered; will retry")).toHaveLength(5);
    } finally {
      await hub.close();
    }
  });

  it("never sends one notification twice when two senders run at once", async () => {
    const inbox = new InboxStore(db, clock);
    const plan: NotificationPlan = (referral) =>
      Array.from({ length: 10 }, (_, i) => ({ key: `${referral.id}:n${i}`, notifier: "inbox", destination: { conversationId: "c-race" }, payload: { text: `message ${i}` } }));
    await store.create(syntheticReferral(), "key-two-senders", plan);
    const senders = [0, 1].map(() => new OutboxSender(db, [new InboxNotifier(inbox)], clock, memoryLogger().logger));
    const delivered = await Promise.all(senders.map((s) => s.runOnce()));
    expect(delivered[0]! + delivered[1]!).toBe(10);
    expect((await inbox.takeUnread("c-race")).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `message ${i}`).sort());
    expect(await inbox.takeUnread("c-race")).toEqual([]);
  });

  it("keeps a notification whose notifier is not configured, for when it is", async () => {
    const plan: NotificationPlan = (referral) => [{ key: `${referral.id}:slack`, notifier: "slack", destination: {}, payload: {} }];
    const { referral } = await store.create(syntheticReferral(), "key-no-notifier", plan);
    const sender = new OutboxSender(db, [], clock, memoryLogger().logger);
    await sender.runOnce();
    const row = await db.selectFrom("outbox").selectAll().where("referral_id", "=", referral.id).executeTakeFirstOrThrow();
    expect(row.delivered_at).toBeNull();
    expect(row.last_error).toBe("no notifier called slack is configured");
  });
});
