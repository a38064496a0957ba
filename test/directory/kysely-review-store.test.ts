import { describe, expect, it } from "vitest";
import { KyselyReviewStore } from "../../src/directory/kysely-review-store.js";
import type { NewReviewEntry } from "../../src/directory/review-store.js";
import { latestReviews, latestVerifications } from "../../src/directory/review-store.js";
import { StorageError } from "../../src/errors/storage-error.js";
import { bothDatabases, openDatabase, sqliteDatabase, useMigratedDatabase } from "../support/databases.js";
import { refusal, refuseWrites } from "../support/refusing-trigger.js";

const verified: NewReviewEntry = {
  serviceId: "lightbulb-hoarding",
  action: "verified",
  by: "A. Maintainer",
  at: "2026-11-22T10:00:00.000Z",
  verifiedOn: "2026-11-22",
  record: "local",
  file: "lightbulb/lightbulb.yaml",
};
const closed: NewReviewEntry = { serviceId: "gone-service", action: "closed", by: "B. Maintainer", note: "Closed in October", at: "2026-11-22T10:00:00.000Z", record: "gone" };

describe.each(bothDatabases)("KyselyReviewStore on %s", (name, makeDatabase) => {
  const context = useMigratedDatabase(makeDatabase);

  it("keeps every entry as appended, oldest first, optional fields absent rather than null", async () => {
    const store = new KyselyReviewStore(context.db);
    const first = await store.append(verified);
    const second = await store.append(closed);
    const third = await store.append({ ...verified, action: "corrected", note: "New phone number", at: "2026-11-23T09:00:00.000Z", verifiedOn: "2026-11-23" });
    expect(await store.list()).toEqual([first, second, third]);
    expect(second).toEqual({ id: second.id, ...closed });
    expect(Object.keys(second)).not.toContain("verifiedOn");
    expect(latestReviews(await store.list()).get("lightbulb-hoarding")).toEqual(third);
  });

  it("keeps no entry when what goes alongside it fails, and passes that error back as it is", async () => {
    const store = new KyselyReviewStore(context.db);
    const before = await store.list();
    const fileError = Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
    await expect(store.append({ ...verified, serviceId: "not-kept" }, () => Promise.reject(fileError))).rejects.toBe(fileError);
    expect(await store.list()).toEqual(before);
  });

  it("turns a database refusal into a StorageError after what went alongside ran, so the caller can undo it", async () => {
    const store = new KyselyReviewStore(context.db);
    const before = await store.list();
    const refused = await refuseWrites(context.db, name, { table: "directory_reviews", event: "INSERT", when: "1 = 1" });
    let ran = false;
    try {
      const error = await store.append(verified, () => Promise.resolve(void (ran = true))).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StorageError);
      expect(((error as StorageError).cause as Error).message).toContain(refusal);
      expect(ran).toBe(true);
    } finally {
      await refused.lift();
    }
    expect(await store.list()).toEqual(before);
  });
});

describe("latestVerifications", () => {
  it("takes the latest date that counts as a verification, ignoring closures and uncounted corrections", () => {
    const entries = [
      { ...verified, id: "1", verifiedOn: "2026-01-10" },
      { ...verified, id: "2", action: "corrected" as const, verifiedOn: "2026-03-01" },
      { ...verified, id: "3", action: "closed" as const, verifiedOn: undefined },
    ].map(({ verifiedOn, ...rest }) => (verifiedOn ? { ...rest, verifiedOn } : rest));
    expect(latestVerifications(entries).get("lightbulb-hoarding")?.id).toBe("2");
    expect(latestReviews(entries).get("lightbulb-hoarding")?.id).toBe("3");
  });
});

describe("KyselyReviewStore with the database gone", () => {
  it("says the store could not be read, as a StorageError", async () => {
    const db = openDatabase(sqliteDatabase().settings);
    await db.destroy();
    await expect(new KyselyReviewStore(db).list()).rejects.toBeInstanceOf(StorageError);
  });
});
