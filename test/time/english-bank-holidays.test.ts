import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { easterSunday, englishBankHolidays } from "../../src/time/english-bank-holidays.js";
import { weekdayOf } from "../../src/time/wall-clock.js";

const published = parse(readFileSync(new URL("../fixtures/english-bank-holidays.yaml", import.meta.url), "utf8"), { schema: "failsafe" }) as Record<string, string[]>;

describe("English bank holidays", () => {
  it.each(Object.entries(published))("%s matches GOV.UK's list", (year, days) => {
    expect(englishBankHolidays(Number(year))).toEqual(days);
  });

  it("finds Easter by the Gregorian rule in years far from the list", () => {
    expect(easterSunday(2000)).toBe("2000-04-23");
    expect(easterSunday(2038)).toBe("2038-04-25"); // as late as Easter falls
    expect(easterSunday(2285)).toBe("2285-03-22"); // as early
  });

  it("always gives eight days or more, each on a weekday, for decades ahead", () => {
    for (let year = 2028; year <= 2060; year++) {
      const days = englishBankHolidays(year);
      expect(days.length).toBeGreaterThanOrEqual(8);
      for (const day of days) expect([1, 2, 3, 4, 5]).toContain(weekdayOf(day));
      expect(new Set(days).size).toBe(days.length);
    }
  });
});
