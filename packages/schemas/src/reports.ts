import { z } from "zod";
import { laCode } from "./common.ts";

/**
 * Aggregate reports on children looked after: the IRO annual report (Tables A–H and the
 * reviews table), placement stability and timeliness. Every report is a list of tables of
 * counts with no child identifiers; docs/measures.md defines each count.
 */

export const REPORT_KINDS = ["iro-annual", "placement-stability", "looked-after-timeliness"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

const yearMessage = "Give the collection year by its start, such as 2018 for 1 April 2018 to 31 March 2019";

/** An authority and a collection year (1 April to 31 March) by its start, as reports and returns take them. */
export const authorityYearFields = {
  la: laCode.describe("ONS code of the local authority: one you work in"),
  year: z.coerce
    .number({ message: yearMessage })
    .int({ message: yearMessage })
    .min(2000, { message: "Enter a year from 2000" })
    .max(2100, { message: "Enter a year before 2100" })
    .describe("The collection year by its start: 2018 is 1 April 2018 to 31 March 2019"),
};

export const reportQuerySchema = z.strictObject(authorityYearFields).meta({ id: "ReportQuery" });
export type ReportQuery = z.infer<typeof reportQuerySchema>;

/** A cell: a label, a count, a percentage (one decimal place) or nothing (not applicable). */
export const reportCellSchema = z.union([z.string(), z.number(), z.null()]);
export type ReportCell = z.infer<typeof reportCellSchema>;

export const reportColumnSchema = z
  .object({
    key: z.string(),
    label: z.string(),
    type: z.enum(["text", "count", "percent"]).describe("percent: one decimal place, 0–100"),
  })
  .meta({ id: "ReportColumn" });
export type ReportColumn = z.infer<typeof reportColumnSchema>;

export const reportTableSchema = z
  .object({
    id: z.string().describe("A, B, … H and 'reviews' for the IRO annual report; a short name otherwise"),
    title: z.string(),
    description: z.string().describe("Who is counted, in one or two sentences (docs/measures.md has the full definition)"),
    columns: z.array(reportColumnSchema),
    rows: z.array(z.record(z.string(), reportCellSchema)).describe("Each row keyed by column key"),
    totals: z.record(z.string(), reportCellSchema).nullable().describe("The totals row, or null where a total would mean nothing (a series over years)"),
  })
  .meta({ id: "ReportTable" });
export type ReportTable = z.infer<typeof reportTableSchema>;

export const reportSchema = z
  .object({
    report: z.enum(REPORT_KINDS),
    title: z.string(),
    authority: z.object({ code: z.string(), name: z.string() }),
    year: z.number().int(),
    yearLabel: z.string().describe("2018/19"),
    periodStart: z.string().describe("1 April of the year"),
    periodEnd: z.string().describe("31 March of the next year"),
    complete: z.boolean().describe("False while the year has not yet ended: counts at 31 March are then as recorded so far"),
    generatedAt: z.string(),
    tables: z.array(reportTableSchema),
  })
  .meta({ id: "Report" });
export type Report = z.infer<typeof reportSchema>;

export const reportAuthoritySchema = z.object({ code: z.string(), name: z.string() }).meta({ id: "ReportAuthority" });
export type ReportAuthority = z.infer<typeof reportAuthoritySchema>;
