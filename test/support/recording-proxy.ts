import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import type { RecordedRequest } from "./recording-server.js";

/**
 * A proxy in front of a real server (Meilisearch in the tests) that passes
 * every request and answer through unchanged and records each request, so a
 * test can read what a client asked for: how many requests, and their bodies.
 */
export async function startRecordingProxy(target: string): Promise<{ url: string; requests: RecordedRequest[]; close(): Promise<void> }> {
  const { hostname, port } = new URL(target);
  const requests: RecordedRequest[] = [];
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const body = Buffer.concat(chunks);
      requests.push({ method: incoming.method ?? "", path: incoming.url ?? "", headers: incoming.headers, body: body.toString() });
      const outgoing = request({ host: hostname, port, method: incoming.method, path: incoming.url, headers: incoming.headers, agent: false }, (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      });
      outgoing.on("error", () => response.writeHead(502).end());
      outgoing.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
