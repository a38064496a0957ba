// "Report outdated details" reports in the database, on SQLite and on PostgreSQL alike: every
// report read back oldest first, whichever instance stored it; an imported report stored once
// however often its file is imported; a storage failure is a StorageError, never a silent loss.
import { describe, expect, it } from "vitest";
import type { OutdatedReport } from "../../src/feedback/feedback-store.js";
import { KyselyFeedbackStore } from "../../src/feedback/kysely-feedback-store.js";
import { bothDatabases, openDatabase, useMigratedDatabase, withSecondConnection } from "../support/databases.js";

function report(n: number, overrides: Partial<OutdatedReport> = {}): OutdatedReport {
  return { serviceId: `service-${n}`, organizationId: "org", details: `report ${n}`, channel: "web", reportedBy: "web:u-synthetic", reportedAt: `2027-03-2${n}T10:00:00.000Z`, ...overrides };
}

describe.each(bothDatabases)("KyselyFeedbackStore on %s", (_name, makeDatabase) => {
  const context = useMigratedDatabase(makeDatabase);

  it("reads back every report, oldest first, whichever of two connections (two instances) stored it", async () => {
    await context.db.deleteFrom("feedback_reports").execute();
    const first = new KyselyFeedbackStore(context.db);
    expect(await first.list()).toEqual([]);
    await first.record(report(3));
    await first.record(report(1));
    // A second instance: its own connection to the same database.
    await withSecondConnection(context.settings, async (second) => {
      await new KyselyFeedbackStore(second).record(report(2));
      expect(await first.list()).toEqual([report(1), report(2), report(3)]);
      expect(await new KyselyFeedbackStore(second).list()).toEqual([report(1), report(2), report(3)]);
    });
  });

  it("stores an imported report once, however often it is imported, beside the same words reported again", async () => {
    await context.db.deleteFrom("feedback_reports").execute();
    const store = new KyselyFeedbackStore(context.db);
    expect(await store.importOnce([report(1), report(2)])).toBe(2);
    expect(await store.importOnce([report(1), report(2), report(3)])).toBe(1);
    // Someone reporting the same words again is a new report, not an import.
    await store.record(report(1));
    expect(await store.list()).toEqual([report(1), report(1), report(2), report(3)]);
  });

  it("imports a file's worth of reports in batches", async () => {
    await context.db.deleteFrom("feedback_reports").execute();
    const many = Array.from({ length: 1203 }, (_, i) => report(1, { details: `report ${i}` }));
    const store = new KyselyFeedbackStore(context.db);
    expect(await store.importOnce(many)).toBe(1203);
    expect(await store.list()).toHaveLength(1203);
  });

  it("keeps a report that holds a NUL character (PostgreSQL's text cannot), without it", async () => {
    await context.db.deleteFrom("feedback_reports").execute();
    const store = new KyselyFeedbackStore(context.db);
    await store.record(report(1, { details: "Phone\u0000 number changed" }));
    expect((await store.list()).map((r) => r.details)).toEqual(["Phone number changed"]);
  });
});

describe("KyselyFeedbackStore when the database is gone", () => {
  it("fails with a StorageError naming what it could not do, rather than losing the report quietly", async () => {
    const [, makeDatabase] = bothDatabases[0];
    const database = await makeDatabase();
    const db = openDatabase(database.settings);
    await db.destroy();
    const store = new KyselyFeedbackStore(db);
    await expect(store.record(report(1))).rejects.toMatchObject({ code: "STORAGE_UNAVAILABLE", message: "could not store an outdated-details report" });
    await expect(store.list()).rejects.toMatchObject({ code: "STORAGE_UNAVAILABLE" });
  });
});
