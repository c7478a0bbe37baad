import { describe, expect, it } from "vitest";
import { addMonths, financialQuarterOf, financialYearLabel, financialYearOf, measurePeriod, monthEnd, monthLabel, monthOf, monthStart, monthsFrom, trendIntervals } from "./periods.ts";

describe("months", () => {
  it("steps across year ends both ways", () => {
    expect(addMonths("2024-11", 3)).toBe("2025-02");
    expect(addMonths("2024-01", -1)).toBe("2023-12");
    expect(addMonths("2024-03", -15)).toBe("2022-12");
    expect(addMonths("2024-12", 0)).toBe("2024-12");
  });

  it("knows the last day of each month, 29 February in leap years only", () => {
    expect(monthEnd("2024-02")).toBe("2024-02-29");
    expect(monthEnd("2023-02")).toBe("2023-02-28");
    expect(monthEnd("2000-02")).toBe("2000-02-29");
    expect(monthEnd("2100-02")).toBe("2100-02-28");
    expect(monthEnd("2024-04")).toBe("2024-04-30");
    expect(monthEnd("2024-12")).toBe("2024-12-31");
    expect(monthStart("2024-12")).toBe("2024-12-01");
    expect(monthOf("2024-12-31")).toBe("2024-12");
  });

  it("lists the months of a range inclusive, none when it runs backwards", () => {
    expect(monthsFrom("2024-11", "2025-02")).toEqual(["2024-11", "2024-12", "2025-01", "2025-02"]);
    expect(monthsFrom("2024-05", "2024-05")).toEqual(["2024-05"]);
    expect(monthsFrom("2024-05", "2024-04")).toEqual([]);
  });
});

describe("financial years and quarters", () => {
  it("starts the year on 1 April", () => {
    expect(financialYearOf("2024-03")).toBe(2023);
    expect(financialYearOf("2024-04")).toBe(2024);
    expect(financialYearOf("2025-01")).toBe(2024);
    expect(financialYearLabel(2024)).toBe("2024/25");
    expect(financialYearLabel(1999)).toBe("1999/00");
  });

  it("numbers quarters from April", () => {
    expect(["04", "06", "07", "09", "10", "12", "01", "03"].map((m) => financialQuarterOf(`2024-${m}`))).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it("labels months as people say them", () => {
    expect(monthLabel("2024-04")).toBe("Apr 2024");
    expect(monthLabel("2025-01")).toBe("Jan 2025");
  });
});

describe("measurePeriod", () => {
  it("widens the days asked for to whole months", () => {
    expect(measurePeriod("2024-06-15", "2024-09-02", "2026-01-10")).toEqual({ from: "2024-06-01", to: "2024-09-30", firstMonth: "2024-06", lastMonth: "2024-09" });
  });

  it("defaults to five financial years to today", () => {
    expect(measurePeriod(undefined, undefined, "2026-11-23")).toEqual({ from: "2022-04-01", to: "2026-11-30", firstMonth: "2022-04", lastMonth: "2026-11" });
    // In March the current financial year is the one that started the April before.
    expect(measurePeriod(undefined, undefined, "2026-03-31")).toEqual({ from: "2021-04-01", to: "2026-03-31", firstMonth: "2021-04", lastMonth: "2026-03" });
    expect(measurePeriod(undefined, undefined, "2026-04-01").from).toBe("2022-04-01");
    expect(measurePeriod("2020-01-01", undefined, "2026-04-01").lastMonth).toBe("2026-04");
  });
});

describe("trendIntervals", () => {
  const today = "2025-05-20";

  it("splits by financial year, cutting the ends to the period and marking the current year incomplete", () => {
    const years = trendIntervals(measurePeriod("2023-06-01", "2025-05-20", today), "year", today);
    expect(years.map((y) => [y.label, y.from, y.to, y.complete])).toEqual([
      ["2023/24", "2023-06-01", "2024-03-31", true],
      ["2024/25", "2024-04-01", "2025-03-31", true],
      ["2025/26", "2025-04-01", "2025-05-31", false],
    ]);
  });

  it("splits by quarter", () => {
    const quarters = trendIntervals(measurePeriod("2024-02-10", "2024-10-01", today), "quarter", today);
    expect(quarters.map((q) => [q.label, q.firstMonth, q.lastMonth])).toEqual([
      ["2023/24 Q4", "2024-02", "2024-03"],
      ["2024/25 Q1", "2024-04", "2024-06"],
      ["2024/25 Q2", "2024-07", "2024-09"],
      ["2024/25 Q3", "2024-10", "2024-10"],
    ]);
  });

  it("splits by month; a month ending today is not complete", () => {
    const months = trendIntervals(measurePeriod("2025-03-01", "2025-05-31", "2025-04-30"), "month", "2025-04-30");
    expect(months.map((m) => [m.label, m.from, m.to, m.complete])).toEqual([
      ["Mar 2025", "2025-03-01", "2025-03-31", true],
      ["Apr 2025", "2025-04-01", "2025-04-30", false],
      ["May 2025", "2025-05-01", "2025-05-31", false],
    ]);
  });
});
