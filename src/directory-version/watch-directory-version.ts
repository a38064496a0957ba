import type { Logger } from "../logging/create-logger.js";
import { VersionListener } from "./version-listener.js";

export interface WatchOptions {
  /** Follows the shared version when it has moved (SharedDirectory.check). */
  readonly check: () => Promise<void>;
  /** The PostgreSQL database to LISTEN on; without it only the periodic look runs. */
  readonly databaseUrl?: string;
  /** The slow periodic look, in case a notification is missed. */
  readonly intervalMs: number;
  readonly logger: Logger;
}

export interface VersionWatch {
  readonly listener?: VersionListener;
  stop(): Promise<void>;
}

/**
 * Keeps an instance on the shared directory version: it looks when PostgreSQL
 * says a version was recorded (LISTEN/NOTIFY), when listening starts again
 * after a lost connection (anything sent meanwhile was missed), and on a slow
 * interval as a backstop.
 */
export function watchDirectoryVersion({ check, databaseUrl, intervalMs, logger }: WatchOptions): VersionWatch {
  const look = () => {
    check().catch((error: unknown) => logger.error({ err: error }, "could not follow the shared directory version"));
  };
  const listener = databaseUrl ? new VersionListener({ url: databaseUrl, onNotice: look, onListening: look, logger }) : undefined;
  listener?.start();
  const timer = setInterval(look, intervalMs);
  timer.unref();
  return {
    ...(listener ? { listener } : {}),
    async stop() {
      clearInterval(timer);
      await listener?.stop();
    },
  };
}
