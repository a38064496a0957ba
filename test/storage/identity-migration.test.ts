// Migration 004 on a database that already holds referrals: referrers' ids from before namespacing
// become the namespaced ids their channels now give (terminal-1000 is terminal:1000; a bare web or
// Slack id gets its channel's prefix), so a referrer still finds their own referrals.
import { type Kysely, Migrator } from "kysely";
import { describe, expect, it } from "vitest";
import { toRow } from "../../src/referrals/referral.js";
import type { ReferralsTable } from "../../src/storage/database-schema.js";
import { migrations } from "../../src/storage/migrate.js";
import { bothDatabases, openDatabase } from "../support/databases.js";
import { syntheticReferral } from "../support/synthetic-referral.js";

describe.each(bothDatabases)("004-identity on %s", (_name, makeDatabase) => {
  it("namespaces the referrers already stored, and nothing else", async () => {
    const database = await makeDatabase();
    const db = openDatabase(database.settings);
    try {
      const migrator = new Migrator({ db, provider: { getMigrations: () => Promise.resolve({ ...migrations }) } });
      expect((await migrator.migrateTo("003-jobs")).error).toBeUndefined();
      const old = [
        { channel: "terminal", id: "terminal-1000" },
        { channel: "web", id: "6d0f3c1e-tab" },
        { channel: "slack", id: "U0456EFGH" },
        { channel: "teams", id: "teams:already:done" },
      ];
      for (const [i, { channel, id }] of old.entries()) {
        const base = syntheticReferral();
        // A row as 003 held it: without the column migration 010 adds (a referrer's name given in trial mode).
        const { referrer_name_given: givenInTrial, ...row } = toRow(
          { ...base, id: `r${i}`, reference: `FC-00000${i}`, status: "submitted", createdAt: "2026-11-01T10:00:00.000Z", updatedAt: "2026-11-01T10:00:00.000Z", referrer: { ...base.referrer, id, channel } },
          `key-${i}`,
        );
        expect(givenInTrial).toBe(0);
        // The database at 003, typed as it then was.
        const at003 = db as unknown as Kysely<{ referrals: Omit<ReferralsTable, "referrer_name_given"> }>;
        await at003.insertInto("referrals").values(row).execute();
      }
      const { error, results } = await migrator.migrateTo("004-identity");
      expect(error).toBeUndefined();
      expect(results?.map((r) => r.migrationName)).toEqual(["004-identity"]);
      const ids = await db.selectFrom("referrals").select(["reference", "referrer_id"]).orderBy("reference").execute();
      expect(ids.map((r) => r.referrer_id)).toEqual(["terminal:1000", "web:6d0f3c1e-tab", "slack:U0456EFGH", "teams:already:done"]);
    } finally {
      await db.destroy();
      await database.drop();
    }
  });
});
