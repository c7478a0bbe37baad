import { GOV_ACTION_STATUS_LABELS, type GovReport } from "@family-story/schemas";

/**
 * The "what we said / what we did" report as CSV: one row per action under its priority, with
 * its status and the latest progress note. Fields are quoted when they hold a comma, quote or
 * line break (RFC 4180), lines end CRLF, and text a spreadsheet would run as a formula (leading
 * =, + or @) is prefixed with an apostrophe, since notes are free text typed by people.
 */

export const GOV_REPORT_CSV_HEADER = ["strategy", "priority", "action", "owner", "status", "due_date", "progress_date", "progress_note", "progress_by"] as const;

function field(value: string | null): string {
  if (value === null) return "";
  const text = /^[=+@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The report's CSV text. */
export function govReportToCsv(report: GovReport): string {
  const lines = [GOV_REPORT_CSV_HEADER.join(",")];
  for (const p of report.priorities) {
    for (const a of p.actions) {
      const n = a.latestNote;
      lines.push([report.strategy.title, p.title, a.title, a.owner, GOV_ACTION_STATUS_LABELS[a.status], a.dueDate, n?.notedOn ?? null, n?.note ?? null, n?.recordedBy ?? null].map(field).join(","));
    }
  }
  return `${lines.join("\r\n")}\r\n`;
}

/** A file name for the report: what-we-said-E09000033-children-and-young-people-s-plan.csv */
export function govReportCsvName(report: GovReport): string {
  const slug = report.strategy.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60);
  return `what-we-said-${report.strategy.laCode}-${slug || "strategy"}.csv`;
}
