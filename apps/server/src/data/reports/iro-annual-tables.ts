import { CATEGORIES_OF_NEED, DFE_AGE_BANDS, REASONS_EPISODE_CEASED, REVIEW_PARTICIPATION, dfeAgeBand, iroAgeBand } from "@family-story/domain";
import type { ReportCell, ReportColumn, ReportTable } from "@family-story/schemas";
import { percentOf, sharesOfTotal } from "./percentages.ts";
import { PLACEMENT_GROUPS, placementGroup } from "./placement-groups.ts";
import type { CeasedCount, SnapshotCount, StarterCount } from "./population-queries.ts";
import { yearEndLabel, yearLabel } from "./report-year.ts";
import type { ReviewTimelinessCounts } from "./review-queries.ts";

/**
 * The IRO annual report's tables, built from the counts the queries return. Pure: the same
 * counts always give the same tables. Definitions are in docs/measures.md.
 */

type Row = Record<string, ReportCell>;
const NOT_KNOWN = { key: "not_known", label: "Age not known" };

const col = (key: string, label: string, type: ReportColumn["type"] = "count"): ReportColumn => ({ key, label, type });
const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** Rows of code, label, count and share (adding to 100.0), with a totals row. */
function codedShares(codes: readonly { code: string; label: string }[], counts: ReadonlyMap<string | null, number>, options: { keepZeros: boolean; codeLabel?: string }): Pick<ReportTable, "columns" | "rows" | "totals"> {
  const listed = codes.map((c) => ({ code: c.code, label: c.label, n: counts.get(c.code) ?? 0 }));
  const known = new Set(codes.map((c) => c.code));
  const others = [...counts.entries()].filter(([code]) => code === null || !known.has(code)).reduce((a, [, n]) => a + n, 0);
  const entries = [...listed.filter((e) => options.keepZeros || e.n > 0), ...(others > 0 ? [{ code: "", label: "Not recorded or not a current code", n: others }] : [])];
  const shares = sharesOfTotal(entries.map((e) => e.n));
  const total = sum(entries.map((e) => e.n));
  return {
    columns: [col("code", options.codeLabel ?? "Code", "text"), col("label", "Description", "text"), col("count", "Number"), col("percent", "% of total", "percent")],
    rows: entries.map((e, i) => ({ code: e.code, label: e.label, count: e.n, percent: shares[i] ?? 0 })),
    totals: { code: "", label: "Total", count: total, percent: total === 0 ? 0 : 100 },
  };
}

/** Table A: looked after at 31 March of each year, by the DfE's age bands. */
export function tableA(snapshots: readonly SnapshotCount[], years: readonly number[]): ReportTable {
  const hasUnknown = snapshots.some((s) => s.age === null && s.n > 0);
  const bands = [...DFE_AGE_BANDS.map((b) => ({ key: b.code, label: b.label })), ...(hasUnknown ? [NOT_KNOWN] : [])];
  const rows = years.map((year) => {
    const row: Row = { year: yearEndLabel(year) };
    for (const b of bands) row[b.key] = 0;
    let total = 0;
    for (const s of snapshots.filter((x) => x.year === year)) {
      const key = s.age === null ? NOT_KNOWN.key : dfeAgeBand(s.age);
      row[key] = Number(row[key] ?? 0) + s.n;
      total += s.n;
    }
    row.total = total;
    return row;
  });
  return {
    id: "A",
    title: `Table A: children looked after at 31 March by age, ${String((years[0] ?? 0) + 1)} to ${String((years.at(-1) ?? 0) + 1)}`,
    description: "Children looked after at 31 March each year (not on short breaks), each counted once, by their age that day.",
    columns: [col("year", "At", "text"), ...bands.map((b) => col(b.key, b.label)), col("total", "Total")],
    rows,
    totals: null,
  };
}

const STARTER_BANDS = [
  { key: "0-5", label: "0 to 5" },
  { key: "6-13", label: "6 to 13" },
  { key: "14+_not_uasc", label: "14 and over (not UASC)" },
  { key: "14+_uasc", label: "14 and over (UASC)" },
];

function starterBand(s: StarterCount): string {
  if (s.age === null) return NOT_KNOWN.key;
  const band = iroAgeBand(s.age);
  if (band !== "14+") return band;
  return s.uasc ? "14+_uasc" : "14+_not_uasc";
}

/** Table B: children who started to be looked after each year, by age band and UASC. */
export function tableB(starters: readonly StarterCount[], years: readonly number[]): ReportTable {
  const bands = [...STARTER_BANDS, ...(starters.some((s) => s.age === null) ? [NOT_KNOWN] : [])];
  const rows = years.map((year) => {
    const row: Row = { year: yearLabel(year) };
    for (const b of bands) row[b.key] = 0;
    let total = 0;
    for (const s of starters.filter((x) => x.year === year)) {
      const key = starterBand(s);
      row[key] = Number(row[key] ?? 0) + s.n;
      total += s.n;
    }
    row.total = total;
    return row;
  });
  return {
    id: "B",
    title: "Table B: children who started to be looked after, by age when they started",
    description: "Children who started a period of care (RNE S) in each year, counted once a year at their first start, by age that day; UASC on that day split out at 14 and over.",
    columns: [col("year", "Year", "text"), ...bands.map((b) => col(b.key, b.label)), col("total", "Total")],
    rows,
    totals: null,
  };
}

/** Tables C and D: the placement of the year's starters aged 0–13 (C) or 14 and over (D). */
export function tablePlacements(starters: readonly StarterCount[], year: number, which: "C" | "D"): ReportTable {
  const inBand = starters.filter((s) => s.year === year && s.age !== null && (which === "C" ? s.age <= 13 : s.age >= 14));
  const counts = new Map<string | null, number>();
  for (const s of inBand) {
    const group = placementGroup(s.place, s.provider);
    counts.set(group, (counts.get(group) ?? 0) + s.n);
  }
  const table = codedShares(PLACEMENT_GROUPS.map((g) => ({ code: g.code, label: g.label })), counts, { keepZeros: true, codeLabel: "Group" });
  return {
    id: which,
    title: `Table ${which}: placement of children aged ${which === "C" ? "0 to 13" : "14 and over"} who started to be looked after, ${yearLabel(year)}`,
    description: `The placement type of the first episode of children counted in Table B for ${yearLabel(year)} who were ${which === "C" ? "0 to 13" : "14 or over"} when they started.`,
    ...table,
  };
}

/** Table E: category of need of the year's starters aged 14 to 17. */
export function tableE(starters: readonly StarterCount[], year: number): ReportTable {
  const counts = new Map<string | null, number>();
  for (const s of starters.filter((x) => x.year === year && x.age !== null && x.age >= 14 && x.age <= 17)) counts.set(s.cin, (counts.get(s.cin) ?? 0) + s.n);
  return {
    id: "E",
    title: `Table E: category of need of 14 to 17-year-olds who started to be looked after, ${yearLabel(year)}`,
    description: "Children counted in Table B for the year who were 14 to 17 when they started, by the category of need (CIN) of their first episode.",
    ...codedShares(CATEGORIES_OF_NEED, counts, { keepZeros: true }),
  };
}

/** Table F: UASC looked after at 31 March of each year, and their share of all looked after. */
export function tableF(snapshots: readonly SnapshotCount[], years: readonly number[]): ReportTable {
  const rows = years.map((year) => {
    const at = snapshots.filter((s) => s.year === year);
    const all = sum(at.map((s) => s.n));
    const uasc = sum(at.filter((s) => s.uasc).map((s) => s.n));
    return { year: yearEndLabel(year), uasc, all, percent: percentOf(uasc, all) };
  });
  return {
    id: "F",
    title: "Table F: unaccompanied asylum-seeking children looked after at 31 March",
    description: "Children counted in Table A who were UASC that day: recorded as UASC and not yet ceased to be (DUC after 31 March, or none).",
    columns: [col("year", "At", "text"), col("uasc", "UASC looked after"), col("all", "All looked after"), col("percent", "% UASC", "percent")],
    rows,
    totals: null,
  };
}

/** Table G: why children ceased to be looked after in the year, by REC code. */
export function tableG(ceased: readonly CeasedCount[], year: number): ReportTable {
  const counts = new Map<string | null, number>(ceased.map((c) => [c.rec, c.n]));
  return {
    id: "G",
    title: `Table G: reasons for ceasing to be looked after, ${yearLabel(year)}`,
    description: "Children whose period of care ended in the year (an episode ceased with a reason other than X1), each counted once at the last time they ceased, by the reason (REC).",
    ...codedShares(REASONS_EPISODE_CEASED.filter((r) => r.code !== "X1"), counts, { keepZeros: false, codeLabel: "REC" }),
  };
}

/** The reviews table (section 6.1 of the seed report): held, on time, late. */
export function tableReviews(counts: ReviewTimelinessCounts, year: number): ReportTable {
  return {
    id: "reviews",
    title: `Reviews held, ${yearLabel(year)}`,
    description: "Looked-after reviews held in the year, and whether each was held by its due date: 20 working days after care started for the first, 3 months after the first for the second, 6 months after the one before for each later one.",
    columns: [col("held", "Reviews held"), col("onTime", "Held within timescale"), col("late", "Held outside timescale"), col("notTimed", "Not timed (no period of care recorded)"), col("percentOnTime", "% within timescale", "percent")],
    rows: [{ held: counts.held, onTime: counts.onTime, late: counts.late, notTimed: counts.notTimed, percentOnTime: percentOf(counts.onTime, counts.onTime + counts.late) }],
    totals: null,
  };
}

/** Table H: participation codes of the reviews held in the year. */
export function tableH(participation: readonly { code: string | null; n: number }[], year: number): ReportTable {
  const counts = new Map<string | null, number>();
  for (const p of participation) counts.set(p.code, (counts.get(p.code) ?? 0) + p.n);
  return {
    id: "H",
    title: `Table H: participation in reviews held, ${yearLabel(year)}`,
    description: "Looked-after reviews held in the year by how the child took part (PN0–PN7).",
    ...codedShares(REVIEW_PARTICIPATION, counts, { keepZeros: true }),
  };
}
