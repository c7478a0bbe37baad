import { describe, expect, it } from "vitest";
import { percentOf, sharesOfTotal } from "./percentages.ts";

describe("report percentages", () => {
  it("gives a percentage to one decimal place, or null of nothing", () => {
    expect(percentOf(476, 490)).toBe(97.1);
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(5, 0)).toBeNull();
  });

  it("shares always add up to exactly 100.0", () => {
    const cases = [[1, 1, 1], [6, 1, 51, 22, 14, 6, 5, 1, 22, 1, 1, 2, 2, 3, 46], [1, 2, 3, 4, 5, 6, 7], [999, 1], [0, 7, 0]];
    for (const counts of cases) {
      const shares = sharesOfTotal(counts);
      expect(Math.round(shares.reduce((a, b) => a + b, 0) * 10)).toBe(1000);
      shares.forEach((s, i) => {
        expect(Math.abs(s - ((counts[i] ?? 0) * 100) / counts.reduce((a, b) => a + b, 0))).toBeLessThan(0.1);
      });
    }
    expect(sharesOfTotal([1, 1, 1])).toEqual([33.4, 33.3, 33.3]);
  });

  it("gives zeros when there is nothing to share", () => {
    expect(sharesOfTotal([0, 0])).toEqual([0, 0]);
    expect(sharesOfTotal([])).toEqual([]);
  });
});
