/**
 * A stand-in for Slack's Web API on 127.0.0.1: answers every method the way
 * Slack does (`{ok: true, …}` with the fields callers read) and records each
 * call with its arguments decoded (form or JSON; blocks and views parsed).
 * A method can be scripted to fail first: an HTTP status, a Slack error, a
 * Retry-After; or be given a standing answer worked out from each call (the
 * Socket Mode stand-in answers apps.connections.open so). Spoken to over real
 * HTTP by Bolt's own Web API client.
 */
import { EventEmitter, once } from "node:events";
import { createServer, type Server } from "node:http";

export interface RecordedCall {
  readonly method: string;
  readonly args: Record<string, unknown>;
  readonly authorization: string | undefined;
  /** The HTTP method the client used (Slack's Web API clients POST). */
  readonly httpMethod: string;
}

/** A standing answer for one method, worked out from the call (for methods whose answer depends on who asks). */
export type Responder = (call: RecordedCall) => Record<string, unknown>;

export interface ScriptedAnswer {
  readonly status: number;
  readonly body?: Record<string, unknown>;
  readonly headers?: Record<string, string>;
}

const jsonFields = new Set(["blocks", "view", "attachments"]);

function decode(body: string, contentType: string | undefined): Record<string, unknown> {
  if (body === "") return {};
  if (contentType?.startsWith("application/json")) return JSON.parse(body) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) args[key] = jsonFields.has(key) ? (JSON.parse(value) as unknown) : value;
  return args;
}

let counter = 0;

function success(method: string, args: Record<string, unknown>): Record<string, unknown> {
  counter += 1;
  const ts = `1700000000.${String(counter).padStart(6, "0")}`;
  switch (method) {
    case "auth.test":
      return { ok: true, url: "https://example.slack.com/", team: "Example", user: "signpost", team_id: "T123ABC456", user_id: "U0LAN0Z89", bot_id: "B0SIGNPOST" };
    case "chat.postMessage":
      return { ok: true, channel: args.channel, ts, message: { type: "message", ts, bot_id: "B0SIGNPOST" } };
    case "chat.postEphemeral":
      return { ok: true, message_ts: ts };
    case "conversations.open":
      return { ok: true, channel: { id: `D0DM${typeof args.users === "string" ? args.users : ""}` } };
    case "views.open":
    case "views.publish":
    case "views.update":
      return { ok: true, view: { id: `V${counter}`, ...(args.view as object) } };
    default:
      return { ok: true };
  }
}

export async function startSlackApiRecorder() {
  const calls: RecordedCall[] = [];
  /** Says "call" each time a call is recorded, so waiting is on the event, not a poll. */
  const recorded = new EventEmitter();
  const scripts = new Map<string, ScriptedAnswer[]>();
  const responders = new Map<string, Responder>();
  const server: Server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      const method = (request.url ?? "").replace(/^\/api\//, "").split("?")[0] ?? "";
      const args = decode(body, request.headers["content-type"]);
      const call: RecordedCall = { method, args, authorization: request.headers.authorization, httpMethod: request.method ?? "" };
      calls.push(call);
      recorded.emit("call");
      const scripted = scripts.get(method)?.shift();
      const status = scripted?.status ?? 200;
      const responder = responders.get(method);
      const answer = scripted ? (scripted.body ?? { ok: false, error: "internal_error" }) : responder ? responder(call) : success(method, args);
      response.writeHead(status, { "content-type": "application/json", ...scripted?.headers }).end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no address");
  const url = `http://127.0.0.1:${address.port}`;
  return {
    /** The Web API base URL to give the Slack app (SLACK_API_URL). */
    apiUrl: `${url}/api/`,
    calls,
    /** The next calls to `method` get these answers, in order; then it succeeds again. */
    script(method: string, answers: readonly ScriptedAnswer[]) {
      scripts.set(method, [...answers]);
    },
    /** From now on `method` is answered by `responder` (scripted failures still come first). */
    respond(method: string, responder: Responder) {
      responders.set(method, responder);
    },
    callsTo(method: string): RecordedCall[] {
      return calls.filter((c) => c.method === method);
    },
    /** Waits until `method` has been called at least `count` times. */
    async waitFor(method: string, count = 1, timeoutMs = 10_000): Promise<RecordedCall[]> {
      const signal = AbortSignal.timeout(timeoutMs);
      while (calls.filter((c) => c.method === method).length < count) {
        try {
          await once(recorded, "call", { signal });
        } catch {
          throw new Error(`timed out waiting for ${count} ${method} call(s); saw ${calls.map((c) => c.method).join(", ") || "none"}`);
        }
      }
      return calls.filter((c) => c.method === method);
    },
    /** Waits until the calls recorded so far satisfy `done`, on each "call" event (no polling). */
    async waitUntil(done: (all: readonly RecordedCall[]) => boolean, describe: string, timeoutMs = 15_000): Promise<void> {
      const signal = AbortSignal.timeout(timeoutMs);
      while (!done(calls)) {
        try {
          await once(recorded, "call", { signal });
        } catch {
          throw new Error(`timed out waiting for ${describe}; saw ${calls.map((c) => c.method).join(", ") || "none"}`);
        }
      }
    },
    /** Resolves once no call has come for `quietMs` (a reply may be several messages): each call restarts the wait. */
    async settled(quietMs: number): Promise<void> {
      for (;;) {
        try {
          await once(recorded, "call", { signal: AbortSignal.timeout(quietMs) });
        } catch {
          return;
        }
      }
    },
    /** The next call to `method` after those already made (take it before sending the request that causes it). */
    next(method: string): Promise<RecordedCall> {
      const before = calls.filter((c) => c.method === method).length;
      return this.waitFor(method, before + 1).then((all) => all[before]!);
    },
    clear() {
      calls.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SlackApiRecorder = Awaited<ReturnType<typeof startSlackApiRecorder>>;
