import pg from "pg";
import type { Logger } from "../logging/create-logger.js";
import { versionChannel } from "./directory-versions.js";

export interface VersionListenerOptions {
  readonly url: string;
  /** A notification arrived (its payload is the new fingerprint). */
  readonly onNotice: (fingerprint: string) => void;
  /** Listening began, at first or again after a loss: anything sent meanwhile was missed, so look. */
  readonly onListening: () => void;
  readonly logger: Logger;
  /** The first wait before connecting again after a loss; it doubles up to `maxRetryMs`. */
  readonly retryMs?: number;
  readonly maxRetryMs?: number;
}

/**
 * One PostgreSQL connection kept open for LISTEN on the directory version
 * channel (the pool's connections are lent out and returned, so they cannot
 * hold a LISTEN). A lost connection is reopened, waiting longer each time it
 * fails, and logged once per loss; the periodic check stands in meanwhile.
 */
export class VersionListener {
  private client: pg.Client | undefined;
  private retry: NodeJS.Timeout | undefined;
  private failures = 0;
  private stopped = false;

  constructor(private readonly options: VersionListenerOptions) {}

  /** Connects in the background; failures are retried, never thrown. */
  start(): void {
    void this.connect();
  }

  /** True while the LISTEN connection is up. */
  get listening(): boolean {
    return this.client !== undefined;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const { url, onNotice, onListening, logger } = this.options;
    const client = new pg.Client({ connectionString: url, keepAlive: true });
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      if (this.client === client) this.client = undefined;
      if (this.stopped) return;
      if (this.failures === 0) logger.warn({ err: error }, "lost the database connection that listens for directory versions; reconnecting");
      this.scheduleRetry();
      client.end().catch(() => undefined);
    };
    client.on("notification", (message) => {
      if (message.channel === versionChannel && message.payload) onNotice(message.payload);
    });
    client.on("error", onLost);
    client.on("end", () => onLost());
    try {
      await client.connect();
      await client.query(`LISTEN ${versionChannel}`);
    } catch (error) {
      onLost(error as Error);
      return;
    }
    if (this.stopped || lost) {
      await client.end().catch(() => undefined);
      return;
    }
    if (this.failures > 0) logger.info({ attempts: this.failures }, "listening for directory versions again");
    this.failures = 0;
    this.client = client;
    onListening();
  }

  private scheduleRetry(): void {
    const { retryMs = 1000, maxRetryMs = 30_000 } = this.options;
    const wait = Math.min(maxRetryMs, retryMs * 2 ** this.failures);
    this.failures++;
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.connect(), wait);
    this.retry.unref();
  }
}
