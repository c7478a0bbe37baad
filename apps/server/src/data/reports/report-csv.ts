import type { Report, ReportCell } from "@family-story/schemas";

/**
 * A report as one CSV file: a line naming the report, then each table as its title, a header
 * row, its rows and its totals row, with a blank line between tables. Fields are quoted when
 * they hold a comma, quote or line break (RFC 4180), and lines end CRLF.
 */

function field(value: ReportCell): string {
  if (value === null) return "";
  const text = typeof value === "number" ? String(value) : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (cells: readonly ReportCell[]): string => cells.map(field).join(",");

/** The CSV text of every table in the report. */
export function reportToCsv(report: Report): string {
  const lines: string[] = [line([report.title]), line([`${report.authority.name} (${report.authority.code})`, `${report.periodStart} to ${report.periodEnd}`])];
  for (const table of report.tables) {
    lines.push("", line([table.title]), line(table.columns.map((c) => c.label)));
    for (const row of table.rows) lines.push(line(table.columns.map((c) => row[c.key] ?? null)));
    if (table.totals) lines.push(line(table.columns.map((c) => table.totals?.[c.key] ?? null)));
  }
  return `${lines.join("\r\n")}\r\n`;
}

/** A file name for the report's CSV: iro-annual-E09000033-2018-19.csv */
export function reportCsvName(report: Report): string {
  return `${report.report}-${report.authority.code}-${report.yearLabel.replace("/", "-")}.csv`;
}
