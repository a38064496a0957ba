import { describe, expect, it } from "vitest";
import { isoWeek } from "../../src/time/iso-week.js";

describe("isoWeek", () => {
  it("numbers weeks from the one holding the year's first Thursday, Monday to Sunday", () => {
    expect(isoWeek("2027-03-29")).toBe("2027-W13"); // a Monday
    expect(isoWeek("2027-04-04")).toBe("2027-W13"); // the Sunday of the same week
    expect(isoWeek("2027-04-05")).toBe("2027-W14");
    expect(isoWeek("2027-01-04")).toBe("2027-W01");
  });

  it("gives the first days of January to the last year's week, and the last days of December to the next year's", () => {
    expect(isoWeek("2027-01-03")).toBe("2026-W53"); // 2026 began on a Thursday: it has 53 weeks
    expect(isoWeek("2026-12-31")).toBe("2026-W53");
    expect(isoWeek("2024-12-30")).toBe("2025-W01");
    expect(isoWeek("2021-01-01")).toBe("2020-W53");
  });

  it("refuses what is not a YYYY-MM-DD date", () => {
    expect(() => isoWeek("29/03/2027")).toThrow("not a YYYY-MM-DD date");
    expect(() => isoWeek("")).toThrow("not a YYYY-MM-DD date");
  });
});
