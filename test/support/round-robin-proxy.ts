/**
 * A load balancer in front of several Signpost instances, as small as it can
 * be: each request goes to the next instance in turn, with its method, path,
 * headers (cookies and Host included) and body as they came, and the answer
 * comes back as it was given (Set-Cookie included). No sticky sessions and no
 * proxy headers, so trial mode's "this computer only" still holds. An instance
 * that refuses the connection (it has died) is skipped for the next one, as a
 * load balancer's health check would; each request is sent on a new
 * connection, so none is left pooled to a dead instance.
 */
import { createServer, type IncomingMessage, request } from "node:http";

export interface RoundRobinProxy {
  readonly url: string;
  /** Which instance (its index in `ports`) answered each request, in order. */
  readonly served: readonly number[];
  /** The instance the next request goes to first. */
  readonly upNext: number;
  close(): Promise<void>;
}

function forward(port: number, incoming: IncomingMessage, body: Buffer): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: "127.0.0.1", port, method: incoming.method, path: incoming.url, headers: incoming.headers, agent: false }, resolve);
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

export async function startRoundRobinProxy(ports: readonly number[]): Promise<RoundRobinProxy> {
  let next = 0;
  const served: number[] = [];
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const first = next;
      next = (next + 1) % ports.length;
      const attempt = async (tried: number): Promise<void> => {
        const index = (first + tried) % ports.length;
        try {
          const answer = await forward(ports[index]!, incoming, Buffer.concat(chunks));
          served.push(index);
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        } catch (error) {
          const refused = ["ECONNREFUSED", "ECONNRESET"].includes((error as NodeJS.ErrnoException).code ?? "");
          if (refused && tried + 1 < ports.length) return attempt(tried + 1);
          response.writeHead(502).end();
        }
      };
      void attempt(0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (typeof address !== "object" || address === null) throw new Error("the proxy has no port");
  return {
    url: `http://127.0.0.1:${address.port}`,
    served,
    get upNext() {
      return next;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
