import type { Kysely } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { ReferralError } from "../../src/errors/referral-error.js";
import { StorageError } from "../../src/errors/storage-error.js";
import type { KyselyReferralStore } from "../../src/referrals/kysely-referral-store.js";
import type { Viewer } from "../../src/referrals/referral.js";
import type { NotificationPlan } from "../../src/referrals/referral-store.js";
import type { Database } from "../../src/storage/database-schema.js";
import { migrateToLatest } from "../../src/storage/migrate.js";
import { bothDatabases, useReferralDatabase } from "../support/databases.js";
import { ManualClock } from "../support/manual-clock.js";
import { syntheticReferral } from "../support/synthetic-referral.js";

const referrer: Viewer = { id: "u-referrer", team: "team-north", channel: "web", triage: false };
const teammate: Viewer = { id: "u-teammate", team: "team-north", channel: "web", triage: false };
const stranger: Viewer = { id: "u-stranger", team: "team-south", channel: "web", triage: false };
const triage: Viewer = { id: "u-triage", team: "first-contact", channel: "web", triage: true };

/** Tells the triage channel everything and the origin conversation only the reference and status. */
const plan: NotificationPlan = (referral, event) => [
  { key: `${referral.id}:${event}:origin`, notifier: "web", destination: { conversationId: referral.referrer.conversationId }, payload: { reference: referral.reference, status: referral.status } },
];

describe.each(bothDatabases)("ReferralStore on %s", (_name, makeDatabase) => {
  const clock = new ManualClock();
  const context = useReferralDatabase(makeDatabase, clock);
  let db: Kysely<Database>;
  let store: KyselyReferralStore;
  beforeAll(() => {
    ({ db, store } = context);
  });

  it("migrates an empty database to the latest schema, and then has nothing left to apply", async () => {
    expect(context.migrated).toEqual(["001-referrals", "002-teams-conversations", "003-jobs", "004-identity", "005-directory-reviews", "006-feedback-reports", "007-channel-state", "008-directory-versions", "009-answer-verdicts", "010-referrer-name-given"]);
    expect(await migrateToLatest(db)).toEqual([]);
  });

  const count = async (table: "referrals" | "outbox" | "audit_events") => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);

  it("stores a referral with a readable, unique reference, its audit event and its notification, together", async () => {
    const { referral, created } = await store.create(syntheticReferral(), "key-create", plan);
    expect(created).toBe(true);
    expect(referral.reference).toMatch(/^FC-[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(referral.status).toBe("submitted");
    // The agreement is in the trail too: who confirmed it, and when they did.
    expect(await store.audit(referral.reference)).toEqual([
      { action: "created", actorId: "u-referrer", channel: "web", at: clock.now().toISOString() },
      { action: "consent:confirmed", actorId: "u-referrer", channel: "web", at: "2026-11-22T10:00:00.000Z" },
    ]);
    const outbox = await db.selectFrom("outbox").selectAll().where("referral_id", "=", referral.id).execute();
    expect(outbox.map((o) => JSON.parse(o.payload) as unknown)).toEqual([{ reference: referral.reference, status: "submitted" }]);
  });

  it("stores one referral when the same submission arrives twice", async () => {
    const before = await count("referrals");
    const first = await store.create(syntheticReferral(), "key-twice", plan);
    const second = await store.create(syntheticReferral(), "key-twice", plan);
    expect(second).toEqual({ referral: first.referral, created: false });
    expect(await count("referrals")).toBe(before + 1);
  });

  it("stores one referral when ten identical submissions race, and ten when ten different ones do", async () => {
    const before = await count("referrals");
    const same = await Promise.all(Array.from({ length: 10 }, () => store.create(syntheticReferral(), "key-race", plan)));
    expect(new Set(same.map((r) => r.referral.reference)).size).toBe(1);
    expect(same.filter((r) => r.created)).toHaveLength(1);
    const different = await Promise.all(Array.from({ length: 10 }, (_, i) => store.create(syntheticReferral(), `key-many-${i}`, plan)));
    expect(new Set(different.map((r) => r.referral.reference)).size).toBe(10);
    expect(await count("referrals")).toBe(before + 11);
  });

  it("writes nothing at all when any part of the transaction fails", async () => {
    const before = await Promise.all([count("referrals"), count("outbox"), count("audit_events")]);
    const failing: NotificationPlan = () => {
      throw new Error("notification plan broke");
    };
    await expect(store.create(syntheticReferral(), "key-fails", failing)).rejects.toBeInstanceOf(StorageError);
    expect(await Promise.all([count("referrals"), count("outbox"), count("audit_events")])).toEqual(before);
  });

  it("shows a referral to its referrer, their team and triage, and to nobody else", async () => {
    const { referral } = await store.create(syntheticReferral(), "key-access", plan);
    for (const viewer of [referrer, teammate, triage]) expect((await store.find(referral.reference, viewer))?.id).toBe(referral.id);
    expect(await store.find(referral.reference, stranger)).toBeUndefined();
    expect(await store.find("FC-000000", stranger)).toBeUndefined();
    expect(await store.find(referral.reference.toLowerCase(), referrer)).toBeDefined();
    const reads = (await store.audit(referral.reference)).filter((e) => e.action === "read").map((e) => e.actorId);
    expect(reads).toEqual(["u-referrer", "u-teammate", "u-triage", "u-referrer"]);
  });

  it("lists mine, my team's and triage's, open only when asked", async () => {
    const mine = await store.list(referrer, { scope: "mine", openOnly: true });
    expect(mine.length).toBeGreaterThan(0);
    for (const r of mine) expect(r.referrer.id).toBe("u-referrer");
    expect((await store.list(teammate, { scope: "team", openOnly: false })).length).toBe((await store.list(referrer, { scope: "team", openOnly: false })).length);
    expect(await store.list(stranger, { scope: "team", openOnly: false })).toEqual([]);
    expect(await store.list(stranger, { scope: "triage", openOnly: false })).toEqual([]);
    expect((await store.list(triage, { scope: "triage", openOnly: false })).length).toBeGreaterThan(0);
  });

  it("moves through the lifecycle, recording who and when, and refuses moves it does not allow", async () => {
    const { referral } = await store.create(syntheticReferral(), "key-lifecycle", plan);
    await expect(store.changeStatus(referral.reference, { status: "acknowledged" }, referrer, plan)).rejects.toBeInstanceOf(ReferralError);
    expect(await store.changeStatus(referral.reference, { status: "acknowledged" }, stranger, plan)).toBeUndefined();
    clock.advance(60_000);
    expect((await store.changeStatus(referral.reference, { status: "acknowledged" }, triage, plan))?.status).toBe("acknowledged");
    await expect(store.changeStatus(referral.reference, { status: "closed", outcome: "x" }, triage, plan)).rejects.toThrow(/is acknowledged, so it can't be marked closed/);
    const accepted = await store.changeStatus(referral.reference, { status: "accepted", service: "lightbulb-home-safety-falls" }, triage, plan);
    expect(accepted).toMatchObject({ status: "accepted", acceptedService: "lightbulb-home-safety-falls" });
    const closed = await store.changeStatus(referral.reference, { status: "closed", outcome: "Home safety visit done" }, triage, plan);
    expect(closed).toMatchObject({ status: "closed", outcome: "Home safety visit done" });
    expect((await store.find(referral.reference, referrer))?.status).toBe("closed");
    const trail = (await store.audit(referral.reference)).filter((e) => e.action.startsWith("status:"));
    expect(trail.map((e) => [e.action, e.actorId])).toEqual([
      ["status:acknowledged", "u-triage"],
      ["status:accepted", "u-triage"],
      ["status:closed", "u-triage"],
    ]);
    const notices = await db.selectFrom("outbox").select("payload").where("referral_id", "=", referral.id).orderBy("id").execute();
    expect(notices.map((n) => (JSON.parse(n.payload) as { status: string }).status)).toEqual(["submitted", "acknowledged", "accepted", "closed"]);
  });

  it("records the referrer's answer to the outcome follow-up with its audit event, for those who may see it, only after acceptance", async () => {
    const { referral } = await store.create(syntheticReferral(), "key-engagement", plan);
    await expect(store.recordEngagement(referral.reference, "engaged", referrer)).rejects.toThrow(/has not been accepted by a service/);
    const accepted = await store.changeStatus(referral.reference, { status: "accepted", service: "lightbulb-home-safety-falls" }, triage, plan);
    const before = await Promise.all([count("outbox"), count("audit_events")]);
    expect(await store.recordEngagement(referral.reference, "engaged", stranger)).toBeUndefined();
    expect(await store.recordEngagement("FC-000000", "engaged", referrer)).toBeUndefined();
    await expect(store.recordEngagement(referral.reference, "maybe" as never, referrer)).rejects.toBeInstanceOf(ReferralError);
    expect(await Promise.all([count("outbox"), count("audit_events")])).toEqual(before);

    clock.advance(60_000);
    const recorded = await store.recordEngagement(referral.reference.toLowerCase(), "did-not-engage", referrer);
    // updated_at stays the hub's last change, which status replies show as "last changed".
    expect(recorded).toMatchObject({ engagement: "did-not-engage", engagementRecordedAt: clock.now().toISOString(), updatedAt: accepted?.updatedAt });
    // Recording an answer tells nobody: it writes no notification.
    expect(await count("outbox")).toBe(before[0]);
    clock.advance(60_000);
    // A teammate corrects it after the hub has closed the referral; the answer stays recordable.
    await store.changeStatus(referral.reference, { status: "closed", outcome: "Visit done" }, triage, plan);
    expect(await store.recordEngagement(referral.reference, "engaged", teammate)).toMatchObject({ engagement: "engaged", status: "closed" });
    const stored = await db.selectFrom("referrals").select(["engagement", "engagement_recorded_at"]).where("id", "=", referral.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ engagement: "engaged", engagement_recorded_at: clock.now().toISOString() });
    const trail = (await store.audit(referral.reference)).filter((e) => e.action.startsWith("engagement:"));
    expect(trail.map((e) => [e.action, e.actorId])).toEqual([
      ["engagement:did-not-engage", "u-referrer"],
      ["engagement:engaged", "u-teammate"],
    ]);
  });

  it("exports everything since a date, and audits the export", async () => {
    const since = clock.now().toISOString();
    clock.advance(1000);
    const { referral } = await store.create(syntheticReferral(), "key-export", plan);
    const exported = await store.export(since, triage);
    expect(exported.map((r) => r.id)).toEqual([referral.id]);
    expect(exported[0]).toMatchObject({ nhsNumber: syntheticReferral().nhsNumber, contact: { phone: "01164960555", when: "mornings" }, needs: ["home-safety", "affordable-warmth"] });
    expect((await store.audit(referral.id)).map((e) => e.action)).toContain("exported");
  });
});
