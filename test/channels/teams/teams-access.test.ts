// Who may talk to the bot: activities from a tenant not on the allowlist (read from both
// conversation.tenantId and channelData.tenant.id) are dropped with nothing sent, and with
// an app id set every request needs a valid Bot Framework token (none: 401, nothing sent).
import type { Activity } from "botbuilder";
import { createSign, generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { channelMention, executeInvoke, personalMessage } from "./support/teams-fixtures.js";
import { startTeamsHarness, type TeamsHarness } from "./support/teams-harness.js";

describe("the tenant allowlist", () => {
  let harness: TeamsHarness;
  beforeAll(async () => {
    harness = await startTeamsHarness({ settings: { allowedTenantIds: new Set(["50612dbb-0237-4969-b378-8d42590f9c00"]) } });
  });
  afterAll(() => harness.close());

  const withTenants = (activity: Partial<Activity>, conversationTenant: string | undefined, channelDataTenant: string | undefined): Partial<Activity> => ({
    ...activity,
    conversation: { ...activity.conversation!, tenantId: conversationTenant as string },
    channelData: { ...(activity.channelData as object), tenant: channelDataTenant === undefined ? undefined : { id: channelDataTenant } },
  });

  it("answers its own tenant", async () => {
    await harness.post(channelMention(harness.serviceUrl, "befriending in Melton"));
    expect(harness.connector.calls).toHaveLength(1);
  });

  it.each([
    ["another tenant in both places", "72f988bf-86f1-41af-91ab-2d7cd011db47", "72f988bf-86f1-41af-91ab-2d7cd011db47"],
    ["another tenant in channelData only", "50612dbb-0237-4969-b378-8d42590f9c00", "72f988bf-86f1-41af-91ab-2d7cd011db47"],
    ["another tenant in the conversation only", "72f988bf-86f1-41af-91ab-2d7cd011db47", "50612dbb-0237-4969-b378-8d42590f9c00"],
    ["no tenant at all", undefined, undefined],
  ])("drops a message from %s, sending nothing and storing nothing", async (_name, conversationTenant, channelDataTenant) => {
    const before = harness.connector.calls.length;
    const activity = withTenants(channelMention(harness.serviceUrl, "befriending in Melton"), conversationTenant, channelDataTenant);
    const { status } = await harness.post({ ...activity, conversation: { ...activity.conversation!, id: "19:other@thread.tacv2" } });
    expect(status).toBe(200);
    expect(harness.connector.calls.length).toBe(before);
    expect(await harness.references.find("19:other@thread.tacv2")).toBeUndefined();
  });

  it("drops an invoke from another tenant (the personal capture's tenant is not allowed here)", async () => {
    const before = harness.connector.calls.length;
    const { status } = await harness.post(executeInvoke(harness.serviceUrl, { signpost: { id: "details", value: "local-area-coordinators" } }));
    expect(status).not.toBe(200);
    expect(harness.connector.calls.length).toBe(before);
    expect(JSON.stringify(harness.logs())).toMatch(/tenant not on the allowlist dropped/);
  });
});

describe("authentication with an app id", () => {
  let harness: TeamsHarness;
  beforeAll(async () => {
    harness = await startTeamsHarness({
      settings: { appId: "00000000-0000-4000-8000-000000000001", appPassword: "test-password-not-real", tenantId: "72f988bf-86f1-41af-91ab-2d7cd011db47", allowedTenantIds: new Set() },
    });
  });
  afterAll(() => harness.close());

  it("refuses a request without a Bot Framework token, and sends nothing", async () => {
    const { status, body } = await harness.post(personalMessage(harness.serviceUrl, "lonely widower in Loughborough"));
    expect(status).toBe(401);
    expect(body).toEqual({ error: { code: "UNAUTHORIZED", message: "The request's Bot Framework token is missing or invalid." } });
    expect(harness.connector.calls).toHaveLength(0);
  });

  it("refuses a forged token, signed and well formed, with 401 and one log line, even when the signing keys cannot be fetched", async () => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: "RS256", typ: "JWT", kid: "forged-key-1" };
    const claims = { iss: "https://api.botframework.com", aud: "00000000-0000-4000-8000-000000000001", serviceurl: harness.serviceUrl, nbf: now - 60, exp: now + 3600 };
    const unsigned = `${Buffer.from(JSON.stringify(header)).toString("base64url")}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}`;
    const token = `${unsigned}.${createSign("RSA-SHA256").update(unsigned).sign(privateKey).toString("base64url")}`;
    const printed = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const before = harness.logs().length;
      const { status, body } = await harness.post(personalMessage(harness.serviceUrl, "lonely widower in Loughborough"), { authorization: `Bearer ${token}` });
      expect(status).toBe(401);
      expect(body).toEqual({ error: { code: "UNAUTHORIZED", message: "The request's Bot Framework token is missing or invalid." } });
      const logged = harness.logs().slice(before).filter((line) => line.msg !== "request");
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({ msg: "Teams request refused: its Bot Framework token could not be validated" });
      expect(JSON.stringify(logged)).not.toMatch(/\bat .*:\d+:\d+/);
      expect(printed).not.toHaveBeenCalled();
      expect(harness.connector.calls).toHaveLength(0);
    } finally {
      printed.mockRestore();
    }
  });

  it("refuses an expired token before botbuilder sees it, printing nothing", async () => {
    const expired = { aud: "00000000-0000-4000-8000-000000000001", exp: Math.floor(Date.now() / 1000) - 3600 };
    const token = `${Buffer.from('{"alg":"RS256","kid":"k"}').toString("base64url")}.${Buffer.from(JSON.stringify(expired)).toString("base64url")}.c2lnbmF0dXJl`;
    const printed = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const { status } = await harness.post(personalMessage(harness.serviceUrl, "hello"), { authorization: `Bearer ${token}` });
      expect(status).toBe(401);
      expect(printed).not.toHaveBeenCalled();
    } finally {
      printed.mockRestore();
    }
  });

  it("refuses a token that is not even a JWT", async () => {
    const forged = `Bearer ${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from('{"aud":"x"}').toString("base64url")}.`;
    const { status } = await harness.post(personalMessage(harness.serviceUrl, "lonely widower in Loughborough"), { authorization: forged });
    expect(status).toBe(401);
    expect(harness.connector.calls).toHaveLength(0);
  });
});

describe("requests that are not activities", () => {
  let harness: TeamsHarness;
  beforeAll(async () => {
    harness = await startTeamsHarness();
  });
  afterAll(() => harness.close());

  it("answers 400 for a body that is not JSON or not an activity, and 413 over 256 KB", async () => {
    const url = harness.serviceUrl; // any activity needs a service URL; these never reach the bot
    expect(url).toMatch(/^http:/);
    const post = (body: string) => fetch(`${harness.messagesUrl}`, { method: "POST", headers: { "content-type": "application/json" }, body });
    expect((await post("{not json")).status).toBe(400);
    expect((await post("[1,2]")).status).toBe(400);
    expect((await post(JSON.stringify({ text: "no type" }))).status).toBe(400);
    expect((await post(JSON.stringify({ type: "message", text: "x".repeat(300 * 1024) }))).status).toBe(413);
    expect(harness.connector.calls).toHaveLength(0);
  });

  it("tells the user when a message is longer than the core accepts", async () => {
    await harness.post(personalMessage(harness.serviceUrl, "lonely ".repeat(3000)));
    expect(JSON.stringify(harness.connector.calls[0]?.body)).toMatch(/too long for me/);
  });
});
