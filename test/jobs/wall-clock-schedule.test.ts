import { describe, expect, it } from "vitest";
import { WallClockSchedule } from "../../src/jobs/wall-clock-schedule.js";

const slot = (pattern: string, at: string) => WallClockSchedule.parse(pattern).latestSlot(new Date(at));

describe("WallClockSchedule: the latest slot, in London wall-clock time", () => {
  it("reads London time in winter (GMT) and in summer (BST)", () => {
    expect(slot("0 9 * * *", "2026-11-30T09:05:00Z")).toEqual({ key: "2026-11-30T09:00", minutesAgo: 5 });
    // 08:05 UTC in June is 09:05 in London.
    expect(slot("0 9 * * *", "2026-06-15T08:05:00Z")).toEqual({ key: "2026-06-15T09:00", minutesAgo: 5 });
    // Before today's slot, yesterday's is the latest.
    expect(slot("0 9 * * *", "2026-11-30T08:59:00Z")).toEqual({ key: "2026-11-29T09:00", minutesAgo: 1439 });
  });

  it("keeps to weekdays, and to days of the month or weekdays when both are given (cron's rule)", () => {
    // Monday 30 November 2026; Sunday 29th.
    expect(slot("0 9 * * 1-5", "2026-11-29T12:00:00Z")?.key).toBe("2026-11-27T09:00");
    expect(slot("0 8 * * 1", "2026-12-02T12:00:00Z")?.key).toBe("2026-11-30T08:00");
    expect(slot("0 8 1 * 1", "2026-11-29T12:00:00Z")?.key).toBe("2026-11-23T08:00"); // Monday beats the 1st
    expect(slot("0 8 1 * 1", "2026-12-01T12:00:00Z")?.key).toBe("2026-12-01T08:00"); // the 1st (a Tuesday)
  });

  it("picks the latest of several times in a day, and steps", () => {
    expect(slot("*/15 * * * *", "2026-11-30T10:44:00Z")).toEqual({ key: "2026-11-30T10:30", minutesAgo: 14 });
    expect(slot("0 6,18 * * *", "2026-11-30T17:59:00Z")?.key).toBe("2026-11-30T06:00");
  });

  it("the night the clocks go forward (28 March 2027): 02:30 comes round once, and 01:30, which never shows, as soon as the clocks pass it", () => {
    // 00:59 UTC is 00:59 GMT; at 01:00 UTC the clocks jump from 01:00 GMT to 02:00 BST.
    expect(slot("30 1 * * *", "2027-03-28T00:59:00Z")?.key).toBe("2027-03-27T01:30");
    expect(slot("30 1 * * *", "2027-03-28T01:00:00Z")).toEqual({ key: "2027-03-28T01:30", minutesAgo: 30 });
    expect(slot("30 2 * * *", "2027-03-28T01:29:00Z")?.key).toBe("2027-03-27T02:30");
    expect(slot("30 2 * * *", "2027-03-28T01:30:00Z")).toEqual({ key: "2027-03-28T02:30", minutesAgo: 0 });
  });

  it("the night the clocks go back (31 October 2027): 01:30 shows twice and is one slot", () => {
    const first = slot("30 1 * * *", "2027-10-31T00:30:00Z"); // 01:30 BST
    const second = slot("30 1 * * *", "2027-10-31T01:30:00Z"); // 01:30 GMT
    expect(first?.key).toBe("2027-10-31T01:30");
    expect(second?.key).toBe("2027-10-31T01:30");
  });

  it.each([
    ["0 9 * *", /five fields/],
    ["0 0 9 * * *", /five fields/],
    ["61 9 * * *", /not a valid cron schedule/],
    ["0 9 L * *", /(not a valid cron schedule|use numbers)/],
    ["every day at nine", /five fields|not a valid/],
  ])("refuses %s with a sentence saying why", (pattern, message) => {
    expect(() => WallClockSchedule.parse(pattern)).toThrow(message);
  });

  it("gives no slot when the last one is more than a month back (a yearly job in another season)", () => {
    expect(slot("0 9 1 6 *", "2026-11-30T12:00:00Z")).toBeUndefined();
    expect(slot("0 9 1 6 *", "2026-06-01T12:00:00Z")?.key).toBe("2026-06-01T09:00");
  });
});
