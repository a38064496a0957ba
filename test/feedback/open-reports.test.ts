import { describe, expect, it } from "vitest";
import { openReports } from "../../src/feedback/open-reports.js";
import { outdatedReport as report } from "../support/outdated-report.js";


describe("openReports", () => {
  const early = report("a", "2026-11-20T09:00:00.000Z");
  const late = report("a", "2026-11-21T16:00:00.000Z");
  const other = report("b", "2026-11-19T12:00:00.000Z");

  it("keeps every report when nothing has happened since, the oldest first", () => {
    expect(openReports([late, early, other], () => ({}))).toEqual([other, early, late]);
  });

  it("resolves the reports made before a maintainer's review, not those made after it", () => {
    const resolution = (id: string) => (id === "a" ? { reviewedAt: "2026-11-21T10:00:00.000Z" } : {});
    expect(openReports([early, late, other], resolution)).toEqual([other, late]);
    expect(openReports([early], () => ({ reviewedAt: early.reportedAt }))).toEqual([]);
  });

  it("resolves a report by a verification dated after its day (a feed's assured date, or a file's), not on it", () => {
    expect(openReports([early, late], () => ({ verifiedOn: "2026-11-21" }))).toEqual([late]);
    expect(openReports([early, late], () => ({ verifiedOn: "2026-11-22" }))).toEqual([]);
    expect(openReports([early], () => ({ verifiedOn: "2026-11-19" }))).toEqual([early]);
  });

  it("reads the report's day in London: 23:30 UTC in summer is the next day", () => {
    const summer = report("a", "2026-07-01T23:30:00.000Z");
    expect(openReports([summer], () => ({ verifiedOn: "2026-07-02" }))).toEqual([summer]);
    expect(openReports([summer], () => ({ verifiedOn: "2026-07-03" }))).toEqual([]);
  });
});
