// The rate limits' PostgreSQL store: the counts are in the limits module's rate_limits table, one count
// for every instance, so two instances on one database cannot each give a person their allowance.
import { describe, expect, it } from "vitest";
import type { LimitsConfig } from "../../src/config/config-schema.js";
import { RateLimitedError } from "../../src/errors/rate-limited-error.js";
import { postgresLimitStore } from "../../src/limits/postgres-limit-store.js";
import { RateLimits } from "../../src/limits/rate-limits.js";
import { postgresDatabase, useMigratedDatabase } from "../support/databases.js";

const config: LimitsConfig = { chatTurnsPerMinute: 3, searchesPerMinute: 5, referralsPerHour: 2, referenceLookupsPerHour: 4, feedbackReportsPerHour: 1 };

async function refused(work: Promise<void>): Promise<void> {
  await expect(work).rejects.toBeInstanceOf(RateLimitedError);
}

describe("on PostgreSQL (several instances)", () => {
  const context = useMigratedDatabase(postgresDatabase);

  it("is one count for every instance on the database", async () => {
    const url = (await context.db.selectNoFrom((eb) => eb.fn<string>("current_database", []).as("name")).executeTakeFirstOrThrow()).name;
    const one = RateLimits.in(postgresLimitStore(`postgres://postgres@127.0.0.1:5432/${url}`), config);
    const two = RateLimits.in(postgresLimitStore(`postgres://postgres@127.0.0.1:5432/${url}`), config);
    try {
      await one.check("referral", { userId: "teams:t:u" });
      await two.check("referral", { userId: "teams:t:u" });
      await refused(one.check("referral", { userId: "teams:t:u" }));
      await refused(two.check("referral", { userId: "teams:t:u" }));
      const rows = await context.db.selectFrom("rate_limits").select("key").execute();
      expect(rows.map((r) => r.key)).toContain("referral:user:teams:t:u");
    } finally {
      await one.close();
      await two.close();
    }
  });
});
