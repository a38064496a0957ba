/**
 * The rate limits' counts in PostgreSQL's rate_limits table (migration 004),
 * through rate-limiter-flexible over its own small pg pool, so several
 * instances share one count. When PostgreSQL cannot be reached the counts fall
 * back to memory for a while (the insurance limiter) rather than stopping Signpost.
 */
import pg from "pg";
import { RateLimiterMemory, RateLimiterPostgres } from "rate-limiter-flexible";
import type { LimitStore } from "./limit-store.js";


export function postgresLimitStore(url: string): LimitStore {
  const pool = new pg.Pool({ connectionString: url, max: 3 });
  pool.on("error", () => undefined); // an idle connection dropped; the next query opens another
  pool.on("connect", (client) => client.on("error", () => undefined)); // dropped while lent out: its query fails
  return {
    counter: (options) =>
      new RateLimiterPostgres({
        ...options,
        storeClient: pool,
        tableName: "rate_limits",
        tableCreated: true,
        insuranceLimiter: new RateLimiterMemory({ ...options }),
      }),
    close: () => pool.end(),
  };
}
