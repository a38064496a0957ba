/**
 * Rate limits: how often each identity, and each network address, may take a
 * chat turn, search, store a referral, look a referral up by reference and
 * report outdated details. Counted by rate-limiter-flexible in a LimitStore:
 * this process's memory (SQLite, one instance, memory-limit-store.ts) or
 * PostgreSQL's rate_limits table (several instances share one count,
 * postgres-limit-store.ts).
 */
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { LimitsConfig } from "../config/config-schema.js";
import type { LimitedAction, TurnLimits } from "../conversation/turn-limits.js";
import { RateLimitedError } from "../errors/rate-limited-error.js";
import { StorageError } from "../errors/storage-error.js";
import type { CounterOptions, LimitStore } from "./limit-store.js";
import { memoryLimitStore } from "./memory-limit-store.js";

export type LimitKind = "chat_turn" | "search" | LimitedAction;

/** Who is counted: a namespaced user id, a network address, or both (each has its own count). */
export interface LimitSubject {
  readonly userId?: string;
  readonly address?: string;
}

interface Allowance {
  readonly points: number;
  readonly seconds: number;
}

/** An office behind one address holds several people: an address may do this many times what one identity may. */
export const addressMultiplier = 4;

export function allowances(config: LimitsConfig): Readonly<Record<LimitKind, Allowance>> {
  return {
    chat_turn: { points: config.chatTurnsPerMinute, seconds: 60 },
    search: { points: config.searchesPerMinute, seconds: 60 },
    referral: { points: config.referralsPerHour, seconds: 3600 },
    reference_lookup: { points: config.referenceLookupsPerHour, seconds: 3600 },
    feedback_report: { points: config.feedbackReportsPerHour, seconds: 3600 },
  };
}

type Limiters = Readonly<Record<LimitKind, { readonly identity: RateLimiterAbstract; readonly address: RateLimiterAbstract }>>;

export class RateLimits implements TurnLimits {
  private constructor(
    private readonly limiters: Limiters,
    private readonly closeStore: () => Promise<void>,
  ) {}

  /** Counts in this process (one instance). */
  static inMemory(config: LimitsConfig): RateLimits {
    return RateLimits.in(memoryLimitStore(), config);
  }

  /** Counts in `store` (postgresLimitStore: shared by every instance); closing the limits closes the store. */
  static in(store: LimitStore, config: LimitsConfig): RateLimits {
    return new RateLimits(build(config, (options) => store.counter(options)), () => store.close());
  }

  /** Resolves when `subject` may go ahead; rejects with a RateLimitedError (with the wait) when it may not. */
  async check(kind: LimitKind, subject: LimitSubject): Promise<void> {
    const { identity, address } = this.limiters[kind];
    const counts: Promise<unknown>[] = [];
    if (subject.userId) counts.push(identity.consume(subject.userId));
    if (subject.address) counts.push(address.consume(subject.address));
    const outcomes = await Promise.allSettled(counts);
    let waitMs = 0;
    for (const outcome of outcomes) {
      if (outcome.status === "fulfilled") continue;
      const reason: unknown = outcome.reason;
      if (!(reason instanceof RateLimiterRes)) throw new StorageError("could not count a rate limit", { cause: reason });
      waitMs = Math.max(waitMs, reason.msBeforeNext);
    }
    if (outcomes.some((o) => o.status === "rejected")) throw new RateLimitedError(kind, Math.ceil(waitMs / 1000));
  }

  take(action: LimitedAction, userId: string): Promise<void> {
    return this.check(action, { userId });
  }

  close(): Promise<void> {
    return this.closeStore();
  }
}

function build(config: LimitsConfig, make: (options: CounterOptions) => RateLimiterAbstract): Limiters {
  const limiters: Partial<Record<LimitKind, Limiters[LimitKind]>> = {};
  const each = allowances(config);
  for (const kind of Object.keys(each) as LimitKind[]) {
    const { points, seconds } = each[kind];
    limiters[kind] = {
      identity: make({ points, duration: seconds, keyPrefix: `${kind}:user` }),
      address: make({ points: points * addressMultiplier, duration: seconds, keyPrefix: `${kind}:addr` }),
    };
  }
  return limiters as Limiters;
}
