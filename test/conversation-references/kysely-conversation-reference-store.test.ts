// The conversation-reference store on both real databases (SQLite and PostgreSQL): one entry per
// conversation id, replaced when saved again; the latest entry under a prefix, taken literally; a
// person's latest personal chat. What a channel keeps in `reference` is opaque text to the store.
import { describe, expect, it } from "vitest";
import { KyselyConversationReferenceStore } from "../../src/conversation-references/kysely-conversation-reference-store.js";
import { bothDatabases, useMigratedDatabase } from "../support/databases.js";
import { ManualClock } from "../support/manual-clock.js";

const channel = "19:0a1b2c3d4e5f@thread.tacv2";

describe.each(bothDatabases)("the conversation-reference store on %s", (_name, makeDatabase) => {
  const clock = new ManualClock(new Date("2027-03-29T09:00:00.000Z"));
  const context = useMigratedDatabase(makeDatabase);
  const store = () => new KyselyConversationReferenceStore(context.db, clock);

  it("keeps one entry per conversation, the latest save replacing the one before", async () => {
    await store().save({ conversationId: "a:first-chat", tenantId: "tenant-1", userId: null, reference: '{"v":1}' });
    clock.advance(1000);
    await store().save({ conversationId: "a:first-chat", tenantId: "tenant-1", userId: null, reference: '{"v":2}' });
    expect(await store().find("a:first-chat")).toBe('{"v":2}');
    const rows = await context.db.selectFrom("teams_conversations").select(["conversation_id", "updated_at"]).where("conversation_id", "=", "a:first-chat").execute();
    expect(rows).toEqual([{ conversation_id: "a:first-chat", updated_at: "2027-03-29T09:00:01.000Z" }]);
    expect(await store().find("a:never-saved")).toBeUndefined();
  });

  it("finds the latest entry whose id starts with a prefix, reading % and _ as themselves", async () => {
    await store().save({ conversationId: `${channel};messageid=1`, tenantId: null, userId: null, reference: '"older thread"' });
    clock.advance(1000);
    await store().save({ conversationId: `${channel};messageid=2`, tenantId: null, userId: null, reference: '"newer thread"' });
    await store().save({ conversationId: "19:0a1b2c3d4e5fXthread.tacv2;messageid=3", tenantId: null, userId: null, reference: '"another channel"' });
    expect(await store().latestStartingWith(`${channel};`)).toBe('"newer thread"');
    expect(await store().latestStartingWith("19:0a1b2c3d4e5f_thread")).toBeUndefined();
    expect(await store().latestStartingWith("19:%")).toBeUndefined();
  });

  it("finds a person's latest personal chat by their user id, and no one else's", async () => {
    await store().save({ conversationId: "a:old-chat", tenantId: "tenant-1", userId: "user-7", reference: '"old"' });
    clock.advance(1000);
    await store().save({ conversationId: "a:new-chat", tenantId: "tenant-1", userId: "user-7", reference: '"new"' });
    await store().save({ conversationId: "a:their-chat", tenantId: "tenant-1", userId: "user-8", reference: '"theirs"' });
    expect(await store().latestPersonalChat("user-7")).toBe('"new"');
    expect(await store().latestPersonalChat("user-9")).toBeUndefined();
  });
});
