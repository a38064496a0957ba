import { describe, expect, it } from "vitest";
import { hiddenToProtect, suppressCells, suppressed, suppressWithTotal } from "../../src/insight/suppression.js";

describe("small-number suppression", () => {
  it("shows 1 to 4 as <5, and zero and 5 upwards as they are", () => {
    expect(suppressCells([0, 1, 4, 5, 12])).toEqual([0, suppressed, suppressed, 5, 12]);
  });

  it("hides the next smallest count when one hidden count could be worked out from the total", () => {
    // 9 - 6 would give the 3 away; 6 is hidden too, as *, not as an untrue <5.
    expect(suppressWithTotal([6, 3, 0, 20])).toEqual({ cells: [hiddenToProtect, suppressed, 0, 20], total: 29 });
  });

  it("needs nothing more when two counts are already hidden", () => {
    expect(suppressWithTotal([2, 3, 10])).toEqual({ cells: [suppressed, suppressed, 10], total: 15 });
  });

  it("hides the total when nothing else can hide the one small count", () => {
    expect(suppressWithTotal([0, 3, 0])).toEqual({ cells: [0, suppressed, 0], total: suppressed });
    expect(suppressWithTotal([0, 4, 0, 0, 0, 0].concat([0]))).toMatchObject({ total: suppressed });
  });

  it("hides a total under 5 whatever the cells", () => {
    expect(suppressWithTotal([1, 1, 1])).toEqual({ cells: [suppressed, suppressed, suppressed], total: suppressed });
  });

  it("leaves a row of large counts alone", () => {
    expect(suppressWithTotal([7, 0, 12])).toEqual({ cells: [7, 0, 12], total: 19 });
  });
});
