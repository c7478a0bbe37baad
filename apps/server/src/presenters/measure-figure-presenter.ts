import { measureImportSummarySchema, type MeasureFigure, type MeasureImportJob, type MeasureImportProblem } from "@family-story/schemas";
import type { Selectable } from "kysely";
import type { ImportJobTable } from "../db/looked-after-types.ts";
import type { MeasureValueTable } from "../db/measure-types.ts";

/** A measure_value row with the display name of whoever last changed it. */
export type FigureRowWithUser = Selectable<MeasureValueTable> & { updated_by_name: string | null };

const numberOrNull = (v: string | number | null): number | null => (v === null ? null : Number(v));

/** Shapes a figure for the API (numeric columns come back as strings from pg). */
export function presentFigure(row: FigureRowWithUser): MeasureFigure {
  return {
    measureId: row.measure_id,
    laCode: row.la_code,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    value: Number(row.value),
    numerator: numberOrNull(row.numerator),
    denominator: numberOrNull(row.denominator),
    source: row.source,
    sourceDate: row.source_date,
    note: row.note,
    imported: row.import_job_id !== null,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
    updatedBy: row.updated_by_name,
  };
}

/** An import_job row of kind measure-figures, with who started it. */
export type FigureImportJobRow = Selectable<ImportJobTable> & { started_by_name: string | null };

/**
 * The job's problems are kept in import_job.problems in the shape every import uses (file, line,
 * reason…), with the column alongside, so the administrators' import pages can list them too.
 */
function presentProblem(p: unknown): MeasureImportProblem {
  const kept = p as { line?: unknown; column?: unknown; reason?: unknown };
  return {
    line: typeof kept.line === "number" ? kept.line : null,
    column: typeof kept.column === "string" ? kept.column : null,
    message: typeof kept.reason === "string" ? kept.reason : "",
  };
}

/** Shapes a figures import for the API. */
export function presentFigureImport(row: FigureImportJobRow): MeasureImportJob {
  const summary = measureImportSummarySchema.safeParse(row.summary);
  const fileName = typeof row.summary.fileName === "string" ? row.summary.fileName : null;
  return {
    id: row.id,
    laCode: row.la_code,
    fileName,
    status: row.status === "done" || row.status === "failed" ? row.status : "running",
    phase: row.phase,
    processed: row.processed,
    total: row.total,
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    startedBy: row.started_by_name,
    summary: summary.success ? summary.data : null,
    problemCount: row.problem_count,
    problems: row.problems.map(presentProblem),
  };
}
