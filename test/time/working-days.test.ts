import { describe, expect, it } from "vitest";
import { WorkingDays } from "../../src/time/working-days.js";

const days = new WorkingDays();

describe("WorkingDays", () => {
  it("skips weekends: Friday to Monday is one working day", () => {
    expect(days.between("2026-11-27", "2026-11-30")).toBe(1);
    expect(days.between("2026-11-27", "2026-11-27")).toBe(0);
    expect(days.isWorkingDay("2026-11-28")).toBe(false);
  });

  it("skips Easter: from the Thursday before Good Friday 2027, Tuesday is one working day on", () => {
    expect(days.between("2027-03-25", "2027-03-30")).toBe(1);
    expect(days.isWorkingDay("2027-03-26")).toBe(false);
    expect(days.isWorkingDay("2027-03-29")).toBe(false);
  });

  it("skips Christmas and its substitute days: 24 December 2027 to 29 December is one", () => {
    expect(days.between("2027-12-24", "2027-12-29")).toBe(1);
  });

  it("skips the days configuration names", () => {
    const closed = new WorkingDays(new Set(["2026-12-01"]));
    expect(closed.between("2026-11-30", "2026-12-02")).toBe(1);
    expect(days.between("2026-11-30", "2026-12-02")).toBe(2);
  });

  it("counts nothing backwards", () => {
    expect(days.between("2026-12-02", "2026-11-30")).toBe(0);
  });
});
