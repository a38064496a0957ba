import { describe, expect, it } from "vitest";
import { addMonths } from "../../src/time/add-months.js";

describe("addMonths", () => {
  it("moves by calendar months, across years both ways", () => {
    expect(addMonths("2027-03-29", -6)).toBe("2026-09-29");
    expect(addMonths("2027-01-15", -1)).toBe("2026-12-15");
    expect(addMonths("2026-11-30", 3)).toBe("2027-02-28");
    expect(addMonths("2027-03-29", -60)).toBe("2022-03-29");
    expect(addMonths("2027-03-29", 0)).toBe("2027-03-29");
  });

  it("takes the month's last day when the month is shorter", () => {
    expect(addMonths("2027-08-31", -6)).toBe("2027-02-28");
    expect(addMonths("2028-08-31", -6)).toBe("2028-02-29");
    expect(addMonths("2027-05-31", -1)).toBe("2027-04-30");
  });

  it("refuses a date it cannot read and a fraction of a month", () => {
    expect(() => addMonths("2027-3-29", 1)).toThrow("cannot add 1 months to 2027-3-29");
    expect(() => addMonths("2027-03-29", 1.5)).toThrow("cannot add");
  });
});
