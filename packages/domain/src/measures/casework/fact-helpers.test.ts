import { describe, expect, it } from "vitest";
import { inWindow, memoDue, monthEnd, monthOf, nextMonth } from "./fact-helpers.ts";

describe("month helpers", () => {
  it("find month ends, leap years included", () => {
    expect(["2024-02", "2023-02", "2100-02", "2000-02", "2024-04", "2024-12"].map(monthEnd)).toEqual(["2024-02-29", "2023-02-28", "2100-02-28", "2000-02-29", "2024-04-30", "2024-12-31"]);
    // Asked twice: the remembered answer is the same.
    expect(monthEnd("2024-02")).toBe("2024-02-29");
  });

  it("step to the next month across a year end", () => {
    expect(["2024-01", "2024-09", "2024-12"].map(nextMonth)).toEqual(["2024-02", "2024-10", "2025-01"]);
  });

  it("place dates in months and months in windows (both ends included)", () => {
    expect(monthOf("2025-03-31")).toBe("2025-03");
    const window = { firstMonth: "2024-04", lastMonth: "2025-03" };
    expect(["2024-03", "2024-04", "2025-03", "2025-04"].map((m) => inWindow(m, window))).toEqual([false, true, true, false]);
  });

  it("remember due dates without changing them", () => {
    let calls = 0;
    const due = memoDue((d) => {
      calls += 1;
      return `${d}!`;
    }, 2);
    expect([due("a"), due("a"), due("b"), due("c"), due("a")]).toEqual(["a!", "a!", "b!", "c!", "a!"]);
    // "a" once, "b" once, "c" once (the cache was full, so cleared), then "a" again.
    expect(calls).toBe(4);
  });
});
