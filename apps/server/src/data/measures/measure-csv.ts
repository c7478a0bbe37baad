import type { MeasureDashboard, MeasurePoint, MeasureValues } from "@family-story/schemas";

/**
 * Measures as CSV: one header row, then for each measure a row for the whole period (with its
 * baseline, target and RAG) followed by a row per trend step. Fields are quoted when they hold a
 * comma, quote or line break (RFC 4180), text that a spreadsheet would run as a formula is
 * prefixed with an apostrophe, and lines end CRLF.
 */

type Cell = string | number | boolean | null;

function field(value: Cell): string {
  if (value === null) return "";
  if (typeof value !== "string") return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (cells: readonly Cell[]): string => cells.map(field).join(",");

const COLUMNS = ["measure_id", "measure", "unit", "direction", "scope", "row", "period", "from", "to", "complete", "numerator", "denominator", "value", "source", "source_date", "baseline", "target", "rag"];

function measureRows(v: MeasureValues, prefix: readonly Cell[]): string[] {
  const head: Cell[] = [...prefix, v.measure.id, v.measure.title, v.measure.unit, v.measure.direction, v.scope.name];
  const point = (kind: string, p: MeasurePoint): Cell[] => [kind, p.label, p.from, p.to, p.complete ? "yes" : "no", p.numerator, p.denominator, p.value, p.source, p.sourceDate];
  return [
    line([...head, ...point("whole period", v.value), v.target?.baselineValue ?? null, v.target?.targetValue ?? null, v.rag]),
    ...v.trend.map((p) => line([...head, ...point(v.interval, p), null, null, null])),
  ];
}

const csv = (lines: readonly string[]): string => `${lines.join("\r\n")}\r\n`;

/** One measure's values as CSV. */
export function measureValuesCsv(v: MeasureValues): string {
  return csv([line(COLUMNS), ...measureRows(v, [])]);
}

/** A dashboard as CSV: every measure of every group, with the group's title first. */
export function measureDashboardCsv(d: MeasureDashboard): string {
  return csv([line(["group", ...COLUMNS]), ...d.groups.flatMap((g) => g.measures.flatMap((v) => measureRows(v, [g.title])))]);
}

const slug = (text: string): string => text.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase();

/** A file name for a measure's CSV: lac-count-e09000033-2022-04-01-to-2026-11-30.csv */
export function measureCsvName(v: MeasureValues): string {
  return `${v.measure.id}-${slug(v.scope.id)}-${v.from}-to-${v.to}.csv`;
}

/** A file name for a dashboard's CSV (or, with another extension, its PDF). */
export function measureDashboardFileName(d: MeasureDashboard, extension = "csv"): string {
  return `${d.board}-${slug(d.scope.kind === "team" ? d.scope.name : d.scope.id)}-${d.from}-to-${d.to}.${extension}`;
}
