import type { MeasurePoint } from "@family-story/schemas";
import { describe, expect, it } from "vitest";
import { changeText, formatFraction, formatMeasureValue, pointLabel, ragLabel, trendSummary } from "./measure-format.ts";

const point = (label: string, value: number | null, complete = true, numerator: number | null = null, denominator: number | null = null): MeasurePoint => ({
  label,
  from: "2024-04-01",
  to: "2025-03-31",
  numerator,
  denominator,
  value,
  source: null,
  sourceDate: null,
  complete,
});

describe("measure values in words", () => {
  it("formats each unit", () => {
    expect(formatMeasureValue(72.456, "percent")).toBe("72.5%");
    expect(formatMeasureValue(1204, "count")).toBe("1,204");
    expect(formatMeasureValue(41.26, "rate")).toBe("41.3 per 10,000");
    expect(formatMeasureValue(14.2, "score")).toBe("14.2");
    expect(formatMeasureValue(1, "days")).toBe("1 day");
    expect(formatMeasureValue(null, "percent")).toBe("No figure");
  });

  it("gives the numerator and denominator behind a percentage, none behind a count", () => {
    expect(formatFraction({ numerator: 145, denominator: 200 }, "percent")).toBe("145 of 200");
    expect(formatFraction({ numerator: 12, denominator: 12 }, "count")).toBeNull();
    expect(pointLabel(point("2025/26", 72.5, false, 145, 200), "percent")).toBe("2025/26: 72.5% (145 of 200), so far");
  });

  it("says RAG in words as well as colour", () => {
    expect(ragLabel("amber")).toEqual({ text: "Amber: close to target", tag: "govuk-tag--yellow" });
    expect(ragLabel(null).text).toBe("Not rated");
  });
});

describe("changeText", () => {
  it("judges the latest change by the direction of good", () => {
    const trend = [point("2022/23", 20), point("2023/24", 18.4), point("2024/25", null)];
    expect(changeText(trend, "percent", "down")).toBe("Down 1.6 points from 2022/23 to 2023/24, improving");
    expect(changeText(trend, "percent", "up")).toBe("Down 1.6 points from 2022/23 to 2023/24, worsening");
    expect(changeText([point("2023/24", 10), point("2024/25", 12, false)], "count", "none")).toBe("Up 2 from 2023/24 to 2024/25 so far");
    expect(changeText([point("2024/25", 12)], "count", "up")).toBeNull();
  });
});

describe("trendSummary", () => {
  it("describes the first and last figures, the range, the target and gaps", () => {
    const trend = [point("2021/22", 70), point("2022/23", 65), point("2023/24", null), point("2024/25", 74.5, false)];
    expect(trendSummary("Reviews on time", trend, "percent", 80)).toBe(
      "Reviews on time: 70.0% in 2021/22, 74.5% in 2024/25 (so far). Highest 74.5% (2024/25), lowest 65.0% (2022/23). Target 80.0%. 1 period has no figure.",
    );
    expect(trendSummary("Reviews on time", [point("2021/22", null)], "percent", null)).toBe("Reviews on time: no figures for this period.");
  });
});
