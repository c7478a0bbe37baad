import type { ImportJob, ImportJobList } from "@family-story/schemas";
import { get, post } from "./api-client.ts";

/** The authority's imports, newest first. */
export function loadImports(): Promise<ImportJobList> {
  return get<ImportJobList>("/api/v1/imports");
}

/** One import: progress while it runs, then its summary and the rows not loaded. */
export function loadImport(id: string): Promise<ImportJob> {
  return get<ImportJob>(`/api/v1/imports/${encodeURIComponent(id)}`);
}

/** Starts an SSDA903 import of files read in the browser; answers at once with the running job. */
export function startSsda903Import(files: { name: string; text: string }[], year: number | null): Promise<ImportJob> {
  return post<ImportJob>("/api/v1/imports/ssda903", { files, year });
}
