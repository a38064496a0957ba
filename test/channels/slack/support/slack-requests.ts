/**
 * Requests as Slack sends them, built from the payloads in ../shared/fixtures/slack/:
 * form-encoded slash commands and interactivity (one `payload` field of JSON),
 * JSON event envelopes, each signed with v0 HMAC-SHA256 over
 * `v0:<timestamp>:<raw body>` and the X-Slack-Request-Timestamp / X-Slack-Signature headers.
 */
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

export const fixturesDir = path.join(import.meta.dirname, "../../../../../shared/fixtures/slack");

export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(path.join(fixturesDir, name), "utf8")) as T;
}

export function sign(secret: string, timestamp: string, rawBody: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${rawBody}`).digest("hex")}`;
}

export const form = "application/x-www-form-urlencoded";

/** A slash command's body: the fixture's fields with some replaced, encoded as Slack encodes them. */
export function commandBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

/** An interactivity body: `payload=<JSON>`. */
export function interactivityBody(payload: unknown): string {
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

export interface SentRequest {
  readonly status: number;
  readonly text: string;
  readonly ms: number;
}

/** Sends one signed request to /slack/events, as Slack does; `headers` can add, or (with undefined) remove, headers. */
export async function sendToSlackEndpoint(
  baseUrl: string,
  secret: string,
  rawBody: string,
  contentType: string,
  headers: Record<string, string | undefined> = {},
  timestamp = String(Math.floor(Date.now() / 1000)),
): Promise<SentRequest> {
  const all: Record<string, string | undefined> = {
    "content-type": contentType,
    "x-slack-request-timestamp": timestamp,
    "x-slack-signature": sign(secret, timestamp, rawBody),
    "user-agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
    ...headers,
  };
  const sent = Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => e[1] !== undefined));
  const started = performance.now();
  const response = await fetch(`${baseUrl}/slack/events`, { method: "POST", headers: sent, body: rawBody });
  return { status: response.status, text: await response.text(), ms: performance.now() - started };
}
