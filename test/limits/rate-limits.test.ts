// Rate limits count per identity and per address and refuse with the wait (here in memory; the
// PostgreSQL store, one count for every instance, is tested in postgres-limit-store.test.ts).
import { describe, expect, it } from "vitest";
import type { LimitsConfig } from "../../src/config/config-schema.js";
import { RateLimitedError } from "../../src/errors/rate-limited-error.js";
import { addressMultiplier, RateLimits } from "../../src/limits/rate-limits.js";

const config: LimitsConfig = { chatTurnsPerMinute: 3, searchesPerMinute: 5, referralsPerHour: 2, referenceLookupsPerHour: 4, feedbackReportsPerHour: 1 };

async function refused(work: Promise<void>): Promise<RateLimitedError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RateLimitedError);
  return error as RateLimitedError;
}

describe("in memory (one instance)", () => {
  it("gives each identity its allowance, then refuses with the wait in seconds", async () => {
    const limits = RateLimits.inMemory(config);
    for (let i = 0; i < 3; i++) await limits.check("chat_turn", { userId: "web:a" });
    const error = await refused(limits.check("chat_turn", { userId: "web:a" }));
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(error.userMessage).toMatch(/^That is more than Signpost allows in a short time/);
    // Someone else, and something else, are counted apart.
    await limits.check("chat_turn", { userId: "web:b" });
    await limits.check("search", { userId: "web:a" });
  });

  it("counts an address apart, with room for an office full of people", async () => {
    const limits = RateLimits.inMemory(config);
    for (let i = 0; i < 3 * addressMultiplier; i++) await limits.check("chat_turn", { userId: `web:person-${i % addressMultiplier}`, address: "192.0.2.7" });
    await refused(limits.check("chat_turn", { userId: "web:newcomer", address: "192.0.2.7" }));
    await limits.check("chat_turn", { userId: "web:newcomer", address: "192.0.2.8" });
  });

  it("limits the core's own actions by person, through the TurnLimits port", async () => {
    const limits = RateLimits.inMemory(config);
    await limits.take("feedback_report", "slack:T1:U1");
    const error = await refused(limits.take("feedback_report", "slack:T1:U1"));
    expect(error.retryAfterSeconds).toBeGreaterThan(60);
    expect(error.userMessage).toMatch(/Please wait \d+ minutes/);
  });
});
