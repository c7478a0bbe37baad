import type { Report, ReportAuthority, ReportKind } from "@family-story/schemas";
import { get } from "./api-client.ts";

/** The authorities the user may report on, their own first. */
export function loadReportAuthorities(): Promise<ReportAuthority[]> {
  return get<ReportAuthority[]>("/api/v1/reports/authorities");
}

/** One report for an authority and collection year (by its start). */
export function loadReport(kind: ReportKind, la: string, year: number): Promise<Report> {
  return get<Report>(`/api/v1/reports/${kind}`, { la, year });
}

/** Where the same report downloads as CSV (a plain link: the browser sends the session cookie). */
export function reportCsvHref(kind: ReportKind, la: string, year: number): string {
  return `/api/v1/reports/${kind}.csv?${new URLSearchParams({ la, year: String(year) }).toString()}`;
}
