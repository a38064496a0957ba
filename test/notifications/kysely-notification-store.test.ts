// The notification store on both real databases (SQLite and PostgreSQL): what jobs may do with the
// outbox and inbox. A queued notice is due at once and, with skipRepeats, queued once per key;
// expiry deletes inbox messages and delivered outbox entries older than the cutoff, never one not
// yet delivered, however old.
import { beforeEach, describe, expect, it } from "vitest";
import { KyselyNotificationStore } from "../../src/notifications/kysely-notification-store.js";
import { bothDatabases, useMigratedDatabase } from "../support/databases.js";

const at = new Date("2027-03-29T09:00:00.000Z");
const draft = (key: string) => ({ key, notifier: "inbox", destination: { conversationId: "signpost-maintainers" }, payload: { kind: "notice", text: `Notice ${key}` } });

describe.each(bothDatabases)("the notification store on %s", (_name, makeDatabase) => {
  const context = useMigratedDatabase(makeDatabase);
  const store = () => new KyselyNotificationStore(context.db);
  beforeEach(async () => {
    await context.db.deleteFrom("outbox").execute();
    await context.db.deleteFrom("inbox").execute();
  });

  it("queues a notice due at once, and with skipRepeats queues a key once", async () => {
    expect(await store().queue(at, "", [draft("digest:2027-W13")], { skipRepeats: true })).toBe(1);
    expect(await store().queue(at, "", [draft("digest:2027-W13"), draft("digest:2027-W14")], { skipRepeats: true })).toBe(1);
    const rows = await context.db.selectFrom("outbox").select(["idempotency_key", "next_attempt_at", "delivered_at", "attempts"]).orderBy("idempotency_key").execute();
    expect(rows).toEqual([
      { idempotency_key: "digest:2027-W13", next_attempt_at: at.toISOString(), delivered_at: null, attempts: 0 },
      { idempotency_key: "digest:2027-W14", next_attempt_at: at.toISOString(), delivered_at: null, attempts: 0 },
    ]);
    await expect(store().queue(at, "", [draft("digest:2027-W13")])).rejects.toThrow();
  });

  it("expires inbox messages and delivered notifications older than the cutoff, keeping newer and undelivered ones", async () => {
    const old = "2025-01-01T00:00:00.000Z";
    const recent = "2027-03-28T00:00:00.000Z";
    for (const [id, created] of [["inbox-old", old], ["inbox-recent", recent]] as const) {
      await context.db.insertInto("inbox").values({ id, conversation_id: "first-contact-triage", text: "A synthetic message", created_at: created, read_at: null }).execute();
    }
    const outbox = (key: string, created: string, delivered: boolean) => ({ id: key, idempotency_key: key, referral_id: "", notifier: "inbox", destination: "{}", payload: "{}", attempts: 1, next_attempt_at: created, delivered_at: delivered ? created : null, last_error: null, created_at: created });
    await context.db.insertInto("outbox").values([outbox("sent-old", old, true), outbox("unsent-old", old, false), outbox("sent-recent", recent, true)]).execute();
    expect(await store().expireBefore(new Date("2026-01-01T00:00:00.000Z"))).toEqual({ inbox: 1, outbox: 1 });
    expect((await context.db.selectFrom("inbox").select("id").execute()).map((row) => row.id)).toEqual(["inbox-recent"]);
    expect((await context.db.selectFrom("outbox").select("id").orderBy("id").execute()).map((row) => row.id)).toEqual(["sent-recent", "unsent-old"]);
    expect(await store().expireBefore(new Date("2026-01-01T00:00:00.000Z"))).toEqual({ inbox: 0, outbox: 0 });
  });
});
