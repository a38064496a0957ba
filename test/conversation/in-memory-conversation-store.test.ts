import { describe, expect, it } from "vitest";
import type { ConversationState } from "../../src/conversation/conversation-state.js";
import { InMemoryConversationStore } from "../../src/conversation/in-memory-conversation-store.js";
import { ManualClock } from "../support/manual-clock.js";

const state = (searchId: string): ConversationState => ({
  list: { search: { text: "lonely", needs: ["social-isolation"], areas: [], age: null }, searchId, resultIds: ["a", "b"], shown: 2, onScreen: ["a", "b"] },
});

describe("InMemoryConversationStore", () => {
  it("keeps state until it expires, counting from the last write", async () => {
    const clock = new ManualClock();
    const store = new InMemoryConversationStore(clock, 1000);
    await store.set("c1", state("s1"));
    clock.advance(900);
    expect((await store.get("c1"))?.list?.searchId).toBe("s1");
    await store.set("c1", state("s2"));
    clock.advance(900);
    expect((await store.get("c1"))?.list?.searchId).toBe("s2");
    clock.advance(101);
    expect(await store.get("c1")).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it("drops the least recently written conversations beyond its bound", async () => {
    const store = new InMemoryConversationStore(new ManualClock(), 60_000, 2);
    await store.set("a", state("1"));
    await store.set("b", state("2"));
    await store.set("a", state("3"));
    await store.set("c", state("4"));
    expect(await store.get("b")).toBeUndefined();
    expect((await store.get("a"))?.list?.searchId).toBe("3");
    expect((await store.get("c"))?.list?.searchId).toBe("4");
  });
});
