import { RateLimiterMemory } from "rate-limiter-flexible";
import type { LimitStore } from "./limit-store.js";

/** Counts in this process's memory: one instance (SQLite) has every count there is. */
export function memoryLimitStore(): LimitStore {
  return {
    counter: (options) => new RateLimiterMemory({ ...options }),
    close: () => Promise.resolve(),
  };
}
