import { z } from "zod";

/**
 * Bringing history in: the SSDA903 import (files uploaded by an administrator, run as a job
 * whose progress the page polls) and what it reports back.
 */

/** One uploaded file: its name and its text (CSV or the XML form). */
export const importFileSchema = z.strictObject({
  name: z.string().trim().min(1, { message: "Each file needs a name" }).max(255, { message: "Must be 255 characters or fewer" }),
  text: z.string().min(1, { message: "The file is empty" }),
});

export const ssda903UploadSchema = z
  .strictObject({
    files: z.array(importFileSchema).min(1, { message: "Choose at least one file" }).max(40, { message: "Upload at most 40 files at once" }),
    year: z.coerce
      .number()
      .int({ message: "Enter a year such as 2017" })
      .min(1990, { message: "Enter a year from 1990" })
      .max(2100, { message: "Enter a year before 2100" })
      .nullable()
      .optional()
      .describe("The collection year by its start (2017 = 1 April 2017 to 31 March 2018); worked out from the episodes when not given"),
  })
  .meta({ id: "Ssda903Upload" });
export type Ssda903Upload = z.infer<typeof ssda903UploadSchema>;

/** A row (or file) the import could not load, and why. */
export const importProblemSchema = z
  .object({
    file: z.string(),
    line: z.number().int().nullable().describe("Line in a CSV (the header is line 1); in the XML form, the CHILD element's number"),
    table: z.string().nullable(),
    child: z.string().nullable(),
    reason: z.string(),
  })
  .meta({ id: "ImportProblem" });
export type ImportProblem = z.infer<typeof importProblemSchema>;

/** Counts for one SSDA903 table across every year imported. */
export const importTableCountsSchema = z
  .object({
    table: z.string(),
    read: z.number().int(),
    inserted: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int(),
  })
  .meta({ id: "ImportTableCounts" });
export type ImportTableCounts = z.infer<typeof importTableCountsSchema>;

export const importSummarySchema = z
  .object({
    years: z.array(z.object({ label: z.string(), year: z.number().int(), yearFrom: z.enum(["given", "name", "dates"]).describe("given: by the user; name: from the folder name; dates: from the latest episode start (or latest date) in the files"), files: z.array(z.string()) })),
    tables: z.array(importTableCountsSchema),
    children: z.object({ created: z.number().int(), matched: z.number().int() }),
    placementFieldsDerived: z.boolean().describe("True when PL_LA, PL_LOCATION and PL_DISTANCE came from the loaded ONS postcode directory"),
    warnings: z.array(z.string()),
    error: z.string().nullable().optional(),
  })
  .meta({ id: "ImportSummary" });
export type ImportSummary = z.infer<typeof importSummarySchema>;

export const importJobSchema = z
  .object({
    id: z.string(),
    laCode: z.string(),
    kind: z.string(),
    status: z.enum(["running", "done", "failed"]),
    phase: z.string().nullable(),
    processed: z.number().int(),
    total: z.number().int(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    startedBy: z.string().nullable(),
    summary: importSummarySchema.nullable(),
    problemCount: z.number().int(),
    problems: z.array(importProblemSchema).describe("The rows not loaded (the first 1,000 are kept)"),
  })
  .meta({ id: "ImportJob" });
export type ImportJob = z.infer<typeof importJobSchema>;

export const importJobListItemSchema = importJobSchema.omit({ summary: true, problems: true }).meta({ id: "ImportJobListItem" });
export type ImportJobListItem = z.infer<typeof importJobListItemSchema>;

export const importJobListSchema = z.object({ jobs: z.array(importJobListItemSchema) }).meta({ id: "ImportJobList" });
export type ImportJobList = z.infer<typeof importJobListSchema>;
