// The web chat's API over real HTTP, through the real Hono app and the real conversation core, as a
// browser in trial mode uses it (a session cookie the server sets): POST /api/chat (good messages,
// button round trips, every kind of bad request) and GET /api/chat/inbox (a referral's status changes,
// delivered once, to its own conversation only).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Bot } from "../../../src/conversation/bot.js";
import type { Reply } from "../../../src/conversation/reply.js";
import { syntheticPeople } from "../../support/synthetic-referral.js";
import { triageUserId } from "../../support/test-referrals.js";
import type { WebClient } from "../../support/web-client.js";
import { expectError, stackTrace } from "./support/expect-error.js";
import { startWebWorld, type WebWorld } from "./support/web-world.js";

let world: WebWorld;
let browser: WebClient;
beforeAll(async () => {
  world = await startWebWorld();
  browser = world.client();
});
afterAll(() => world.close());

const reply = async (response: Response): Promise<Reply> => {
  expect(response.status).toBe(200);
  return (await response.json()) as Reply;
};

describe("POST /api/chat", () => {
  it("answers a text message with service cards, never to be cached, and gives the browser a session", async () => {
    const fresh = world.client();
    const response = await fresh.chat({ conversationId: "web-1", text: "lonely widower in Loughborough" });
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.clone().text();
    expect(text).not.toMatch(stackTrace);
    const answer = await reply(response);
    expect(answer).toMatchObject({ conversationId: "web-1", intent: "find_service", urgent: false });
    expect(answer.cards.length).toBeGreaterThan(0);
    for (const card of answer.cards) expect(card.areas.map((area) => area.id)).toContain("charnwood");
    expect([...fresh.cookies.keys()]).toEqual(["signpost_session"]);
    const cookie = response.headers.getSetCookie()[0] ?? "";
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/); // http on loopback
  });

  it("carries a button's value from one reply into the next request", async () => {
    const first = await reply(await browser.chat({ conversationId: "web-2", text: "lonely widower in Loughborough" }));
    const card = first.cards[0];
    const details = card?.actions.find((action) => action.id === "details");
    expect(details).toBeDefined();
    const next = await reply(await browser.chat({ conversationId: "web-2", action: { id: "details", value: details?.value } }));
    expect(next.intent).toBe("action");
    expect(next.cards).toHaveLength(1);
    expect(next.cards[0]?.name).toBe(card?.name);
  });

  it("pages through a search with show_more, and says so when a button's list has expired", async () => {
    const first = await reply(await browser.chat({ conversationId: "web-3", text: "carer support" }));
    const more = first.actions.find((action) => action.id === "show_more");
    expect(more).toBeDefined();
    const next = await reply(await browser.chat({ conversationId: "web-3", action: { id: "show_more", value: more?.value } }));
    expect(next.cards.length).toBeGreaterThan(0);
    expect(next.cards.map((card) => card.id)).not.toContain(first.cards[0]?.id);
    const stale = await reply(await browser.chat({ conversationId: "web-3", action: { id: "show_more", value: "not-a-search-id" } }));
    expect(stale.text.join(" ")).toMatch(/expired/);
  });

  it("keeps each person's conversations apart, even under the same tab id", async () => {
    const other = world.client();
    await reply(await browser.chat({ conversationId: "shared-tab", text: "carer support" }));
    const theirs = await reply(await other.chat({ conversationId: "shared-tab", text: "show more" }));
    expect(theirs.cards).toEqual([]);
    expect(theirs.text.join(" ")).not.toMatch(/more services/);
  });

  it("submits the report-outdated form as an action with fields, reported by the session's person", async () => {
    const first = await reply(await browser.chat({ conversationId: "web-4", text: "lonely widower in Loughborough" }));
    const serviceId = first.cards[0]?.id ?? "";
    const opened = await reply(await browser.chat({ conversationId: "web-4", action: { id: "report_outdated", value: serviceId } }));
    expect(opened.form).toMatchObject({ id: "report_outdated", value: `report_outdated:${serviceId}` });
    const value = opened.form!.value;
    const empty = await reply(await browser.chat({ conversationId: "web-4", action: { id: "submit_form", value, fields: { details: "" } } }));
    expect(empty.form?.errors).toHaveProperty("details");
    await reply(await browser.chat({ conversationId: "web-4", action: { id: "submit_form", value, fields: { details: "The group has moved to Thursdays." } } }));
    expect(world.reports.at(-1)).toMatchObject({ serviceId, channel: "web" });
    expect(world.reports.at(-1)?.reportedBy).toMatch(/^web:trial-[0-9a-f-]{36}$/);
  });

  it("answers an emergency with the urgent reply and no cards", async () => {
    const answer = await reply(await browser.chat({ conversationId: "web-5", text: "he says he wants to end his life" }));
    expect(answer.urgent).toBe(true);
    expect(answer.cards).toEqual([]);
    expect(answer.text.join(" ")).toMatch(/999/);
  });

  it("refuses malformed JSON", async () => {
    await expectError(await browser.fetch("/api/chat", { json: '{"conversationId": "web-6", "text": ' }), 400, "BAD_REQUEST", /^The request body is not valid JSON\.$/);
    await expectError(await browser.fetch("/api/chat", { method: "POST", headers: { "content-type": "application/json" }, body: "" }), 400, "BAD_REQUEST", /^The request body is not valid JSON\.$/);
  });

  it.each([
    ["an array", "[]"],
    ["a string", '"hello"'],
    ["null", "null"],
  ])("refuses a body that is %s rather than an object", async (_label, body) => {
    await expectError(await browser.fetch("/api/chat", { json: body }), 400, "BAD_REQUEST", /must be a JSON object/);
  });

  it.each([
    ["a missing conversationId", { text: "hello" }, /^conversationId: is required\.$/],
    ["an empty conversationId", { conversationId: "  ", text: "hello" }, /^conversationId: must not be empty\.$/],
    ["a conversationId with other characters", { conversationId: "a/b", text: "hello" }, /^conversationId: must be letters, digits, - or _\.$/],
    ["a conversationId over 64 characters", { conversationId: "c".repeat(65), text: "hello" }, /^conversationId: must be at most 64 characters\.$/],
    ["both text and an action", { conversationId: "c", text: "hello", action: { id: "details", value: "x" } }, /^Send either text or an action, not both/],
    ["neither text nor an action", { conversationId: "c" }, /^Send either text or an action/],
    ["an unknown action id", { conversationId: "c", action: { id: "delete_everything", value: "x" } }, /^action\.id: must be one of refer, show_more,/],
    ["an unknown field", { conversationId: "c", text: "hello", admin: true }, /^Unknown field admin/],
    ["an action that is not an object", { conversationId: "c", action: "details" }, /^action: must be an object\.$/],
    ["a form field that is not a string", { conversationId: "c", action: { id: "submit_form", value: "x", fields: { details: 5 } } }, /^action\.fields\.details: must be a string\.$/],
    ["a form field name over 100 characters", { conversationId: "c", action: { id: "submit_form", value: "x", fields: { ["k".repeat(101)]: "v" } } }, /^action\.fields: has a field name longer than 100 characters\.$/],
    ["an over-long text", { conversationId: "c", text: "a".repeat(20_001) }, /^text: must be at most 20000 characters\.$/],
  ])("refuses %s with a 400 naming the field", async (_label, body, message) => {
    await expectError(await browser.chat(body), 400, "BAD_REQUEST", message);
  });

  it.each([
    ["channel", "slack"],
    ["team", "first-contact"],
    ["userId", triageUserId],
    ["userName", "Triage Lead"],
    ["roles", ["triage"]],
  ])("refuses a client-supplied %s, whatever its value: who is asking is the session's to say", async (field, value) => {
    await expectError(await browser.chat({ [field]: value, conversationId: "c", text: "all open referrals" }), 400, "BAD_REQUEST", new RegExp(`^${field}: is set by the server`));
  });

  it("refuses a body over 64 KB with a 413", async () => {
    await expectError(await browser.chat({ conversationId: "c", text: "a".repeat(70 * 1024) }), 413, "TOO_LARGE", /too large/);
    // Without a Content-Length the body is counted as it streams.
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 80; i++) controller.enqueue(new TextEncoder().encode("a".repeat(1024)));
        controller.close();
      },
    });
    const streamed = await browser.fetch("/api/chat", { method: "POST", headers: { "content-type": "application/json" }, body: chunks, duplex: "half" });
    await expectError(streamed, 413, "TOO_LARGE", /too large/);
  });

  it("never logs what was typed or the form's fields", async () => {
    const before = world.lines().length;
    await browser.chat({ conversationId: "web-7", text: "Mrs Patel is lonely in Oakham" });
    await browser.chat({ conversationId: "web-7", action: { id: "submit_form", value: "x", fields: { details: "Mr Okafor says it closed" } } });
    await browser.chat({ conversationId: "web-7", text: "Mrs Patel", channel: "slack" });
    await browser.chat({ conversationId: "", text: "Mrs Patel again" });
    const lines = world.lines().slice(before);
    expect(lines.filter((line) => line.msg === "request")).toHaveLength(4);
    const logged = JSON.stringify(lines);
    expect(logged).toContain('"path":"/api/chat"');
    expect(logged).not.toMatch(/Patel|Oakham|Okafor|lonely/);
  });
});

describe("POST /api/chat while starting or failing", () => {
  it("says it is starting up (503) until the bot is ready", async () => {
    const starting = await startWebWorld({ bot: () => undefined });
    try {
      await expectError(await starting.client().chat({ conversationId: "c", text: "hello" }), 503, "NOT_READY", /^Signpost is still starting up\. Please try again in a few seconds\.$/);
    } finally {
      await starting.close();
    }
  });

  it("hides a failure inside the bot behind the app's general error", async () => {
    const failing: Bot = { handle: () => Promise.reject(new Error("conversation store at /srv/secret is down")) };
    const broken = await startWebWorld({ bot: () => failing });
    try {
      const response = await broken.client().chat({ conversationId: "c", text: "hello" });
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(text).not.toContain("/srv/secret");
      expect(text).not.toMatch(stackTrace);
    } finally {
      await broken.close();
    }
  });
});

describe("GET /api/chat/inbox", () => {
  const fields = {
    person: syntheticPeople[2],
    phone: "0116 496 0777",
    age: "79",
    area: "charnwood",
    needs: "home-safety,affordable-warmth",
    whatMatters: "Feeling safe at home",
    urgency: "routine",
    consent: "true",
    // Trial mode: the referrer gives their own name (src/conversation/given-referrer.ts).
    referrerName: "Sam Tester",
  };

  it("gives a conversation its unread status changes once, only to its own person", async () => {
    const conversationId = "web-inbox-1";
    const opened = await reply(await browser.chat({ conversationId, text: "refer someone to First Contact" }));
    expect(opened).toMatchObject({ private: true, form: { id: "referral" } });
    const sent = await reply(await browser.chat({ conversationId, action: { id: "submit_form", value: opened.form?.value, fields } }));
    const reference = /FC-[0-9A-HJKMNP-TV-Z]{6}/.exec(sent.text.join(" "))?.[0] ?? "";
    expect(reference).not.toBe("");
    await world.sender.runOnce();

    const inbox = (client: WebClient, id = conversationId) => client.fetch(`/api/chat/inbox?conversationId=${id}`);
    expect(await (await inbox(browser)).json()).toEqual({ messages: [] });

    await world.referrals.move(reference, { status: "acknowledged" }, { userId: triageUserId, channel: "web", conversationId: "t" });
    await world.sender.runOnce();
    // Someone else asking for the same tab id sees nothing, and takes nothing.
    const stranger = world.client();
    await stranger.fetch("/api/session");
    expect(await (await inbox(stranger)).json()).toEqual({ messages: [] });

    const first = await inbox(browser);
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("no-store");
    const { messages } = (await first.json()) as { messages: string[] };
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(reference);
    expect(messages.join(" ")).not.toContain(syntheticPeople[2]);
    expect(await (await inbox(browser)).json()).toEqual({ messages: [] });
  });

  it("never gives two polls at once the same message", async () => {
    const user = world.client();
    await user.fetch("/api/session");
    const session = await world.sessions.find(user.cookies.get("signpost_session") ?? "");
    const conversation = `${session?.userId ?? ""}/race`;
    for (let i = 0; i < 20; i++) await world.inbox.add(world.inbox.newId(), conversation, `message ${i}`);
    const polls = await Promise.all(Array.from({ length: 8 }, () => user.fetch("/api/chat/inbox?conversationId=race").then((r) => r.json() as Promise<{ messages: string[] }>)));
    const all = polls.flatMap((p) => p.messages);
    expect(all.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `message ${i}`).sort());
  });

  it.each([
    ["no conversationId", "", /^conversationId: is required, for example \/api\/chat\/inbox\?conversationId=c1\.$/],
    ["an empty conversationId", "?conversationId=", /^conversationId: must not be empty\.$/],
    ["a conversationId over 64 characters", `?conversationId=${"c".repeat(65)}`, /^conversationId: must be at most 64 characters\.$/],
    ["another's conversation, by its full id", "?conversationId=first-contact-triage%2F", /^conversationId: must be letters, digits, - or _\.$/],
  ])("refuses %s with a 400 in one sentence", async (_label, query, message) => {
    const response = await browser.fetch(`/api/chat/inbox${query}`);
    await expectError(response, 400, "BAD_REQUEST", message);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 401 to a browser with no session, and does not start one", async () => {
    const nobody = world.client();
    await expectError(await nobody.fetch("/api/chat/inbox?conversationId=c1"), 401, "SIGN_IN_REQUIRED", /sign in/);
    expect(nobody.cookies.size).toBe(0);
  });
});
