import { describe, expect, it } from "vitest";
import { labelIndexes, niceScale } from "./chart-scale.ts";

describe("niceScale", () => {
  it("puts percentages on round steps inside 0–100", () => {
    expect(niceScale([68.2, 71.5, 74.9], true)).toEqual({ min: 68, max: 76, ticks: [68, 70, 72, 74, 76] });
    expect(niceScale([92, 99.5, 100], true)).toEqual({ min: 92, max: 100, ticks: [92, 94, 96, 98, 100] });
  });

  it("starts counts at zero when they are not far from it", () => {
    expect(niceScale([120, 180, 310], false)).toEqual({ min: 0, max: 400, ticks: [0, 100, 200, 300, 400] });
  });

  it("gives a flat series some room, and an empty one a default", () => {
    const flat = niceScale([50, 50], true);
    expect(flat.min).toBeLessThan(50);
    expect(flat.max).toBeGreaterThan(50);
    expect(niceScale([0, 0], false)).toEqual({ min: 0, max: 1.25, ticks: [0, 0.25, 0.5, 0.75, 1, 1.25] });
    expect(niceScale([], true).ticks).toEqual([0, 25, 50, 75, 100]);
  });
});

describe("niceScale for whole numbers", () => {
  it("steps by whole numbers, never 2.5 or halves", () => {
    expect(niceScale([5, 5, 6, 7], false, true).ticks).toEqual([5, 6, 7, 8]);
    expect(niceScale([43, 53], false, true).ticks).toEqual([40, 45, 50, 55]);
    expect(niceScale([120, 180, 310], false, true).ticks).toEqual([0, 100, 200, 300, 400]);
  });
});

describe("labelIndexes", () => {
  it("labels every point when they fit, else every k-th counting back from the last", () => {
    expect([...labelIndexes(5, 8)]).toEqual([0, 1, 2, 3, 4]);
    expect([...labelIndexes(12, 6)].sort((a, b) => a - b)).toEqual([1, 3, 5, 7, 9, 11]);
  });
});
