import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import type { Kysely } from "kysely";
import { findService } from "../../src/directory/directory.js";
import { KyselyReviewStore } from "../../src/directory/kysely-review-store.js";
import { loadDirectory } from "../../src/directory/load-directory.js";
import { recordReview, type ReviewRequest } from "../../src/directory/record-review.js";
import { ReviewError } from "../../src/errors/review-error.js";
import { StorageError } from "../../src/errors/storage-error.js";
import type { OutdatedReport } from "../../src/feedback/feedback-store.js";
import type { Database } from "../../src/storage/database-schema.js";
import { migrateToLatest } from "../../src/storage/migrate.js";
import { openDatabase, sqliteDatabase } from "../support/databases.js";
import { copyDirectory } from "../support/directory-copy.js";
import { ManualClock } from "../support/manual-clock.js";
import { importedFile, writeImportedFile } from "../support/imported-feed-file.js";
import { refuseWrites } from "../support/refusing-trigger.js";
import { outdatedReport as report } from "../support/outdated-report.js";


describe("recordReview", () => {
  let copy: ReturnType<typeof copyDirectory>;
  let db: Kysely<Database>;
  let store: KyselyReviewStore;
  const clock = new ManualClock(new Date("2026-11-22T10:00:00Z"));
  const servicesFile = (relative: string) => path.join(copy.dir, "services", relative);

  beforeEach(async () => {
    copy = copyDirectory();
    writeImportedFile(copy.dir);
    db = openDatabase(sqliteDatabase().settings);
    await migrateToLatest(db);
    store = new KyselyReviewStore(db);
    return () => db.destroy();
  });

  const review = async (request: Partial<ReviewRequest> & Pick<ReviewRequest, "action" | "serviceId">, reports: OutdatedReport[] = []) =>
    recordReview({ by: "A. Maintainer", note: undefined, ...request }, { directory: await loadDirectory(copy.dir), servicesDir: path.join(copy.dir, "services"), store, reports, clock });

  it("verifies a local record in its file (only last_verified changes) and in the store, resolving its reports", async () => {
    const before = readFileSync(servicesFile("lightbulb/lightbulb.yaml"), "utf8");
    const outcome = await review({ action: "verified", serviceId: "lightbulb-hoarding" }, [report("lightbulb-hoarding", "2026-11-20T09:00:00Z"), report("lightbulb-adaptations", "2026-11-20T09:00:00Z")]);
    expect(outcome.resolvedReports).toBe(1);
    expect(outcome.sentence).toBe(
      "Recorded: lightbulb-hoarding (Lightbulb hoarding support) verified by A. Maintainer on 2026-11-22: last_verified in services/lightbulb/lightbulb.yaml is now 2026-11-22; its 1 open report is resolved. Signpost shows the change at its next directory refresh; commit directory/ to keep it in git.",
    );
    const after = readFileSync(servicesFile("lightbulb/lightbulb.yaml"), "utf8");
    expect(after.split("\n").filter((line, i) => line !== before.split("\n")[i])).toEqual(["    last_verified: 2026-11-22"]);
    const reloaded = await loadDirectory(copy.dir);
    expect(findService(reloaded, "lightbulb-hoarding")?.last_verified).toBe("2026-11-22");
    expect(await store.list()).toEqual([
      { id: outcome.entry.id, serviceId: "lightbulb-hoarding", action: "verified", by: "A. Maintainer", at: "2026-11-22T10:00:00.000Z", verifiedOn: "2026-11-22", record: "local", file: "lightbulb/lightbulb.yaml" },
    ]);
  });

  it("records a correction with its note and counts it as a verification of the local file", async () => {
    const outcome = await review({ action: "corrected", serviceId: "help-to-live-at-home", note: "  Recommissioned in 2021:\n description updated " });
    expect(outcome.entry).toMatchObject({ action: "corrected", note: "Recommissioned in 2021: description updated", verifiedOn: "2026-11-22" });
    expect(findService(await loadDirectory(copy.dir), "help-to-live-at-home")?.last_verified).toBe("2026-11-22");
  });

  it("closes a local record by removing it from its file, and deletes a file left with none", async () => {
    await review({ action: "closed", serviceId: "hinckley-young-carers-club", note: "The club ended in the summer" });
    await review({ action: "closed", serviceId: "help-to-live-at-home" });
    const reloaded = await loadDirectory(copy.dir);
    expect(findService(reloaded, "hinckley-young-carers-club")).toBeUndefined();
    expect(findService(reloaded, "charnwood-carers-circle")).toBeDefined();
    expect(existsSync(servicesFile("council/help-to-live-at-home.yaml"))).toBe(false);
    expect((await store.list()).map((e) => [e.serviceId, e.action, e.record, e.verifiedOn])).toEqual([
      ["hinckley-young-carers-club", "closed", "local", undefined],
      ["help-to-live-at-home", "closed", "local", undefined],
    ]);
  });

  it("keeps an imported record's review in the store only, since the next import replaces its file", async () => {
    const file = servicesFile("imported/test-feed/riverside-bereavement-circle.yaml");
    const verified = await review({ action: "verified", serviceId: "test-feed-riverside-bereavement-circle" });
    expect(verified.entry).toMatchObject({ record: "imported", verifiedOn: "2026-11-22", file: "imported/test-feed/riverside-bereavement-circle.yaml" });
    expect(verified.sentence).toContain("It comes from ORUK feed test-feed, whose files the next import replaces, so this is kept in Signpost's store.");
    const corrected = await review({ action: "corrected", serviceId: "test-feed-riverside-bereavement-circle", note: "Told the publisher the group moved to Tuesdays" });
    // A correction is the feed's to publish: it does not count as a verification of what the feed says.
    expect(corrected.entry.verifiedOn).toBeUndefined();
    await review({ action: "closed", serviceId: "test-feed-riverside-bereavement-circle" });
    expect(readFileSync(file, "utf8")).toBe(importedFile);
    const again = await review({ action: "closed", serviceId: "test-feed-riverside-bereavement-circle", by: "B. Maintainer" }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(ReviewError);
    expect((again as ReviewError).userMessage).toBe(
      "test-feed-riverside-bereavement-circle was already closed by A. Maintainer on 2026-11-22; it stays listed until ORUK feed test-feed stops publishing it.",
    );
    expect(await store.list()).toHaveLength(3);
  });

  it("closes the reports of a record no longer in the directory, and nothing else can be done to it", async () => {
    const reports = [report("old-closed-service", "2026-10-01T09:00:00Z"), report("old-closed-service", "2026-10-02T09:00:00Z")];
    const verify = await review({ action: "verified", serviceId: "old-closed-service" }, reports).catch((e: unknown) => e);
    expect((verify as ReviewError).userMessage).toBe('"old-closed-service" is no longer in the directory, so there is nothing to check; `close old-closed-service` resolves its 2 open reports.');
    const closed = await review({ action: "closed", serviceId: "old-closed-service" }, reports);
    expect(closed).toMatchObject({ resolvedReports: 2, sentence: 'Closed "old-closed-service", which is no longer in the directory; its 2 open reports are resolved.', entry: { record: "gone" } });
  });

  describe("refuses bad input with one sentence, changing nothing", () => {
    const refusals: [string, Partial<ReviewRequest> & Pick<ReviewRequest, "action" | "serviceId">, string][] = [
      ["no --by", { action: "verified", serviceId: "lightbulb-hoarding", by: undefined }, 'Say who is recording this with --by "<your name>": the audit trail keeps who verified, corrected or closed each record.'],
      ["a blank --by", { action: "verified", serviceId: "lightbulb-hoarding", by: "   " }, 'Say who is recording this with --by "<your name>": the audit trail keeps who verified, corrected or closed each record.'],
      ["a --by over two lines", { action: "verified", serviceId: "lightbulb-hoarding", by: "A.\nMaintainer" }, "--by must be a name of at most 100 characters on one line."],
      ["a correction without a note", { action: "corrected", serviceId: "lightbulb-hoarding" }, 'Say what was corrected with --note "…", so the next maintainer knows what changed.'],
      ["a note too long", { action: "verified", serviceId: "lightbulb-hoarding", note: "x".repeat(501) }, "--note must be at most 500 characters."],
      ["an unknown id near a real one", { action: "verified", serviceId: "lightbulb-hording" }, 'There is no service "lightbulb-hording" in the directory; did you mean "lightbulb-hoarding"?'],
      ["an unknown id", { action: "closed", serviceId: "no-such-thing-at-all" }, 'There is no service "no-such-thing-at-all" in the directory; `npm run directory -- review` lists what needs review.'],
      [
        "verifying an illustrative sample",
        { action: "verified", serviceId: "charnwood-carers-circle" },
        "charnwood-carers-circle is an illustrative sample, not a real service, so there is no provider to check it with. Replace it with a verified record (directory/README.md) or close it.",
      ],
    ];
    it.each(refusals)("%s", async (_name, request, sentence) => {
      const before = readFileSync(servicesFile("lightbulb/lightbulb.yaml"), "utf8");
      const error = await review(request).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ReviewError);
      expect((error as ReviewError).userMessage).toBe(sentence);
      expect(readFileSync(servicesFile("lightbulb/lightbulb.yaml"), "utf8")).toBe(before);
      expect(await store.list()).toEqual([]);
    });
  });

  it("puts the file back when the store refuses the entry after the file was written", async () => {
    const before = readFileSync(servicesFile("lightbulb/lightbulb.yaml"), "utf8");
    await refuseWrites(db, "sqlite", { table: "directory_reviews", event: "INSERT", when: "1 = 1" });
    await expect(review({ action: "verified", serviceId: "lightbulb-hoarding" })).rejects.toBeInstanceOf(StorageError);
    await expect(review({ action: "closed", serviceId: "help-to-live-at-home" })).rejects.toBeInstanceOf(StorageError);
    expect(readFileSync(servicesFile("lightbulb/lightbulb.yaml"), "utf8")).toBe(before);
    expect(existsSync(servicesFile("council/help-to-live-at-home.yaml"))).toBe(true);
    expect(await store.list()).toEqual([]);
  });
});
