import { describe, expect, it } from "vitest";
import { leadersDashboard, longDashboard } from "../../../test/measure-dashboard-fixture.ts";
import { pdfPageCount, pdfStreams, pdfText } from "../../../test/pdf-text.ts";
import { renderMeasureDashboardPdf } from "./measure-dashboard-pdf.ts";

describe("the dashboard as a committee paper (PDF)", () => {
  it("prints the title, scope, period, date produced and each group's measures with their figures", async () => {
    const pdf = await renderMeasureDashboardPdf(leadersDashboard(), { producedOn: "2026-11-23" });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const raw = pdf.toString("latin1");
    expect(raw).toContain("/MediaBox [0 0 595.28 841.89]");
    const text = pdfText(pdf);
    expect(text).toContain("Children and young people's plan: outcomes");
    expect(text).toContain("Scope: Westminster (authority)");
    expect(text).toContain("Period: 1 April 2022 to 23 November 2026, trend by financial year");
    expect(text).toContain("Produced: 23 November 2026");
    expect(text).toContain("5 measures: 2 green, 1 amber, 0 red, 2 without a RAG rating");
    expect(text).toContain("1. Safe and supported");
    expect(text).toContain("2. Happy and healthy");
    expect(text).toContain("3. Listened to");
    expect(text).toContain("No measures are placed in this group yet.");
    // Each row: the latest complete year (2025/26) with its numerator and denominator, then the
    // whole period (not over yet: *), baseline, target and the latest year's RAG in words.
    expect(text).toContain("Assessments completed within 45 working days Percent, higher is better 87.0% 2025/26 870 1,000 85.2%* 78.5% (2018/19) 90.0% by March 2027 Amber");
    expect(text).toContain("Re-referrals to children's social care within 12 months Percent, lower is better 17.0% 2025/26 170 1,000 18.3%* 22.0% (2018/19) 20.0% Green");
    // A count: no denominator printed, no RAG (direction none).
    expect(text).toContain("Children who started to be looked after Count, context only (no RAG) 98 2025/26 98 – 1,627* – – No RAG");
    // The latest year meets the target (green) though the whole period does not.
    expect(text).toContain("Average SDQ score of children looked after Average score, lower is better 13.0 2025/26 1,300 100 14.0* – 13.0 by March 2027 Green");
    // A symbol the standard fonts cannot draw is spelt out; a measure without figures says so.
    expect(text).toContain("Schools judged good or outstanding >= 90% Percent, higher is better – – – – – – No RAG");
    expect(text).toContain("No figures for this period");
    // The charts' values and periods (a year not over marked *).
    for (const s of ["80.0%", "85.0%", "90.0%", "87.0%", "83.3%", "22/23", "26/27*", "1,234"]) expect(text).toContain(s);
    expect(text).toContain("Page 1 of 2");
    expect(text).toContain("Page 2 of 2");
    expect(text).toContain("Children and young people's plan: outcomes. Produced 23 November 2026 by Family Story.");
    // Reading order: the cover, then the groups in turn.
    expect(text.indexOf("Produced: 23 November")).toBeLessThan(text.indexOf("1. Safe and supported"));
    expect(text.indexOf("1. Safe and supported")).toBeLessThan(text.indexOf("2. Happy and healthy"));
  });

  it("is tagged for screen readers: language, headings, tables with header cells, figures with their values as text", async () => {
    const pdf = await renderMeasureDashboardPdf(leadersDashboard(), { producedOn: "2026-11-23" });
    const raw = pdf.toString("latin1");
    expect(raw).toContain("/StructTreeRoot");
    expect(raw).toContain("/Lang (en-GB)");
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    for (const tag of ["/H1", "/H2", "/P", "/Table", "/TR", "/TH", "/TD", "/Figure"]) expect(raw).toContain(`/S ${tag}`);
    expect(raw).toContain("/Alt (Trend of Assessments completed within 45 working days: 2022/23 80.0%, 2023/24 85.0%, 2024/25 90.0%, 2025/26 87.0%, 2026/27 83.3% \\(so far\\); target 90.0%.)");
    // The running footers are pagination artifacts, outside the structure.
    expect(pdfStreams(pdf).join("\n")).toMatch(/\/Artifact <<\s*\/Type \/Pagination\s*>> BDC/);
  });

  it("runs over several numbered pages for a long dashboard with monthly trends", async () => {
    const pdf = await renderMeasureDashboardPdf(longDashboard(), { producedOn: "2026-11-23" });
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(3);
    const text = pdfText(pdf);
    for (let i = 1; i <= pages; i++) expect(text).toContain(`Page ${String(i)} of ${String(pages)}`);
    expect(text).toContain("Scope: Locality Social Work North (team, its cases only)");
    expect(text).toContain("trend by month");
    expect(text).toContain("6. Theme 6");
    // A long trend labels only its first and last months.
    expect(text).toContain("Apr 2022");
    expect(text).toContain("Nov 2026*");
    expect(text).not.toContain("May 2022");
  });
});
