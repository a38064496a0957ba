// The attacks from the identity issue, each against the real web channel over real HTTP: the triage
// inbox read without the role, a spoofed user id, a cross-site post, a foreign Host header, trial mode
// reached from another address, and a flood that meets 429 while another person's form survives.
import { networkInterfaces } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Reply } from "../../../src/conversation/reply.js";
import { syntheticPeople } from "../../support/synthetic-referral.js";
import { type WebClient, webClient } from "../../support/web-client.js";
import { expectError } from "./support/expect-error.js";
import { roomyLimits, startWebWorld, type WebWorld } from "./support/web-world.js";

// Trial mode: the referrer gives their own name (src/conversation/given-referrer.ts).
const form = (person: string) => ({
  referrerName: "Sam Tester",
  person,
  phone: "0116 496 0777",
  age: "79",
  area: "charnwood",
  needs: "home-safety",
  whatMatters: "Feeling safe at home",
  urgency: "routine",
  consent: "true",
});

async function sendReferral(client: WebClient, conversationId: string, person: string): Promise<string> {
  const opened = (await (await client.chat({ conversationId, text: "refer someone to First Contact" })).json()) as Reply;
  const sent = (await (await client.chat({ conversationId, action: { id: "submit_form", value: opened.form?.value, fields: form(person) } })).json()) as Reply;
  return /FC-[0-9A-HJKMNP-TV-Z]{6}/.exec(sent.text.join(" "))?.[0] ?? "";
}

describe("the triage and maintainers' inboxes", () => {
  let world: WebWorld;
  beforeAll(async () => {
    world = await startWebWorld();
  });
  afterAll(() => world.close());

  it("are not web chat conversations: naming one as a chat reads nothing and marks nothing read", async () => {
    const referrer = world.client();
    expect(await sendReferral(referrer, "ref-1", syntheticPeople[3])).not.toBe("");
    await world.sender.runOnce();
    const attacker = world.client();
    await attacker.fetch("/api/session");
    for (const query of ["first-contact-triage", "signpost-maintainers"]) {
      const response = await attacker.fetch(`/api/chat/inbox?conversationId=${query}`);
      expect(await response.json()).toEqual({ messages: [] });
    }
    // Still unread for the team it belongs to.
    const unread = await world.inbox.takeUnread("first-contact-triage");
    expect(unread.join(" ")).toContain(syntheticPeople[3]);
  });

  it("answer 404 to anyone without the role, exactly as for a path that does not exist", async () => {
    const nobody = world.client();
    await nobody.fetch("/api/session");
    for (const name of ["triage", "maintainers", "everything"]) {
      await expectError(await nobody.fetch(`/api/inbox/${name}`), 404, "NOT_FOUND", new RegExp(`^There is nothing at GET /api/inbox/${name}\\.$`));
    }
    await expectError(await nobody.fetch("/api/nothing-here"), 404, "NOT_FOUND", /^There is nothing at GET \/api\/nothing-here\.$/);
  });
});

describe("roles in trial mode, by TRIAL_ROLES only", () => {
  it("lets a trial session with the triage role read the triage inbox, once", async () => {
    const world = await startWebWorld({ trialRoles: ["triage"] });
    try {
      const referrer = world.client();
      await sendReferral(referrer, "ref-2", syntheticPeople[4]);
      await world.sender.runOnce();
      const triage = world.client();
      await triage.fetch("/api/session");
      const first = (await (await triage.fetch("/api/inbox/triage")).json()) as { messages: string[] };
      expect(first.messages.join(" ")).toContain(syntheticPeople[4]);
      expect(await (await triage.fetch("/api/inbox/triage")).json()).toEqual({ messages: [] });
      await expectError(await triage.fetch("/api/inbox/maintainers"), 404, "NOT_FOUND", /nothing at/);
    } finally {
      await world.close();
    }
  });
});

describe("a spoofed user id", () => {
  let world: WebWorld;
  beforeAll(async () => {
    world = await startWebWorld({ roles: { triage: new Set(["web:triage-1"]) } });
  });
  afterAll(() => world.close());

  it("is refused outright, and someone without the role lists and moves only what is theirs", async () => {
    const victim = world.client();
    const reference = await sendReferral(victim, "victim-1", syntheticPeople[5]);
    const attacker = world.client();
    await expectError(await attacker.chat({ userId: "web:triage-1", conversationId: "a", text: "all open referrals" }), 400, "BAD_REQUEST", /^userId: is set by the server/);
    const listed = (await (await attacker.chat({ conversationId: "a", text: "all open referrals" })).json()) as Reply;
    expect(listed.text.join(" ")).not.toContain(reference);
    const declined = (await (await attacker.chat({ conversationId: "a", text: `decline ${reference} because duplicate` })).json()) as Reply;
    expect(declined.text.join(" ")).toMatch(/can't find/);
    const status = (await (await attacker.chat({ conversationId: "a", text: `any update on ${reference}?` })).json()) as Reply;
    expect(status.text.join(" ")).toMatch(/can't find/);
    const still = (await (await victim.chat({ conversationId: "victim-1", text: `any update on ${reference}?` })).json()) as Reply;
    expect(still.text.join(" ")).toMatch(/submitted|sent/i);
  });
});

describe("what a browser can be made to send", () => {
  let world: WebWorld;
  beforeAll(async () => {
    world = await startWebWorld();
  });
  afterAll(() => world.close());

  it("refuses a text/plain post (a cross-site form or fetch needs no preflight for it) with 415, storing nothing", async () => {
    const browser = world.client();
    const response = await browser.fetch("/api/chat", { method: "POST", headers: { "content-type": "text/plain" }, body: JSON.stringify({ conversationId: "c", text: "refer someone" }) });
    await expectError(response, 415, "UNSUPPORTED_MEDIA_TYPE", /as JSON/);
    expect(browser.cookies.size).toBe(0);
    for (const type of ["application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json-patch+json"]) {
      expect((await browser.fetch("/api/chat", { method: "POST", headers: { "content-type": type }, body: "{}" })).status).toBe(415);
    }
  });

  it("refuses a post from another site's page (its Origin, or Sec-Fetch-Site: cross-site) with 403", async () => {
    const browser = world.client();
    for (const origin of ["https://evil.example", `http://localhost:${world.port + 1}`, "null", "http://127.0.0.1.evil.example"]) {
      await expectError(await browser.chat({ conversationId: "c", text: "hello" }, { origin }), 403, "FORBIDDEN_ORIGIN", /own page/);
    }
    await expectError(await browser.chat({ conversationId: "c", text: "hello" }, { "sec-fetch-site": "cross-site" }), 403, "FORBIDDEN_ORIGIN", /own page/);
    await expectError(await browser.fetch("/auth/sign-out", { method: "POST", headers: { origin: "https://evil.example" } }), 403, "FORBIDDEN_ORIGIN", /own page/);
    expect(browser.cookies.size).toBe(0);
  });

  it("accepts the page's own origin, by either loopback name", async () => {
    for (const host of ["127.0.0.1", "localhost"]) {
      const browser = world.client();
      const response = await browser.chat({ conversationId: "c", text: "hello" }, { origin: `http://${host}:${world.port}`, host: `${host}:${world.port}`, "sec-fetch-site": "same-origin" });
      expect(response.status).toBe(200);
    }
  });

  it("answers a foreign Host header (DNS rebinding) with 421 on every browser route, and never with data", async () => {
    const browser = world.client({ host: `rebind.evil.example:${world.port}` });
    for (const path of ["/", "/api/session", "/api/search?q=lonely", "/api/chat/inbox?conversationId=c", "/assets/chat.js"]) {
      await expectError(await browser.fetch(path), 421, "MISDIRECTED", /not one Signpost answers to/);
    }
    await expectError(await browser.chat({ conversationId: "c", text: "hello" }), 421, "MISDIRECTED", /not one Signpost answers to/);
    // Health checks come from load balancers by any name.
    expect((await browser.fetch("/healthz")).status).toBe(200);
  });

  it("never lets a search answer be cached", async () => {
    const response = await world.client().fetch("/api/search?q=lonely+in+Melton");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});

/** An address of this machine that is not loopback, so a request to it does not come from loopback. */
function externalAddress(): string {
  const found = Object.values(networkInterfaces())
    .flat()
    .find((i) => i !== undefined && i.family === "IPv4" && !i.internal);
  if (!found) throw new Error("this test needs a network interface other than loopback");
  return found.address;
}

describe("trial mode from anywhere but this computer", () => {
  let world: WebWorld;
  beforeAll(async () => {
    world = await startWebWorld({ host: "0.0.0.0" });
  });
  afterAll(() => world.close());

  it("refuses the page and every web API route, with a sentence, when reached over the network", async () => {
    const address = externalAddress();
    // Over the network, even naming a loopback host (as a proxy or a rebinding page might).
    const remote = webClient(`http://${address}:${world.port}`, { host: `127.0.0.1:${world.port}` });
    for (const path of ["/", "/api/session", "/api/search?q=lonely", "/api/chat/inbox?conversationId=c"]) {
      const response = await remote.fetch(path);
      expect(response.status, path).toBe(403);
      expect(await response.text()).toMatch(/only on the computer Signpost runs on/);
    }
    await expectError(await remote.chat({ conversationId: "c", text: "hi" }), 403, "LOCAL_ONLY", /only on the computer/);
    expect(remote.cookies.size).toBe(0);
  });

  it("refuses a loopback request that came through a proxy", async () => {
    const proxied = world.client({ "x-forwarded-for": "203.0.113.9" });
    await expectError(await proxied.chat({ conversationId: "c", text: "hi" }), 403, "LOCAL_ONLY", /only on the computer/);
  });

  it("still answers on loopback", async () => {
    expect((await world.client().chat({ conversationId: "c", text: "hi" })).status).toBe(200);
  });
});

describe("limits", () => {
  it("meets a flood with 429 and Retry-After, while another person's open form survives it", async () => {
    const world = await startWebWorld({ limits: { ...roomyLimits, chatTurnsPerMinute: 30, searchesPerMinute: 20 } });
    try {
      const colleague = world.client();
      const opened = (await (await colleague.chat({ conversationId: "mine", text: "refer someone to First Contact" })).json()) as Reply;
      expect(opened.form?.id).toBe("referral");

      const flooder = world.client();
      const statuses: number[] = [];
      let limited: Response | undefined;
      for (let i = 0; i < 60; i++) {
        const response = await flooder.chat({ conversationId: `flood-${i}`, text: "lonely in Melton" });
        statuses.push(response.status);
        if (response.status === 429) limited ??= response;
      }
      expect(statuses.filter((s) => s === 200)).toHaveLength(30);
      expect(statuses.filter((s) => s === 429)).toHaveLength(30);
      expect(Number(limited?.headers.get("retry-after"))).toBeGreaterThan(0);
      await expectError(limited!, 429, "RATE_LIMITED", /^That is more than Signpost allows in a short time, so I have not done it\. Please wait \d+ seconds and try again\.$/);

      // Anonymous searches from one address meet their own limit.
      const searches = await Promise.all(Array.from({ length: 90 }, () => fetch(`${world.base}/api/search?q=lonely`).then((r) => r.status)));
      expect(searches.filter((s) => s === 429).length).toBeGreaterThan(0);

      const sent = (await (await colleague.chat({ conversationId: "mine", action: { id: "submit_form", value: opened.form?.value, fields: form(syntheticPeople[6]) } })).json()) as Reply;
      expect(sent.text.join(" ")).toMatch(/Referral FC-[0-9A-Z]{6} has been sent/);
    } finally {
      await world.close();
    }
  });

  it("limits referrals, lookups by reference and outdated-details reports per person, in a sentence", async () => {
    const world = await startWebWorld({ limits: { ...roomyLimits, referralsPerHour: 1, referenceLookupsPerHour: 3, feedbackReportsPerHour: 1 } });
    try {
      const person = world.client();
      const reference = await sendReferral(person, "r1", syntheticPeople[7]);
      expect(reference).not.toBe("");
      const opened = (await (await person.chat({ conversationId: "r2", text: "refer someone to First Contact" })).json()) as Reply;
      const second = await person.chat({ conversationId: "r2", action: { id: "submit_form", value: opened.form?.value, fields: form(syntheticPeople[8]) } });
      await expectError(second, 429, "RATE_LIMITED", /Please wait \d+ minutes/);
      expect(await world.referrals.list({ userId: "web:nobody", channel: "web", conversationId: "x", roles: ["triage"] }, { scope: "triage", openOnly: false })).toHaveLength(1);

      for (let i = 0; i < 3; i++) expect((await person.chat({ conversationId: "r3", text: `any update on FC-AAAAA${i}?` })).status).toBe(200);
      await expectError(await person.chat({ conversationId: "r3", text: "any update on FC-AAAAA9?" }), 429, "RATE_LIMITED", /wait/);

      const found = (await (await person.chat({ conversationId: "r4", text: "lonely in Melton" })).json()) as Reply;
      const id = found.cards[0]?.id ?? "";
      const report = (details: string) => person.chat({ conversationId: "r4", action: { id: "submit_form", value: `report_outdated:${id}`, fields: { details } } });
      expect((await report("Moved to Thursdays.")).status).toBe(200);
      await expectError(await report("Closed now."), 429, "RATE_LIMITED", /wait/);
      expect(world.reports).toHaveLength(1);
    } finally {
      await world.close();
    }
  });
});
