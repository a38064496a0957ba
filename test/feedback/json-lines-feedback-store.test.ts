import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { OutdatedReport } from "../../src/feedback/feedback-store.js";
import { JsonLinesFeedbackStore } from "../../src/feedback/json-lines-feedback-store.js";

function freshFile(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), "signpost-feedback-store-")), "data", "feedback.jsonl");
}

function report(n: number): OutdatedReport {
  return { serviceId: `service-${n}`, organizationId: "org", details: `report ${n}`, channel: "web", reportedBy: "u-synthetic", reportedAt: `2027-03-2${n}T10:00:00.000Z` };
}

describe("JsonLinesFeedbackStore", () => {
  it("reads back every report recorded, in order, and nothing when there is no file yet", async () => {
    const store = new JsonLinesFeedbackStore(freshFile());
    expect(await store.read()).toEqual({ reports: [], unreadableLines: 0 });
    await store.record(report(1));
    await store.record(report(2));
    expect(await store.read()).toEqual({ reports: [report(1), report(2)], unreadableLines: 0 });
    expect(await store.list()).toEqual([report(1), report(2)]);
  });

  it("skips a last line cut short by a crash and counts it", async () => {
    const file = freshFile();
    const store = new JsonLinesFeedbackStore(file);
    await store.record(report(1));
    appendFileSync(file, JSON.stringify(report(2)).slice(0, 40));
    expect(await store.read()).toEqual({ reports: [report(1)], unreadableLines: 1 });
  });

  it("starts the next report on a fresh line after a cut-short one, so it is not lost with it", async () => {
    const file = freshFile();
    const store = new JsonLinesFeedbackStore(file);
    await store.record(report(1));
    appendFileSync(file, JSON.stringify(report(2)).slice(0, 40));
    await store.record(report(3));
    expect(await store.read()).toEqual({ reports: [report(1), report(3)], unreadableLines: 1 });
    expect(readFileSync(file, "utf8").endsWith("\n")).toBe(true);
  });

  it("counts a damaged line in the middle, and a line of JSON that is not a report, without losing the others", async () => {
    const file = freshFile();
    const store = new JsonLinesFeedbackStore(file);
    await store.record(report(1));
    appendFileSync(file, "\u0000\u0000garbage\n");
    appendFileSync(file, `${JSON.stringify({ serviceId: "x", details: 42 })}\n`);
    appendFileSync(file, `${JSON.stringify({ ...report(4), reportedAt: "last Tuesday" })}\n\n`);
    await store.record(report(2));
    expect(await store.read()).toEqual({ reports: [report(1), report(2)], unreadableLines: 3 });
  });

  it("fails loudly when the file cannot be read at all, rather than reporting no feedback", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "signpost-feedback-store-"));
    writeFileSync(path.join(folder, "not-a-folder"), "");
    const store = new JsonLinesFeedbackStore(path.join(folder, "not-a-folder", "feedback.jsonl"));
    await expect(store.read()).rejects.toThrow(/ENOTDIR/);
  });
});
