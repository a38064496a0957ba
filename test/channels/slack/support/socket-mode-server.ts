/**
 * A stand-in for Slack's Socket Mode on 127.0.0.1, beside the Web API recorder.
 * `apps.connections.open` (POSTed with the app-level token, xapp-…) is answered
 * with a one-use `ws://127.0.0.1:<port>/link/?ticket=…` URL; a WebSocket server
 * on that port accepts only tickets it issued, sends Slack's `hello`, pings now
 * and then as Slack does (answering the client's pings is the ws library's own
 * pong), delivers envelopes `{envelope_id, type, payload, accepts_response_payload}`
 * and records every acknowledgement `{envelope_id, payload?}` the client sends
 * back. Shapes from docs.slack.dev/apis/events-api/using-socket-mode and
 * @slack/socket-mode's SocketModeClient (what it reads: hello, disconnect, envelopes).
 */
import { EventEmitter } from "node:events";
import type { IncomingMessage } from "node:http";
import WebSocket from "ws";
import { freePort } from "../../../support/free-port.js";
import type { SlackApiRecorder } from "./slack-api-recorder.js";

export type EnvelopeType = "slash_commands" | "events_api" | "interactive";

export interface Envelope {
  readonly envelope_id: string;
  readonly type: EnvelopeType;
  readonly payload: Record<string, unknown>;
  readonly accepts_response_payload: boolean;
  readonly retry_attempt?: number;
  readonly retry_reason?: string;
}

/** What the client sent back for an envelope, and on which connection (1 = the first). */
export interface Ack {
  readonly envelope_id: string;
  readonly payload?: Record<string, unknown>;
  readonly connection: number;
}

export interface SocketConnection {
  /** 1 = the first connection. */
  readonly number: number;
  readonly ticket: string;
  readonly socket: WebSocket;
  /** Resolves when the socket has closed, with the close code the server saw. */
  readonly closed: Promise<{ code: number; reason: string }>;
}

export interface SocketModeServerOptions {
  /** The app-level token apps.connections.open accepts. */
  readonly appToken: string;
  readonly appId?: string;
  /** How often the server pings each connection (Slack pings; the client times out without them). */
  readonly pingEveryMs?: number;
}

function ticketOf(request: IncomingMessage): string | undefined {
  const url = new URL(request.url ?? "/", "ws://127.0.0.1");
  return url.pathname === "/link/" ? (url.searchParams.get("ticket") ?? undefined) : undefined;
}

export async function startSocketModeServer(recorder: SlackApiRecorder, options: SocketModeServerOptions) {
  const appId = options.appId ?? "A123ABC456";
  const port = await freePort();
  const issued = new Set<string>();
  const connections: SocketConnection[] = [];
  const acks: Ack[] = [];
  const events = new EventEmitter();
  let tickets = 0;

  recorder.respond("apps.connections.open", (call) => {
    if (call.httpMethod !== "POST") return { ok: false, error: "invalid_request" };
    if (call.authorization?.startsWith("Bearer xoxb-")) return { ok: false, error: "not_allowed_token_type" };
    if (call.authorization !== `Bearer ${options.appToken}`) return { ok: false, error: "invalid_auth" };
    tickets += 1;
    const ticket = `stand-in-${tickets}`;
    issued.add(ticket);
    return { ok: true, url: `ws://127.0.0.1:${port}/link/?ticket=${ticket}&app_id=${appId}` };
  });

  const server = new WebSocket.Server({
    host: "127.0.0.1",
    port,
    // A ticket is good for one connection, as Slack's are.
    verifyClient: (info: { req: IncomingMessage }, done: (ok: boolean, status?: number) => void) => {
      const ticket = ticketOf(info.req);
      if (ticket === undefined || !issued.delete(ticket)) done(false, 401);
      else done(true);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });

  server.on("connection", (socket: WebSocket, request: IncomingMessage) => {
    const number = connections.length + 1;
    const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.once("close", (code: number, reason: string) => resolve({ code, reason: String(reason) })));
    connections.push({ number, ticket: ticketOf(request) ?? "", socket, closed });
    const pinging = setInterval(() => socket.ping("stand-in"), options.pingEveryMs ?? 2_000);
    socket.once("close", () => clearInterval(pinging));
    socket.on("message", (data: WebSocket.Data) => {
      // The client speaks in text frames of JSON (ws 7 hands text frames over as strings).
      if (typeof data !== "string") throw new Error("the Socket Mode client sent a binary frame");
      const message = JSON.parse(data) as { envelope_id?: unknown; payload?: Record<string, unknown> };
      if (typeof message.envelope_id !== "string") return;
      const ack: Ack = { envelope_id: message.envelope_id, ...(message.payload ? { payload: message.payload } : {}), connection: number };
      acks.push(ack);
      events.emit(`ack:${ack.envelope_id}`, ack);
    });
    socket.send(
      JSON.stringify({
        type: "hello",
        num_connections: server.clients.size,
        debug_info: { host: "applink-stand-in", build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: appId },
      }),
    );
    events.emit("connection", number);
  });

  const open = (): SocketConnection => {
    const current = connections.at(-1);
    if (!current || current.socket.readyState !== WebSocket.OPEN) throw new Error("no open Socket Mode connection");
    return current;
  };

  return {
    connections,
    acks,
    /** Resolves once `count` connections have been opened (and sent hello). */
    waitForConnections(count: number, timeoutMs = 15_000): Promise<SocketConnection[]> {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (connections.length < count) return false;
          clearTimeout(timer);
          events.off("connection", check);
          resolve(connections.slice(0, count));
          return true;
        };
        const timer = setTimeout(() => {
          events.off("connection", check);
          reject(new Error(`timed out waiting for ${count} Socket Mode connection(s); saw ${connections.length}`));
        }, timeoutMs);
        if (!check()) events.on("connection", check);
      });
    },
    /** Sends an envelope on the newest connection, as Slack delivers a request. */
    send(envelope: Envelope): void {
      open().socket.send(JSON.stringify(envelope));
    },
    /**
     * The acknowledgement of an envelope, as soon as it arrives (take it before
     * sending: it settles in the same turn as the client's message, so a test can
     * look at what else had happened by then).
     */
    ackOf(envelopeId: string, timeoutMs = 10_000): Promise<Ack> {
      const already = acks.find((a) => a.envelope_id === envelopeId);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          events.off(`ack:${envelopeId}`, arrived);
          reject(new Error(`no ack for envelope ${envelopeId}`));
        }, timeoutMs);
        const arrived = (ack: Ack) => {
          clearTimeout(timer);
          resolve(ack);
        };
        events.once(`ack:${envelopeId}`, arrived);
      });
    },
    /** Slack's request to reconnect, on the newest connection ("refresh_requested", "warning", "link_disabled"). */
    disconnect(reason: string): void {
      open().socket.send(JSON.stringify({ type: "disconnect", reason, debug_info: { host: "applink-stand-in" } }));
    },
    async close(): Promise<void> {
      for (const connection of connections) connection.socket.terminate();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

export type SocketModeServer = Awaited<ReturnType<typeof startSocketModeServer>>;
