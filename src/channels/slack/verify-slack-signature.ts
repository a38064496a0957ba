/**
 * Is this request from Slack? Slack signs `v0:<timestamp>:<raw body>` with the
 * app's signing secret (HMAC-SHA256, hex, "v0=" prefix). Requests without the
 * headers are malformed (400); a wrong signature, or a timestamp more than five
 * minutes from now either way (a replay), is refused (401). The comparison is
 * Bolt's own helper, which is constant-time.
 */
import { verifySlackRequest } from "@slack/bolt";

export type SignatureCheck = { readonly ok: true } | { readonly ok: false; readonly status: 400 | 401; readonly reason: string };

export const replayWindowSeconds = 5 * 60;

export function checkSlackSignature(input: {
  readonly signingSecret: string;
  readonly rawBody: string;
  readonly signature: string | undefined;
  readonly timestamp: string | undefined;
  readonly nowMs: number;
}): SignatureCheck {
  const { signature, timestamp } = input;
  if (!signature || !timestamp) return { ok: false, status: 400, reason: "missing signature headers" };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, status: 400, reason: "malformed timestamp header" };
  const seconds = Number(timestamp);
  if (Math.abs(input.nowMs / 1000 - seconds) > replayWindowSeconds) return { ok: false, status: 401, reason: "stale or future timestamp" };
  try {
    verifySlackRequest({ signingSecret: input.signingSecret, body: input.rawBody, headers: { "x-slack-signature": signature, "x-slack-request-timestamp": seconds }, nowMilliseconds: input.nowMs });
    return { ok: true };
  } catch {
    return { ok: false, status: 401, reason: "signature mismatch" };
  }
}
