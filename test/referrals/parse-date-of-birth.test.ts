import { describe, expect, it } from "vitest";
import { parseDateOfBirth, ukDate } from "../../src/referrals/parse-date-of-birth.js";

const today = new Date("2026-12-04T12:00:00Z");
const read = (text: string) => parseDateOfBirth(text, today);

describe("a date of birth as people in the UK write it", () => {
  it.each([
    ["12/03/1942", "1942-03-12"],
    ["2/3/1942", "1942-03-02"],
    ["12-03-1942", "1942-03-12"],
    ["12.03.1942", "1942-03-12"],
    ["12 March 1942", "1942-03-12"],
    ["12 march 1942", "1942-03-12"],
    ["12 Mar 1942", "1942-03-12"],
    ["12th March, 1942", "1942-03-12"],
    ["1 Sept 1942", "1942-09-01"],
    ["1942-03-12", "1942-03-12"],
    ["  29/02/1944 ", "1944-02-29"],
  ])("reads %s as %s (day first)", (text, iso) => {
    expect(read(text)).toEqual({ ok: true, iso });
  });

  it("refuses a day the month does not have, saying it is not a real date", () => {
    expect(read("31/02/1942")).toEqual({ ok: false, message: "31/02/1942 is not a real date. Please check the day and the month." });
    expect(read("29/02/1942")).toEqual({ ok: false, message: "29/02/1942 is not a real date. Please check the day and the month." });
    expect(read("12/13/1942")).toEqual({ ok: false, message: "12/13/1942 is not a real date. Please check the day and the month." });
  });

  it("refuses a date of birth in the future, a two-digit year, and what is not a date, each with a sentence", () => {
    expect(read("12/03/2031")).toEqual({ ok: false, message: "A date of birth can't be in the future. Please check the year." });
    expect(read("12/3/42")).toEqual({ ok: false, message: "Please give the year of birth in full, like 12/03/1942 or 12 March 1942." });
    expect(read("last spring")).toEqual({ ok: false, message: "Please give the date of birth as a date, like 12/03/1942 or 12 March 1942." });
    expect(read("12/03/1842")).toEqual({ ok: false, message: "Please check the year of birth: it is before 1900." });
  });

  it("shows an ISO date back as the form takes it", () => {
    expect(ukDate("1942-03-12")).toBe("12/03/1942");
  });
});
