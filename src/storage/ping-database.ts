import { type Kysely, sql } from "kysely";
import { setTimeout as sleep } from "node:timers/promises";
import type { Database } from "./database-schema.js";

/**
 * Whether the database answers a trivial query within `timeoutMs`, for
 * /readyz: a connection that hangs (an unreachable host) counts as away,
 * rather than holding the health check until the load balancer gives up.
 */
export async function pingDatabase(db: Kysely<Database>, timeoutMs = 1000): Promise<boolean> {
  const controller = new AbortController();
  const answered = sql`select 1`.execute(db).then(
    () => true,
    () => false,
  );
  const timedOut = sleep(timeoutMs, false, { signal: controller.signal }).catch(() => false);
  try {
    return await Promise.race([answered, timedOut]);
  } finally {
    controller.abort();
  }
}
