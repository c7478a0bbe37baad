import type { ImportProblem, ImportSummary } from "@family-story/schemas";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/database-types.ts";
import { timeOrderedUuid } from "./time-ordered-uuid.ts";

/** Problems kept on a job for the page; problem_count says how many there were. */
export const KEPT_PROBLEMS = 1000;

/** Records an import as started (from the web app or the command line); returns its id. */
export async function startImportJob(db: Kysely<Database> | Transaction<Database>, laCode: string, createdBy: string | null): Promise<string> {
  const id = timeOrderedUuid();
  await db.insertInto("import_job").values({ la_code: laCode, id, kind: "ssda903", phase: "queued", summary: "{}", problems: "[]", created_by: createdBy }).execute();
  return id;
}

/** Writes a running import's phase and progress. */
export async function recordImportProgress(db: Kysely<Database>, laCode: string, id: string, p: { phase: string; processed: number; total: number }): Promise<void> {
  await db.updateTable("import_job").set({ phase: p.phase, processed: p.processed, total: p.total }).where("la_code", "=", laCode).where("id", "=", id).execute();
}

/** Marks an import ended, with its summary and the first of the rows it could not load. */
export async function finishImportJob(db: Kysely<Database>, laCode: string, id: string, status: "done" | "failed", summary: ImportSummary, problems: readonly ImportProblem[]): Promise<void> {
  await db
    .updateTable("import_job")
    .set((eb) => ({ status, phase: status, processed: eb.ref("total"), summary: JSON.stringify(summary), problems: JSON.stringify(problems.slice(0, KEPT_PROBLEMS)), problem_count: problems.length, finished_at: new Date() }))
    .where("la_code", "=", laCode)
    .where("id", "=", id)
    .execute();
}
