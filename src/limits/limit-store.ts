import type { RateLimiterAbstract } from "rate-limiter-flexible";

/** One counter's shape: so many points in so many seconds, its keys under a prefix. */
export interface CounterOptions {
  readonly points: number;
  readonly duration: number;
  readonly keyPrefix: string;
}

/**
 * Where the rate limits keep their counts: this process's memory (one
 * instance, as with SQLite) or the rate_limits table on PostgreSQL (shared by
 * every instance). The limits module owns the table; RateLimits reaches it
 * only through this interface (decision 0022).
 */
export interface LimitStore {
  /** A counter kept in this store. */
  counter(options: CounterOptions): RateLimiterAbstract;
  /** Lets go of what the store holds (a connection pool); the counters are unusable after. */
  close(): Promise<void>;
}
