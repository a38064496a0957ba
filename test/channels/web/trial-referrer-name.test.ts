// The trial-mode referrer named in triage, end to end over real HTTP: in trial mode (no sign-in,
// loopback) the referral form asks the referrer for their name (and, optionally, role or team),
// refuses to send without it, stores it with the referral, and the triage team reads it in
// GET /api/inbox/triage marked as given in trial mode and not verified, beside the web:trial- id,
// never as who the referrer is. The next form in the conversation already has it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Reply } from "../../../src/conversation/reply.js";
import { syntheticPeople, syntheticReferrerName as referrerName } from "../../support/synthetic-referral.js";
import type { WebClient } from "../../support/web-client.js";
import { expectError } from "./support/expect-error.js";
import { startWebWorld, type WebWorld } from "./support/web-world.js";

const fields = {
  person: syntheticPeople[5],
  phone: "0116 496 0778",
  age: "81",
  area: "melton",
  needs: "home-safety",
  whatMatters: "Feeling safe at home",
  urgency: "routine",
  consent: "true",
};

let world: WebWorld;
beforeAll(async () => {
  world = await startWebWorld({ trialRoles: ["triage"] });
});
afterAll(() => world.close());

async function chat(client: WebClient, body: Record<string, unknown>): Promise<Reply> {
  return (await (await client.chat(body)).json()) as Reply;
}

const field = (reply: Reply, name: string) => reply.form?.fields.find((f) => f.name === name);

describe("a referral made in trial mode", () => {
  it("asks for the referrer's name first, refuses to send without it, and tells triage the name as given, not verified", async () => {
    const referrer = world.client();
    const opened = await chat(referrer, { conversationId: "trial-1", text: "refer someone to First Contact" });
    expect(opened.form?.fields.slice(0, 2).map((f) => [f.name, f.label, f.required])).toEqual([
      ["referrerName", "Your name", true],
      ["referrerRole", "Your role or team", false],
    ]);
    expect(field(opened, "referrerName")?.hint).toMatch(/not verified/);

    // Without the name: that error beside the field, with the rest, and nothing stored.
    const before = await world.db.selectFrom("referrals").select("id").execute();
    const refused = await chat(referrer, { conversationId: "trial-1", action: { id: "submit_form", value: opened.form?.value, fields: { ...fields, referrerRole: "Social prescriber, Melton PCN" } } });
    expect(refused.form?.errors).toEqual({ referrerName: "Please give your name, so First Contact Plus can call you back." });
    expect(field(refused, "referrerRole")?.value).toBe("Social prescriber, Melton PCN");
    expect(await world.db.selectFrom("referrals").select("id").execute()).toHaveLength(before.length);

    const sent = await chat(referrer, {
      conversationId: "trial-1",
      action: { id: "submit_form", value: refused.form?.value, fields: { ...fields, referrerName: ` ${referrerName} `, referrerRole: "Social prescriber, Melton PCN" } },
    });
    const reference = /FC-[0-9A-Z]{6}/.exec(sent.text.join(" "))?.[0];
    expect(reference).toBeDefined();

    // Stored with the referral as the referrer's display name, flagged as given; the id stays the trial one.
    const row = await world.db.selectFrom("referrals").selectAll().where("reference", "=", reference!).executeTakeFirstOrThrow();
    expect(row.referrer_id).toMatch(/^web:trial-/);
    expect(row.referrer_name).toBe(`${referrerName}, Social prescriber, Melton PCN`);
    expect(Number(row.referrer_name_given)).toBe(1);

    // What triage got.
    await world.sender.runOnce();
    const triage = world.client();
    await triage.fetch("/api/session");
    const { messages } = (await (await triage.fetch("/api/inbox/triage")).json()) as { messages: string[] };
    const message = messages.find((m) => m.includes(reference!)) ?? "";
    const first = message.split("\n")[0]!;
    expect(first).toBe(`New referral ${reference} (routine) from ${referrerName}, Social prescriber, Melton PCN (given in trial mode, not verified) (user:${row.referrer_id}).`);
    expect(message).toContain(`Agreement confirmed by ${referrerName}, Social prescriber, Melton PCN (given in trial mode, not verified) (${row.referrer_id}) at`);

    // The name is never who they are: the session still has none, and the page says trial mode.
    expect(await (await referrer.fetch("/api/session")).json()).toEqual({ mode: "trial", roles: ["triage"] });

    // Given once: the next form in the conversation already has it.
    const next = await chat(referrer, { conversationId: "trial-1", text: "refer someone else to First Contact" });
    expect(field(next, "referrerName")?.value).toBe(` ${referrerName} `);
    expect(field(next, "referrerRole")?.value).toBe("Social prescriber, Melton PCN");
  });

  it("lets no request say it is, or is not, in trial mode", async () => {
    const client = world.client();
    await expectError(await client.chat({ conversationId: "trial-2", text: "hello", trial: true }), 400, "BAD_REQUEST", /^trial: is set by the server from your session, so leave it out\.$/);
  });
});
