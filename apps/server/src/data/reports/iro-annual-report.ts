import type { Report } from "@family-story/schemas";
import type { Kysely } from "kysely";
import type { Database } from "../../db/database-types.ts";
import { tableA, tableB, tableE, tableF, tableG, tableH, tablePlacements, tableReviews } from "./iro-annual-tables.ts";
import { ceasedByReason, inReportTransaction, lookedAfterAtYearEnd, startersByYear } from "./population-queries.ts";
import { TABLE_A_YEARS, TREND_YEARS, reportYear, yearsEndingWith } from "./report-year.ts";
import { participationCounts, reviewTimelinessCounts } from "./review-queries.ts";

/**
 * The IRO annual report for an authority and collection year: Tables A–H and the reviews table,
 * from five set-based queries run side by side (on PostgreSQL each takes a pooled connection).
 */
export async function buildIroAnnualReport(db: Kysely<Database>, authority: { code: string; name: string }, year: number, today?: string): Promise<Report> {
  const span = reportYear(year, today);
  const aYears = yearsEndingWith(year, TABLE_A_YEARS);
  const trendYears = yearsEndingWith(year, TREND_YEARS);
  // Each query in a read-only transaction of its own, so on PostgreSQL they run side by side.
  const [snapshots, starters, ceased, reviews, participation] = await Promise.all([
    inReportTransaction(db, (trx) => lookedAfterAtYearEnd(trx, authority.code, aYears)),
    inReportTransaction(db, (trx) => startersByYear(trx, authority.code, trendYears[0] ?? year, year)),
    inReportTransaction(db, (trx) => ceasedByReason(trx, authority.code, span.from, span.to)),
    inReportTransaction(db, (trx) => reviewTimelinessCounts(trx, authority.code, span.from, span.to)),
    inReportTransaction(db, (trx) => participationCounts(trx, authority.code, span.from, span.to)),
  ]);

  return {
    report: "iro-annual",
    title: `Independent reviewing service annual report: children looked after, ${span.label}`,
    authority,
    year,
    yearLabel: span.label,
    periodStart: span.from,
    periodEnd: span.to,
    complete: span.complete,
    generatedAt: new Date().toISOString(),
    tables: [
      tableA(snapshots, aYears),
      tableB(starters, trendYears),
      tablePlacements(starters, year, "C"),
      tablePlacements(starters, year, "D"),
      tableE(starters, year),
      tableF(snapshots, trendYears),
      tableG(ceased, year),
      tableReviews(reviews, year),
      tableH(participation, year),
    ],
  };
}
