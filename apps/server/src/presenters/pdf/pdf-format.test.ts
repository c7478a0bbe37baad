import { describe, expect, it } from "vitest";
import { formatBaseline, formatCount, formatTarget, formatValue, longDate, pdfSafe, ragWords } from "./pdf-format.ts";
import { niceMax } from "./pdf-trend-chart.ts";

describe("how the committee paper writes figures", () => {
  it("writes dates the GOV.UK way", () => {
    expect(longDate("2026-11-23")).toBe("23 November 2026");
    expect(longDate("2024-02-29")).toBe("29 February 2024");
  });

  it("writes each unit's value, and a dash for none", () => {
    expect(formatValue(85.2173, "percent")).toBe("85.2%");
    expect(formatValue(100, "percent")).toBe("100.0%");
    expect(formatValue(1234, "count")).toBe("1,234");
    expect(formatValue(42.25, "rate")).toBe("42.3 per 10,000");
    expect(formatValue(14, "score")).toBe("14.0");
    expect(formatValue(23.44, "days")).toBe("23.4 days");
    expect(formatValue(null, "percent")).toBe("–");
    expect(formatCount(1234567)).toBe("1,234,567");
    expect(formatCount(null)).toBe("–");
  });

  it("writes baselines with their period and targets with their date", () => {
    const t = { baselineValue: 48, baselineLabel: "2018/19", targetValue: 60, targetDate: "2027-03-31", amberTolerance: 5, note: null, version: 1 };
    expect(formatBaseline(t, "percent")).toBe("48.0% (2018/19)");
    expect(formatTarget(t, "percent")).toBe("60.0% by March 2027");
    expect(formatTarget({ ...t, targetDate: null }, "count")).toBe("60");
    expect(formatBaseline({ ...t, baselineValue: null }, "percent")).toBe("–");
    expect(formatTarget(null, "percent")).toBe("–");
  });

  it("says RAG in words", () => {
    expect([ragWords("green"), ragWords("amber"), ragWords("red"), ragWords(null)]).toEqual(["Green", "Amber", "Red", "No RAG"]);
  });

  it("keeps text the standard fonts can draw, spells out a few symbols and marks the rest", () => {
    expect(pdfSafe("Children’s plan – 2024/25 £5 é")).toBe("Children’s plan – 2024/25 £5 é");
    expect(pdfSafe("≥ 90% and ≤ 5 → up")).toBe(">= 90% and <= 5 -> up");
    expect(pdfSafe("家")).toBe("?");
  });

  it("rounds a chart's axis up to 1, 2, 2.5 or 5 times a power of ten (counts to a whole half)", () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(83.3)).toBe(100);
    expect(niceMax(21)).toBe(25);
    expect(niceMax(1234)).toBe(2000);
    expect(niceMax(0.4)).toBe(0.5);
    // Counts: a whole number half way up.
    expect(niceMax(0, true)).toBe(2);
    expect(niceMax(1, true)).toBe(2);
    expect(niceMax(21, true)).toBe(50);
    expect(niceMax(1234, true)).toBe(2000);
  });
});
