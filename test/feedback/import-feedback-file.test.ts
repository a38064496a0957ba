// An older Signpost's DATA_DIR/feedback.jsonl moved into the database once: every readable report
// stored, a torn or damaged line counted and left in the renamed file, a second import (a crash
// before the rename, another process) storing nothing twice, an earlier .imported file never
// overwritten, and a file that cannot be read at all an error rather than "no reports".
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OutdatedReport } from "../../src/feedback/feedback-store.js";
import { importFeedbackFile } from "../../src/feedback/import-feedback-file.js";
import { KyselyFeedbackStore } from "../../src/feedback/kysely-feedback-store.js";
import type { Kysely } from "kysely";
import type { Database } from "../../src/storage/database-schema.js";
import { migrateToLatest } from "../../src/storage/migrate.js";
import { openDatabase, sqliteDatabase } from "../support/databases.js";

function report(n: number): OutdatedReport {
  return { serviceId: `service-${n}`, organizationId: "org", details: `report ${n}`, channel: "web", reportedBy: "web:u-synthetic", reportedAt: `2027-03-2${n}T10:00:00.000Z` };
}

const lines = (...reports: OutdatedReport[]) => reports.map((r) => `${JSON.stringify(r)}\n`).join("");

function freshFile(text?: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), "signpost-feedback-import-"));
  const file = path.join(folder, "feedback.jsonl");
  if (text !== undefined) writeFileSync(file, text);
  return file;
}

const opened: Kysely<Database>[] = [];
afterAll(() => Promise.all(opened.map((db) => db.destroy())));

async function freshStore(): Promise<KyselyFeedbackStore> {
  const db = openDatabase(sqliteDatabase().settings);
  opened.push(db);
  await migrateToLatest(db);
  return new KyselyFeedbackStore(db);
}

describe("importFeedbackFile", () => {
  let store: KyselyFeedbackStore;
  beforeAll(async () => {
    store = await freshStore();
  });

  it("does nothing when there is no file", async () => {
    const file = freshFile();
    expect(await importFeedbackFile(file, store)).toBeUndefined();
    expect(existsSync(`${file}.imported`)).toBe(false);
  });

  it("stores every readable report, counts the torn and damaged lines, and renames the file whole", async () => {
    const text = [
      lines(report(1)),
      "\u0000\u0000garbage\n",
      `${JSON.stringify({ serviceId: "x", details: 42 })}\n`,
      `${JSON.stringify({ ...report(4), reportedAt: "last Tuesday" })}\n\n`,
      lines(report(2)),
      // The last line, cut short by a crash.
      JSON.stringify(report(3)).slice(0, 40),
    ].join("");
    const file = freshFile(text);
    const fresh = await freshStore();
    expect(await importFeedbackFile(file, fresh)).toEqual({ read: 2, added: 2, unreadableLines: 4, keptAs: "feedback.jsonl.imported" });
    expect(await fresh.list()).toEqual([report(1), report(2)]);
    expect(existsSync(file)).toBe(false);
    // Nothing is lost: the renamed file is byte for byte what was there, unreadable lines included.
    expect(readFileSync(`${file}.imported`, "utf8")).toBe(text);
  });

  it("stores nothing twice when the same reports are imported again (a crash before the rename, or a copied DATA_DIR)", async () => {
    const fresh = await freshStore();
    const first = freshFile(lines(report(1), report(2)));
    expect(await importFeedbackFile(first, fresh)).toMatchObject({ read: 2, added: 2 });
    const again = freshFile(lines(report(1), report(2), report(3)));
    expect(await importFeedbackFile(again, fresh)).toMatchObject({ read: 3, added: 1 });
    expect(await fresh.list()).toEqual([report(1), report(2), report(3)]);
  });

  it("never overwrites an earlier imported file: a later one is kept beside it", async () => {
    const file = freshFile(lines(report(1)));
    await importFeedbackFile(file, store);
    // An instance still on the old version wrote a new file in the same DATA_DIR.
    appendFileSync(file, lines(report(2)));
    expect(await importFeedbackFile(file, store)).toMatchObject({ keptAs: "feedback.jsonl.imported-2" });
    expect(readFileSync(`${file}.imported`, "utf8")).toBe(lines(report(1)));
    expect(readFileSync(`${file}.imported-2`, "utf8")).toBe(lines(report(2)));
  });

  it("fails loudly when the file cannot be read at all, and leaves it where it is", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "signpost-feedback-import-"));
    writeFileSync(path.join(folder, "not-a-folder"), "");
    await expect(importFeedbackFile(path.join(folder, "not-a-folder", "feedback.jsonl"), store)).rejects.toThrow(/ENOTDIR/);
    const unreadable = path.join(folder, "feedback.jsonl");
    mkdirSync(unreadable);
    await expect(importFeedbackFile(unreadable, store)).rejects.toThrow(/EISDIR/);
    expect(existsSync(`${unreadable}.imported`)).toBe(false);
  });

  it("leaves the file where it is when the database refuses the reports, so the next start tries again", async () => {
    const file = freshFile(lines(report(1)));
    const db = openDatabase(sqliteDatabase().settings);
    await db.destroy();
    await expect(importFeedbackFile(file, new KyselyFeedbackStore(db))).rejects.toMatchObject({ code: "STORAGE_UNAVAILABLE" });
    expect(readFileSync(file, "utf8")).toBe(lines(report(1)));
    expect(existsSync(`${file}.imported`)).toBe(false);
  });
});
