import { importSummarySchema, type ImportJob, type ImportJobListItem } from "@family-story/schemas";
import type { Selectable } from "kysely";
import type { ImportJobTable } from "../db/looked-after-types.ts";

/** An import_job row with the display name of whoever started it. */
export type ImportJobWithUser = Selectable<ImportJobTable> & { started_by_name: string | null };

function asStatus(value: string): ImportJob["status"] {
  return value === "done" || value === "failed" ? value : "running";
}

/** An import job as the list shows it. */
export function presentImportJobItem(row: ImportJobWithUser): ImportJobListItem {
  return {
    id: row.id,
    laCode: row.la_code,
    kind: row.kind,
    status: asStatus(row.status),
    phase: row.phase,
    processed: row.processed,
    total: row.total,
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    startedBy: row.started_by_name,
    problemCount: row.problem_count,
  };
}

/** Shapes an import job for the API; the summary only once the job has one. */
export function presentImportJob(row: ImportJobWithUser): ImportJob {
  const summary = importSummarySchema.safeParse(row.summary);
  return { ...presentImportJobItem(row), summary: summary.success ? summary.data : null, problems: row.problems };
}
