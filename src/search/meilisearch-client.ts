import { Meilisearch } from "meilisearch";

export interface MeilisearchClientSettings {
  readonly url: string;
  readonly apiKey?: string;
  /** For each HTTP request. */
  readonly timeoutMs?: number;
}

/**
 * A Meilisearch client as Signpost uses it. Each request goes on a connection
 * of its own: on a kept-alive connection every answer from Meilisearch waited
 * about 40 ms for a delayed TCP acknowledgement (Nagle's algorithm on one side,
 * delayed ACKs on the other), so a search the server did in 7 ms took 48 ms.
 * With `Connection: close` it takes 8 ms (docs/benchmarks.md has the figures).
 * Answers come uncompressed: a search answers with a few ids, and compressing
 * and inflating them took longer than sending them (1.2 to 1.8 ms a search at
 * 10,000 and 100,000 services, measured for decision 0016).
 */
export function meilisearchClient({ url, apiKey, timeoutMs = 5000 }: MeilisearchClientSettings): Meilisearch {
  return new Meilisearch({ host: url, timeout: timeoutMs, requestInit: { headers: { connection: "close", "accept-encoding": "identity" } }, ...(apiKey ? { apiKey } : {}) });
}
