import { beforeAll, describe, expect, it } from "vitest";
import type { Directory, Service } from "../../src/directory/directory.js";
import { findService } from "../../src/directory/directory.js";
import { formatHistory, formatReviewList } from "../../src/directory/format-review-list.js";
import { loadDirectory } from "../../src/directory/load-directory.js";
import { buildReviewList, isImported, lastVerification } from "../../src/directory/review-list.js";
import type { ReviewEntry } from "../../src/directory/review-store.js";
import type { OutdatedReport } from "../../src/feedback/feedback-store.js";
import { copyDirectory } from "../support/directory-copy.js";
import { writeImportedFile } from "../support/imported-feed-file.js";

const report = (serviceId: string, reportedAt: string, details = "The phone number has changed"): OutdatedReport => ({
  serviceId,
  organizationId: "org",
  details,
  channel: "web",
  reportedBy: "web:synthetic-user",
  reportedAt,
});

let n = 0;
const entry = (serviceId: string, action: ReviewEntry["action"], at: string, extra: Partial<ReviewEntry> = {}): ReviewEntry => ({
  id: String(n++).padStart(4, "0"),
  serviceId,
  action,
  by: "A. Maintainer",
  at,
  record: "local",
  ...(action === "closed" ? {} : { verifiedOn: at.slice(0, 10) }),
  ...extra,
});

let directory: Directory;
const imported = "test-feed-riverside-bereavement-circle";

beforeAll(async () => {
  const copy = copyDirectory();
  writeImportedFile(copy.dir);
  directory = await loadDirectory(copy.dir);
});

const service = (id: string): Service => {
  const found = findService(directory, id);
  if (!found) throw new Error(`no ${id}`);
  return found;
};

describe("buildReviewList", () => {
  it("lists reports first (the longest waiting first), then the stalest, each record once", () => {
    const list = buildReviewList({
      services: directory.services,
      reports: [report("charnwood-carers-circle", "2026-11-21T09:00:00Z"), report("help-to-live-at-home", "2026-11-20T09:00:00Z"), report("charnwood-carers-circle", "2026-11-19T09:00:00Z")],
      reviews: [],
      staleBefore: "2025-11-22",
    });
    expect(list.reported.map((item) => [item.serviceId, item.reports.length])).toEqual([
      ["charnwood-carers-circle", 2],
      ["help-to-live-at-home", 1],
    ]);
    const staleIds = list.stale.map((item) => item.serviceId);
    expect(staleIds).not.toContain("help-to-live-at-home");
    const dates = list.stale.map((item) => item.verified?.on ?? "");
    expect(dates).toEqual([...dates].sort());
    expect(dates.every((date) => date < "2025-11-22")).toBe(true);
    // Every record verified before the cutoff is there: the same rule as directory:check's.
    const expected = directory.services.filter((s) => s.last_verified < "2025-11-22" && s.id !== "help-to-live-at-home").map((s) => s.id);
    expect(new Set(staleIds)).toEqual(new Set(expected));
    expect(staleIds[0]).toMatch(/^leicester/); // the 2016 seed records are the stalest
    expect(list.closedInFeed).toEqual([]);
  });

  it("drops a record a maintainer verified, and its reports, and keeps reports made after", () => {
    const list = buildReviewList({
      services: directory.services,
      reports: [report("help-to-live-at-home", "2026-11-20T09:00:00Z"), report("lightbulb-hoarding", "2026-11-20T09:00:00Z"), report("lightbulb-hoarding", "2026-11-21T15:00:00Z")],
      reviews: [entry("help-to-live-at-home", "verified", "2026-11-21T10:00:00.000Z"), entry("lightbulb-hoarding", "corrected", "2026-11-21T10:00:00.000Z", { note: "new number" })],
      staleBefore: "2025-11-22",
    });
    expect(list.reported.map((item) => [item.serviceId, item.reports.map((r) => r.reportedAt)])).toEqual([["lightbulb-hoarding", ["2026-11-21T15:00:00Z"]]]);
    expect(list.stale.map((item) => item.serviceId)).not.toContain("help-to-live-at-home");
  });

  it("counts a feed's own assured date as verification, and a maintainer's when it is later", () => {
    expect(isImported(service(imported))).toBe(true);
    expect(isImported(service("lightbulb-hoarding"))).toBe(false);
    expect(lastVerification(service(imported), undefined)).toEqual({ on: "2025-02-01", by: "feed test-feed" });
    expect(lastVerification(service(imported), entry(imported, "verified", "2026-03-01T10:00:00Z", { by: "B. Maintainer" }))).toEqual({ on: "2026-03-01", by: "B. Maintainer" });
    expect(lastVerification(service(imported), entry(imported, "verified", "2024-03-01T10:00:00Z"))).toEqual({ on: "2025-02-01", by: "feed test-feed" });
    // Assured after the report's day: the feed has checked it since.
    const assuredSince = buildReviewList({ services: directory.services, reports: [report(imported, "2025-01-15T10:00:00Z")], reviews: [], staleBefore: "2025-01-01" });
    expect(assuredSince.reported).toEqual([]);
    const stale = buildReviewList({ services: directory.services, reports: [], reviews: [], staleBefore: "2026-02-02" });
    expect(stale.stale.find((item) => item.serviceId === imported)?.verified).toEqual({ on: "2025-02-01", by: "feed test-feed" });
    const verified = buildReviewList({ services: directory.services, reports: [], reviews: [entry(imported, "verified", "2026-03-01T10:00:00Z", { record: "imported" })], staleBefore: "2026-02-02" });
    expect(verified.stale.map((item) => item.serviceId)).not.toContain(imported);
  });

  it("lists an imported record closed here while its feed still publishes it, apart from the stale", () => {
    const list = buildReviewList({ services: directory.services, reports: [], reviews: [entry(imported, "closed", "2026-11-01T10:00:00Z", { record: "imported" })], staleBefore: "2026-02-02" });
    expect(list.closedInFeed.map((item) => item.serviceId)).toEqual([imported]);
    expect(list.stale.map((item) => item.serviceId)).not.toContain(imported);
  });

  it("keeps reports about a record no longer in the directory until it is closed", () => {
    const reports = [report("gone-service", "2026-11-20T09:00:00Z")];
    const open = buildReviewList({ services: directory.services, reports, reviews: [], staleBefore: "2000-01-01" });
    expect(open.reported).toMatchObject([{ serviceId: "gone-service", record: "gone", reports }]);
    expect(open.reported[0]?.service).toBeUndefined();
    const closed = buildReviewList({ services: directory.services, reports, reviews: [entry("gone-service", "closed", "2026-11-21T09:00:00Z", { record: "gone" })], staleBefore: "2000-01-01" });
    expect(closed.reported).toEqual([]);
  });
});

describe("formatReviewList", () => {
  it("shows each record's id, name, file and verification, quotes reports safely and never says who sent them", () => {
    const list = buildReviewList({
      services: directory.services,
      reports: [report("help-to-live-at-home", "2026-11-20T09:00:00Z", "Moved.\nNew number 0116 496 0123, patient 943 476 5919 <!channel>"), report("gone-service", "2026-11-21T09:00:00Z")],
      reviews: [],
      staleBefore: "2025-11-22",
    });
    const text = formatReviewList(list, { today: "2026-11-22", staleBefore: "2025-11-22", limit: 3 });
    const lines = text.split("\n");
    expect(lines[0]).toBe(`Directory review, 2026-11-22: 2 records with reports of outdated details, ${list.stale.length} records not verified since 2025-11-22, 0 closed but still in a feed.`);
    expect(lines.slice(2, 7)).toEqual([
      "Reported outdated (the longest waiting first):",
      "  help-to-live-at-home  Help to Live at Home domiciliary care · Help to Live at Home · services/council/help-to-live-at-home.yaml · last verified 2020-09-01 (its file)",
      '    2026-11-20 "Moved. New number 0116 496 0123, patient [number removed] ‹!channel›"',
      "  gone-service  (no longer in the directory: `close gone-service` resolves its reports)",
      '    2026-11-21 "The phone number has changed"',
    ]);
    expect(text).toContain("Not verified since 2025-11-22 (the stalest first):");
    expect(text).toContain(`  … and ${list.stale.length - 3} more records (--limit shows more)`);
    const all = formatReviewList(list, { today: "2026-11-22", staleBefore: "2025-11-22", limit: 50 });
    expect(all).not.toContain("more records (--limit shows more)");
    expect(all).toMatch(/^ {2}\S+ .* · illustrative sample: replace it or close it$/m);
    expect(text).not.toContain("synthetic-user");
    expect(text).toContain('  verify <id> --by "<your name>"  ');
  });

  it("says when nothing needs review", () => {
    expect(formatReviewList({ reported: [], stale: [], closedInFeed: [] }, { today: "2026-11-22", staleBefore: "2025-11-22", limit: 50 })).toBe(
      "Directory review, 2026-11-22: 0 records with reports of outdated details, 0 records not verified since 2025-11-22, 0 closed but still in a feed.\nNothing needs review.\n",
    );
  });

  it("prints a record's audit trail, oldest first", () => {
    const trail = [entry("lightbulb-hoarding", "corrected", "2026-11-21T10:00:00.000Z", { note: "New number", file: "lightbulb/lightbulb.yaml" }), entry("lightbulb-hoarding", "closed", "2026-11-22T10:00:00.000Z")];
    expect(formatHistory("lightbulb-hoarding", trail)).toBe(
      '2026-11-21T10:00:00.000Z  corrected by A. Maintainer, counts as verified on 2026-11-21: "New number" [local: services/lightbulb/lightbulb.yaml]\n2026-11-22T10:00:00.000Z  closed by A. Maintainer [local]\n',
    );
    expect(formatHistory("x", [])).toBe("No review of x has been recorded.\n");
  });
});
