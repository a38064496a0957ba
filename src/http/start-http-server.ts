import { type ServerType, serve } from "@hono/node-server";
import type { Hono } from "hono";

export interface RunningServer {
  /** The port actually bound (useful when asked for port 0). */
  readonly port: number;
  close(): Promise<void>;
}

/** Starts listening and resolves once the port is bound; rejects if it cannot be. */
export function startHttpServer(app: Hono, host: string, port: number): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    const server: ServerType = serve({ fetch: app.fetch, hostname: host, port }, (info) => {
      server.off("error", onError);
      resolve({
        port: info.port,
        close: () => new Promise<void>((done, fail) => server.close((error) => (error ? fail(error) : done()))),
      });
    });
    server.once("error", onError);
  });
}
