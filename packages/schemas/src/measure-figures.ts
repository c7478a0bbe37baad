import { z } from "zod";
import { isoDate, laCode } from "./common.ts";
import { measureDefinitionSchema, measureIdSchema } from "./measures.ts";

/**
 * Figures of external measures (docs/measures.md, "Measures entered or imported"): entered one
 * at a time with If-Match, or imported from a CSV file as a job whose progress the page polls.
 */

const figureNumber = (what: string) => z.number({ message: `Enter the ${what} as a number` }).refine(Number.isFinite, { message: `Enter the ${what} as a number` });
const optionalPart = (what: string) => figureNumber(what).nullable().optional();

export const measureFigureInputSchema = z
  .strictObject({
    la: laCode.describe("The authority the figure is for"),
    periodStart: isoDate.describe("First day the figure covers (1 September for an academic year)"),
    periodEnd: isoDate.describe("Last day the figure covers; for a figure at a date, the same day"),
    value: figureNumber("value").describe("In the measure's unit"),
    numerator: optionalPart("numerator").describe("Where the source gives it; with the denominator"),
    denominator: optionalPart("denominator").describe("Where the source gives it; with the numerator"),
    source: z.string().trim().min(1, { message: "Enter where the figure comes from" }).max(200, { message: "Must be 200 characters or fewer" }),
    sourceDate: isoDate.describe("When the source was published or extracted"),
    note: z.string().trim().max(500, { message: "Must be 500 characters or fewer" }).nullable().optional(),
  })
  .refine((f) => f.periodEnd >= f.periodStart, { message: "The period must end on or after it starts", path: ["periodEnd"] })
  .meta({ id: "MeasureFigureInput" });
export type MeasureFigureInput = z.infer<typeof measureFigureInputSchema>;

export const measureFigureSchema = z
  .object({
    measureId: z.string(),
    laCode: z.string(),
    periodStart: isoDate,
    periodEnd: isoDate,
    value: z.number(),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    source: z.string(),
    sourceDate: isoDate,
    note: z.string().nullable(),
    imported: z.boolean().describe("Whether the figure was last written by an import"),
    version: z.number().int().describe("Send it back as If-Match to change or delete the figure"),
    updatedAt: z.string(),
    updatedBy: z.string().nullable(),
  })
  .meta({ id: "MeasureFigure" });
export type MeasureFigure = z.infer<typeof measureFigureSchema>;

export const measureFigureListSchema = z
  .object({ measure: measureDefinitionSchema, laCode: z.string(), figures: z.array(measureFigureSchema).describe("Newest period first") })
  .meta({ id: "MeasureFigureList" });
export type MeasureFigureList = z.infer<typeof measureFigureListSchema>;

export const measureFigureParamsSchema = z.strictObject({ id: measureIdSchema });
export const measureFigureListQuerySchema = z.strictObject({ la: laCode.optional().describe("Default: your own authority") });
export type MeasureFigureListQuery = z.infer<typeof measureFigureListQuerySchema>;

/** Which figure to delete: a figure is known by its measure, authority and period. */
export const measureFigureKeySchema = z
  .strictObject({ la: laCode, periodStart: isoDate, periodEnd: isoDate })
  .meta({ id: "MeasureFigureKey" });
export type MeasureFigureKey = z.infer<typeof measureFigureKeySchema>;

/** The columns of an import file, in order. */
export const MEASURE_IMPORT_COLUMNS = ["measure_id", "la_code", "period_start", "period_end", "value", "numerator", "denominator", "source", "source_date", "note"] as const;

export const measureImportUploadSchema = z
  .strictObject({
    name: z.string().trim().min(1, { message: "The file needs a name" }).max(255, { message: "Must be 255 characters or fewer" }),
    text: z.string().min(1, { message: "The file is empty" }),
  })
  .meta({ id: "MeasureImportUpload" });
export type MeasureImportUpload = z.infer<typeof measureImportUploadSchema>;

/** A row that was not saved: its line in the file (the header is line 1), the column at fault and why. */
export const measureImportProblemSchema = z
  .object({ line: z.number().int().nullable(), column: z.string().nullable(), message: z.string() })
  .meta({ id: "MeasureImportProblem" });
export type MeasureImportProblem = z.infer<typeof measureImportProblemSchema>;

export const measureImportSummarySchema = z
  .object({
    rows: z.number().int().describe("Data rows read (blank lines skipped)"),
    inserted: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int().describe("Rows not saved: see problems"),
    authorities: z.array(z.string()).describe("Authorities whose figures were saved"),
    error: z.string().nullable(),
  })
  .meta({ id: "MeasureImportSummary" });
export type MeasureImportSummary = z.infer<typeof measureImportSummarySchema>;

export const measureImportJobSchema = z
  .object({
    id: z.string(),
    laCode: z.string(),
    fileName: z.string().nullable(),
    status: z.enum(["running", "done", "failed"]),
    phase: z.string().nullable(),
    processed: z.number().int(),
    total: z.number().int(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    startedBy: z.string().nullable(),
    summary: measureImportSummarySchema.nullable(),
    problemCount: z.number().int(),
    problems: z.array(measureImportProblemSchema).describe("The rows not saved (the first 1,000 are kept)"),
  })
  .meta({ id: "MeasureImportJob" });
export type MeasureImportJob = z.infer<typeof measureImportJobSchema>;
