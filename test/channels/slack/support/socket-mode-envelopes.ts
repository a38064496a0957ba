/**
 * Envelopes as Slack delivers them over Socket Mode
 * (docs.slack.dev/apis/events-api/using-socket-mode): the same payloads as over
 * HTTP, from ../shared/fixtures/slack/, wrapped in {envelope_id, type, payload,
 * accepts_response_payload}. A slash command's form fields arrive as a JSON
 * object of the same string fields; interactivity's `payload` field arrives
 * parsed; an Events API body arrives as it is, with retry_attempt/retry_reason.
 */
import { randomUUID } from "node:crypto";
import type { Envelope } from "./socket-mode-server.js";
import type { Body } from "./slack-payloads.js";
import { fixture } from "./slack-requests.js";

type Json = Record<string, unknown>;

export function slashCommandEnvelope(overrides: Record<string, string>): Envelope {
  const { fields } = fixture<{ fields: Record<string, string> }>("slash_command.docs.json");
  return { envelope_id: randomUUID(), type: "slash_commands", payload: { ...fields, command: "/signpost", ...overrides }, accepts_response_payload: true };
}

/** An Events API body (a JSON Body from slack-payloads) as an events_api envelope; a retry carries Slack's attempt and reason. */
export function eventsApiEnvelope(body: Body, retry: { attempt: number; reason: string } = { attempt: 0, reason: "" }): Envelope {
  return { envelope_id: randomUUID(), type: "events_api", payload: JSON.parse(body.raw) as Json, accepts_response_payload: false, retry_attempt: retry.attempt, retry_reason: retry.reason };
}

/** An interactivity Body from slack-payloads (`payload=<JSON>`) as an interactive envelope. */
export function interactiveEnvelope(body: Body): Envelope {
  const payload = new URLSearchParams(body.raw).get("payload");
  if (payload === null) throw new Error("not an interactivity body");
  return { envelope_id: randomUUID(), type: "interactive", payload: JSON.parse(payload) as Json, accepts_response_payload: true };
}
