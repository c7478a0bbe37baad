import type { Report, ReportTable } from "@family-story/schemas";
import type { Kysely } from "kysely";
import type { Database } from "../../db/database-types.ts";
import { percentOf, sharesOfTotal } from "./percentages.ts";
import { inReportTransaction } from "./population-queries.ts";
import { TREND_YEARS, reportYear, yearEndLabel, yearLabel, yearsEndingWith } from "./report-year.ts";
import { stabilityCounts, stabilityWindow, type StabilityCounts } from "./stability-queries.ts";

const PLACEMENT_COUNT_LABELS = ["None counted (temporary placements only)", "1", "2", "3", "4", "5 or more"];

function threePlusTable(years: readonly number[], counts: readonly StabilityCounts[]): ReportTable {
  return {
    id: "three-plus",
    title: "Children looked after at 31 March with 3 or more placements during the year",
    description: "Children looked after at 31 March (not on short breaks) who had three or more placements during the year ending that day; temporary placements and returns from them are not counted.",
    columns: [
      { key: "year", label: "At", type: "text" },
      { key: "cohort", label: "Looked after", type: "count" },
      { key: "threePlus", label: "With 3 or more placements", type: "count" },
      { key: "percent", label: "% with 3 or more", type: "percent" },
    ],
    rows: years.map((year, i) => {
      const c = counts[i];
      return { year: yearEndLabel(year), cohort: c?.cohort ?? 0, threePlus: c?.threePlus ?? 0, percent: percentOf(c?.threePlus ?? 0, c?.cohort ?? 0) };
    }),
    totals: null,
  };
}

function longTermTable(years: readonly number[], counts: readonly StabilityCounts[]): ReportTable {
  return {
    id: "long-term",
    title: "Children under 16 looked after for 2.5 years or more, in the same placement for 2 years or more",
    description: "Of children under 16 at 31 March looked after continuously for at least 2.5 years, those in the same placement for at least 2 years, or placed for adoption with the adoptive and previous placements together lasting 2 years.",
    columns: [
      { key: "year", label: "At", type: "text" },
      { key: "cohort", label: "Under 16, looked after 2.5 years or more", type: "count" },
      { key: "stable", label: "Same placement 2 years or more", type: "count" },
      { key: "percent", label: "% in the same placement", type: "percent" },
    ],
    rows: years.map((year, i) => {
      const c = counts[i];
      return { year: yearEndLabel(year), cohort: c?.longTermCohort ?? 0, stable: c?.longTermStable ?? 0, percent: percentOf(c?.longTermStable ?? 0, c?.longTermCohort ?? 0) };
    }),
    totals: null,
  };
}

function distributionTable(year: number, c: StabilityCounts): ReportTable {
  const shares = sharesOfTotal(c.byPlacements);
  return {
    id: "placements-in-year",
    title: `Number of placements during ${yearLabel(year)} of children looked after at ${yearEndLabel(year)}`,
    description: "The children of the first table by how many placements they had during the year.",
    columns: [
      { key: "placements", label: "Placements in the year", type: "text" },
      { key: "count", label: "Children", type: "count" },
      { key: "percent", label: "% of children", type: "percent" },
    ],
    rows: c.byPlacements.map((n, i) => ({ placements: PLACEMENT_COUNT_LABELS[i] ?? String(i), count: n, percent: shares[i] ?? 0 })).filter((r, i) => i > 0 || r.count > 0),
    totals: { placements: "Total", count: c.cohort, percent: c.cohort === 0 ? 0 : 100 },
  };
}

/** Placement stability for the year and the two before it. */
export async function buildPlacementStabilityReport(db: Kysely<Database>, authority: { code: string; name: string }, year: number, today?: string): Promise<Report> {
  const span = reportYear(year, today);
  const years = yearsEndingWith(year, TREND_YEARS);
  const counts = await Promise.all(years.map((y) => {
    const s = reportYear(y, today);
    return inReportTransaction(db, (trx) => stabilityCounts(trx, authority.code, stabilityWindow(s.from, s.to)));
  }));
  const current = counts.at(-1) ?? { cohort: 0, threePlus: 0, byPlacements: [0, 0, 0, 0, 0, 0], longTermCohort: 0, longTermStable: 0 };
  return {
    report: "placement-stability",
    title: `Placement stability of children looked after, ${span.label}`,
    authority,
    year,
    yearLabel: span.label,
    periodStart: span.from,
    periodEnd: span.to,
    complete: span.complete,
    generatedAt: new Date().toISOString(),
    tables: [threePlusTable(years, counts), longTermTable(years, counts), distributionTable(year, current)],
  };
}
