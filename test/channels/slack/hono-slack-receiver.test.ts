// The HTTP receiver on a real Hono server: Slack's documented signing example
// is accepted at its own moment and refused as stale now; bad signatures,
// tampered bodies, future timestamps and missing headers are refused before
// Bolt sees anything; url_verification and ssl_check are answered directly.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkSlackSignature } from "../../../src/channels/slack/verify-slack-signature.js";
import { type SlackHarness, signingSecret, startSlackHarness } from "./support/slack-harness.js";
import { slashCommand } from "./support/slack-payloads.js";
import { fixture, form, sendToSlackEndpoint, sign } from "./support/slack-requests.js";

interface SignedExample {
  signing_secret: string;
  headers: Record<string, string>;
  raw_body: string;
  fields: Record<string, string>;
}

const example = fixture<SignedExample>("signed_request.slash_command.docs.json");
const exampleTimestamp = Number(example.headers["X-Slack-Request-Timestamp"]);

describe("Slack's documented signing example", () => {
  let harness: SlackHarness;
  beforeAll(async () => {
    harness = await startSlackHarness({ commandName: example.fields.command!, now: () => (exampleTimestamp + 10) * 1000 });
  });
  afterAll(() => harness.close());

  it("verifies with Bolt's helper and our window", () => {
    expect(example.signing_secret).toBe(signingSecret);
    const input = { signingSecret, rawBody: example.raw_body, signature: example.headers["X-Slack-Signature"], timestamp: String(exampleTimestamp) };
    expect(checkSlackSignature({ ...input, nowMs: exampleTimestamp * 1000 })).toEqual({ ok: true });
    expect(checkSlackSignature({ ...input, nowMs: (exampleTimestamp + 301) * 1000 })).toMatchObject({ ok: false, status: 401 });
    expect(checkSlackSignature({ ...input, nowMs: (exampleTimestamp - 301) * 1000 })).toMatchObject({ ok: false, status: 401 });
    expect(sign(signingSecret, String(exampleTimestamp), example.raw_body)).toBe(example.headers["X-Slack-Signature"]);
  });

  it("is accepted byte for byte at its own moment and answered to the person only", async () => {
    const sent = await sendToSlackEndpoint(harness.baseUrl, "not-used", example.raw_body, example.headers["Content-Type"]!, {
      "x-slack-signature": example.headers["X-Slack-Signature"],
      "x-slack-request-timestamp": example.headers["X-Slack-Request-Timestamp"],
    });
    expect(sent.status).toBe(200);
    expect(sent.text).toBe("");
    const [ephemeral] = await harness.recorder.waitFor("chat.postEphemeral");
    expect(ephemeral!.args).toMatchObject({ channel: example.fields.channel_id, user: example.fields.user_id });
    expect(ephemeral!.authorization).toBe("Bearer xoxb-test-token");
  });
});

describe("requests that are not from Slack", () => {
  let harness: SlackHarness;
  beforeAll(async () => {
    harness = await startSlackHarness();
  });
  afterAll(() => harness.close());

  const body = slashCommand({ text: "lonely widower in Loughborough" });
  const now = () => String(Math.floor(Date.now() / 1000));

  it.each([
    ["a signature made with another secret", { "x-slack-signature": sign("another-secret-entirely", now(), body.raw) }, 401],
    ["a signature of another body", { "x-slack-signature": sign(signingSecret, now(), `${body.raw}&text=tampered`) }, 401],
    ["an unknown signature version", { "x-slack-signature": sign(signingSecret, now(), body.raw).replace("v0=", "v1=") }, 401],
    ["no signature", { "x-slack-signature": undefined }, 400],
    ["no timestamp", { "x-slack-request-timestamp": undefined }, 400],
    ["no headers at all", { "x-slack-signature": undefined, "x-slack-request-timestamp": undefined }, 400],
    ["a timestamp that is not a number", { "x-slack-request-timestamp": "yesterday" }, 400],
  ])("refuses %s", async (_name, headers, status) => {
    const sent = await harness.send(body.raw, body.contentType, headers);
    expect(sent.status).toBe(status);
  });

  it("refuses a correctly signed request older than five minutes (a replay) or from the future", async () => {
    const old = String(Math.floor(Date.now() / 1000) - 301);
    expect((await harness.send(body.raw, body.contentType, {}, old)).status).toBe(401);
    const future = String(Math.floor(Date.now() / 1000) + 301);
    expect((await harness.send(body.raw, body.contentType, {}, future)).status).toBe(401);
  });

  it("answers url_verification with the challenge, only when signed", async () => {
    const challenge = fixture("url_verification.docs.json");
    const raw = JSON.stringify(challenge);
    const sent = await harness.send(raw, "application/json");
    expect(sent.status).toBe(200);
    expect(JSON.parse(sent.text)).toEqual({ challenge: challenge.challenge });
    expect((await harness.send(raw, "application/json", { "x-slack-signature": undefined })).status).toBe(400);
  });

  it("answers ssl_check with 200 and does nothing else", async () => {
    const { raw_body: raw } = fixture<{ raw_body: string }>("ssl_check.bolt-python.json");
    const sent = await sendToSlackEndpoint(harness.baseUrl, "unsigned", raw, form, { "x-slack-signature": undefined, "x-slack-request-timestamp": undefined });
    expect(sent.status).toBe(200);
  });

  it("refuses a signed body that is not JSON", async () => {
    expect((await harness.send("{not json", "application/json")).status).toBe(400);
  });

  it("never called Slack for any of them", () => {
    // Each was answered before it could reach Bolt (refused, or answered by the receiver itself), so nothing is still running to call Slack later.
    expect(harness.recorder.calls.filter((c) => c.method !== "auth.test")).toEqual([]);
  });
});

describe("a captured request sent again", () => {
  let harness: SlackHarness;
  beforeAll(async () => {
    harness = await startSlackHarness();
  });
  afterAll(() => harness.close());

  it("is answered once: the same signed slash command within the window is acknowledged and dropped", async () => {
    const captured = slashCommand({ text: "lonely widower in Loughborough" });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const first = await harness.send(captured.raw, captured.contentType, {}, timestamp);
    expect(first.status).toBe(200);
    await harness.recorder.waitFor("chat.postEphemeral", 1);
    for (let replay = 0; replay < 3; replay++) {
      const again = await harness.send(captured.raw, captured.contentType, {}, timestamp);
      expect(again.status).toBe(200);
      expect(again.text).toBe("");
    }
    // A different command afterwards is answered; by then a replay, had it got through, would have been too.
    const other = slashCommand({ text: "carer support in Melton" });
    expect((await harness.send(other.raw, other.contentType)).status).toBe(200);
    const ephemerals = await harness.recorder.waitFor("chat.postEphemeral", 2);
    expect(ephemerals).toHaveLength(2);
    expect(JSON.stringify(harness.lines())).toMatch(/Slack request replayed; dropped/);
  });
});

describe("when the requests already handled cannot be checked", () => {
  it("refuses a request with 503, so Slack tries again later, rather than risk answering a replay", async () => {
    const harness = await startSlackHarness();
    try {
      await harness.db.destroy();
      const body = slashCommand({ text: "lonely widower in Loughborough" });
      expect((await harness.send(body.raw, body.contentType)).status).toBe(503);
      expect(harness.lines().map((line) => line.msg)).toContain("could not check a Slack request against those already handled; refused");
      expect(harness.recorder.calls.filter((c) => c.method !== "auth.test")).toEqual([]);
    } finally {
      await harness.close();
    }
  });
});
