/**
 * A local stand-in for the Bot Connector REST API that records what the bot
 * sends: POST /v3/conversations (create a personal chat), POST
 * /v3/conversations/{id}/activities[/{replyTo}] (send, reply) and PUT
 * /v3/conversations/{id}/activities/{id} (update), each answered like the
 * connector with `{id}`. Tests can make it fail (a status, with headers such
 * as Retry-After) to see what the bot and the outbox do.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedCall {
  readonly method: "POST" | "PUT";
  readonly conversationId: string;
  /** The activity id in the path: the one replied to (POST) or updated (PUT). */
  readonly activityId?: string;
  readonly body: Record<string, unknown>;
  /** What the connector answered. */
  readonly status: number;
  /** The id the connector gave the activity (successful sends only). */
  readonly sentId?: string;
}

export interface Failure {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface RecordingConnector {
  readonly url: string;
  /** Every call to an activities route, in order, including refused ones. */
  readonly calls: RecordedCall[];
  /** Conversations the bot asked to create (personal chats). */
  readonly created: Record<string, unknown>[];
  /** Answer activities calls (all, or those to conversations `only` picks) with this failure until `succeed()`. */
  failWith(failure: Failure, only?: (conversationId: string) => boolean): void;
  succeed(): void;
  /** Successful sends and updates in a conversation. */
  delivered(conversationId?: string): RecordedCall[];
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      resolve(text ? (JSON.parse(text) as Record<string, unknown>) : {});
    });
    request.on("error", reject);
  });
}

export async function startRecordingConnector(): Promise<RecordingConnector> {
  const calls: RecordedCall[] = [];
  const created: Record<string, unknown>[] = [];
  let failure: (Failure & { only?: (conversationId: string) => boolean }) | undefined;
  let counter = 0;

  const answer = (response: ServerResponse, status: number, body: unknown, headers: Readonly<Record<string, string>> = {}) => {
    response.writeHead(status, { "content-type": "application/json", ...headers });
    response.end(JSON.stringify(body));
  };

  const server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      const path = new URL(request.url ?? "/", "http://connector").pathname;
      const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
      if (request.method === "POST" && parts.length === 2 && parts[0] === "v3" && parts[1] === "conversations") {
        const members = (body.members as { id?: string }[] | undefined) ?? [];
        created.push(body);
        answer(response, 201, { id: `a:personal-${members[0]?.id ?? "unknown"}` });
        return;
      }
      const [v3, conversations, conversationId, activities, activityId] = parts;
      if (v3 !== "v3" || conversations !== "conversations" || !conversationId || activities !== "activities" || (request.method !== "POST" && request.method !== "PUT")) {
        answer(response, 404, { error: { code: "NotFound", message: `no route ${request.method} ${path}` } });
        return;
      }
      const method = request.method;
      if (failure && (!failure.only || failure.only(conversationId))) {
        calls.push({ method, conversationId, ...(activityId ? { activityId } : {}), body, status: failure.status });
        answer(response, failure.status, { error: { code: "ServiceError", message: "refused by the test" } }, failure.headers);
        return;
      }
      const sentId = method === "PUT" && activityId ? activityId : `sent-${++counter}`;
      calls.push({ method, conversationId, ...(activityId ? { activityId } : {}), body, status: 200, sentId });
      answer(response, 200, { id: sentId });
    })().catch((error: unknown) => answer(response, 500, { error: { code: "TestServerError", message: String(error) } }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    created,
    failWith: (f, only) => (failure = { ...f, ...(only ? { only } : {}) }),
    succeed: () => (failure = undefined),
    delivered: (conversationId) => calls.filter((c) => c.status === 200 && (conversationId === undefined || c.conversationId === conversationId)),
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
