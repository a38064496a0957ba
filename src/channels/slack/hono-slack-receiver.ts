/**
 * Bolt's receiver for Slack over HTTP, inside Signpost's one Hono server:
 * `mount(app)` adds POST /slack/events. Each request is verified (signature and
 * 5-minute window) and answered at most once: a signature already seen in the
 * window, by any instance, is a replay (a captured request sent again),
 * acknowledged and dropped; when that cannot be checked, it is refused (503).
 * Then it is answered directly when it is an ssl_check or a
 * url_verification, parsed (form-encoded commands and interactivity, JSON
 * events) and handed to Bolt with its retry headers. The HTTP response is sent
 * as soon as the listener acknowledges; the listener's slow work carries on after.
 */
import { type App, type Receiver, type ReceiverEvent, ReceiverMultipleAckError } from "@slack/bolt";
import type { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Logger } from "../../logging/create-logger.js";
import { errorSummary } from "./bolt-logger.js";
import { slackAppNeeds } from "./slack-app-needs.js";
import type { SeenRequests } from "./seen-requests.js";
import { checkSlackSignature, replayWindowSeconds } from "./verify-slack-signature.js";
import { InvalidInputError } from "../../errors/invalid-input-error.js";

export interface HonoSlackReceiverOptions {
  readonly signingSecret: string;
  /** Signatures already handled, by any instance. */
  readonly seen: SeenRequests;
  readonly logger: Logger;
  /** Default /slack/events (the Request URL in deploy/slack/manifest.yml). */
  readonly path?: string;
  /** For tests of the replay window; default Date.now. */
  readonly now?: () => number;
  /** Slack gives up after 3 s; without an ack by then the request is answered 404, as Bolt's own receivers do. */
  readonly ackTimeoutMs?: number;
}

type Outcome = { kind: "ack"; body: unknown } | { kind: "done" } | { kind: "error"; error: unknown } | { kind: "timeout" };

const maxBodyBytes = 1024 * 1024;

function empty(status: number): Response {
  return new Response(null, { status });
}

function parseBody(rawBody: string, contentType: string): Record<string, unknown> {
  if (contentType.startsWith("application/x-www-form-urlencoded")) {
    const form = new URLSearchParams(rawBody);
    const payload = form.get("payload");
    return payload !== null ? (JSON.parse(payload) as Record<string, unknown>) : Object.fromEntries(form);
  }
  const parsed: unknown = JSON.parse(rawBody);
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new InvalidInputError("not an object");
  return parsed as Record<string, unknown>;
}

function respond(body: unknown): Response {
  if (body === undefined || body === null || body === "") return empty(200);
  if (typeof body === "string") return new Response(body, { status: 200, headers: { "content-type": "text/plain; charset=utf-8" } });
  return Response.json(body, { status: 200 });
}

export class HonoSlackReceiver implements Receiver {
  private app: App | undefined;
  readonly path: string;

  constructor(private readonly options: HonoSlackReceiverOptions) {
    this.path = options.path ?? slackAppNeeds.requestPath;
  }

  init(app: App): void {
    this.app = app;
  }

  /** The Hono server is started and stopped by Signpost itself. */
  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  mount(hono: Hono): void {
    hono.post(this.path, bodyLimit({ maxSize: maxBodyBytes, onError: () => empty(413) }), (c) => this.handle(c.req.raw));
  }

  async handle(request: Request): Promise<Response> {
    const { logger } = this.options;
    const rawBody = await request.text();
    const contentType = request.headers.get("content-type") ?? "";
    if (contentType.startsWith("application/x-www-form-urlencoded") && new URLSearchParams(rawBody).get("ssl_check") === "1") return empty(200);
    const check = checkSlackSignature({
      signingSecret: this.options.signingSecret,
      rawBody,
      signature: request.headers.get("x-slack-signature") ?? undefined,
      timestamp: request.headers.get("x-slack-request-timestamp") ?? undefined,
      nowMs: (this.options.now ?? Date.now)(),
    });
    if (!check.ok) {
      logger.warn({ status: check.status, reason: check.reason }, "Slack request refused");
      return empty(check.status);
    }
    // A signature covers the timestamp and the whole body, so the same one twice is the same request twice.
    // It is remembered for the replay window and as long again, for clock skew.
    const signature = request.headers.get("x-slack-signature") ?? "";
    let first: boolean;
    try {
      first = await this.options.seen.firstSighting(`signature:${signature}`, 2 * replayWindowSeconds * 1000);
    } catch (error) {
      logger.error({ code: (error as { code?: unknown }).code }, "could not check a Slack request against those already handled; refused");
      return empty(503);
    }
    if (!first) {
      logger.warn({ reason: "signature already seen" }, "Slack request replayed; dropped");
      return empty(200);
    }
    let body: Record<string, unknown>;
    try {
      body = parseBody(rawBody, contentType);
    } catch {
      return empty(400);
    }
    if (body.type === "url_verification") return Response.json({ challenge: body.challenge });
    const retryNum = request.headers.get("x-slack-retry-num");
    const retryReason = request.headers.get("x-slack-retry-reason");
    return this.dispatch({ body, ...(retryNum && /^\d+$/.test(retryNum) ? { retryNum: Number(retryNum) } : {}), ...(retryReason ? { retryReason } : {}) });
  }

  private async dispatch(event: Omit<ReceiverEvent, "ack">): Promise<Response> {
    const app = this.app;
    if (!app) return empty(503);
    let settle: (outcome: Outcome) => void = () => undefined;
    const outcome = new Promise<Outcome>((resolve) => (settle = resolve));
    let acknowledged = false;
    const ack = (response?: unknown): Promise<void> => {
      if (acknowledged) return Promise.reject(new ReceiverMultipleAckError());
      acknowledged = true;
      settle({ kind: "ack", body: response });
      return Promise.resolve();
    };
    const timer = setTimeout(() => settle({ kind: "timeout" }), this.options.ackTimeoutMs ?? 3001);
    app.processEvent({ ...event, ack }).then(
      () => settle({ kind: "done" }),
      (error: unknown) => {
        this.options.logger.error(errorSummary(error), "a Slack listener failed");
        settle({ kind: "error", error });
      },
    );
    const result = await outcome;
    clearTimeout(timer);
    switch (result.kind) {
      case "ack":
        return respond(result.body);
      case "error":
        return empty(500);
      case "done":
      case "timeout":
        if (result.kind === "timeout") this.options.logger.warn("a Slack request was not acknowledged within 3 seconds");
        return empty(404);
    }
  }
}
