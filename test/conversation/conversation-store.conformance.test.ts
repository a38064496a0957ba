// Every conversation store keeps state until it expires, bounds each person's conversations so that
// nobody's traffic pushes out another's open form, and (in the database) survives a restart: the same
// tests on the in-memory store (tests and tools), SQLite (one instance) and PostgreSQL (several).
import { describe, expect, it } from "vitest";
import type { ConversationState } from "../../src/conversation/conversation-state.js";
import type { ConversationStore } from "../../src/conversation/conversation-store.js";
import { InMemoryConversationStore } from "../../src/conversation/in-memory-conversation-store.js";
import { KyselyConversationStore } from "../../src/conversation/kysely-conversation-store.js";
import { bothDatabases, useMigratedDatabase } from "../support/databases.js";
import { ManualClock } from "../support/manual-clock.js";

const state = (searchId: string): ConversationState => ({
  list: { search: { text: "lonely", needs: ["social-isolation"], areas: [], age: null, evidence: { needs: [{ need: "social-isolation", written: "lonely" }], places: [] } }, searchId, resultIds: ["a", "b"], shown: 2, onScreen: ["a", "b"] },
});

const withDialog: ConversationState = {
  dialog: { id: "dialog-1", draft: { person: "Zephyrine Quillfeather", nhsNumber: "9990000018", needs: ["home-safety"], consent: true }, step: "confirm", skipped: [] },
};

type MakeStore = (clock: ManualClock, ttlMs: number) => ConversationStore;

function conformance(name: string, make: () => MakeStore) {
  describe(`${name}: the conversation store`, () => {
    it("keeps state until it expires, counting from the last write", async () => {
      const clock = new ManualClock();
      const store = make()(clock, 1000);
      await store.set("c1", state("s1"), "web:alice");
      clock.advance(900);
      expect((await store.get("c1"))?.list?.searchId).toBe("s1");
      await store.set("c1", state("s2"), "web:alice");
      clock.advance(900);
      expect((await store.get("c1"))?.list?.searchId).toBe("s2");
      clock.advance(101);
      expect(await store.get("c1")).toBeUndefined();
    });

    it("keeps an open dialog exactly as written, with its de-duplication id", async () => {
      const store = make()(new ManualClock(), 60_000);
      await store.set("c-dialog", withDialog, "web:alice");
      expect(await store.get("c-dialog")).toEqual(withDialog);
    });

    it("remembers the front doors said and the services reported closed, so every instance says the front door once", async () => {
      const store = make()(new ManualClock(), 60_000);
      const remembered: ConversationState = { ...state("s-door"), frontDoorsShown: ["first-contact-plus", "rutland-front-door"], reportedClosed: ["a"] };
      await store.set("c-door", remembered, "web:alice");
      expect(await store.get("c-door")).toEqual(remembered);
    });

    it("never lets one person's traffic push out another's open form", async () => {
      const clock = new ManualClock();
      const store = make()(clock, 60 * 60_000);
      await store.set("alice-form", withDialog, "web:alice");
      for (let i = 0; i < 200; i++) {
        clock.advance(10);
        await store.set(`flood-${i}`, state(String(i)), "web:flooder");
      }
      expect(await store.get("alice-form")).toEqual(withDialog);
      // The flooder keeps only their own 20 most recent.
      expect(await store.get("flood-199")).toBeDefined();
      expect(await store.get("flood-180")).toBeDefined();
      expect(await store.get("flood-179")).toBeUndefined();
      expect(await store.get("flood-0")).toBeUndefined();
    });
  });
}

conformance("in memory", () => (clock, ttl) => new InMemoryConversationStore(clock, ttl));

describe.each(bothDatabases)("%s", (name, makeDatabase) => {
  const context = useMigratedDatabase(makeDatabase);
  let n = 0;
  // Each test gets its own ids: the database is shared by the file's tests.
  conformance(name, () => (clock, ttl) => {
    const prefix = `t${n++}-`;
    const store = new KyselyConversationStore(context.db, clock, ttl);
    return {
      get: (id) => store.get(prefix + id),
      set: (id, value, owner) => store.set(prefix + id, value, prefix + owner),
    };
  });

  it("survives a restart: a new store on the same database sees the open dialog", async () => {
    const clock = new ManualClock();
    await new KyselyConversationStore(context.db, clock, 60_000).set("restart-1", withDialog, "web:alice");
    expect(await new KyselyConversationStore(context.db, clock, 60_000).get("restart-1")).toEqual(withDialog);
  });

  it("sweeps expired conversations from the table, personal details and all", async () => {
    const clock = new ManualClock();
    const store = new KyselyConversationStore(context.db, clock, 1000);
    await store.set("sweep-1", withDialog, "web:sweeper");
    clock.advance(10 * 60_000);
    await store.set("sweep-2", state("x"), "web:sweeper");
    const left = await context.db.selectFrom("conversations").select("conversation_id").where("conversation_id", "=", "sweep-1").execute();
    expect(left).toEqual([]);
  });
});
