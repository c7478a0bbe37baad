import type { MeasureFigure, MeasureFigureInput, MeasureFigureList, MeasureImportJob } from "@family-story/schemas";
import { get, post, request } from "./api-client.ts";
import { etagFor } from "./people.ts";

/** An authority's figures for an external measure, newest period first. */
export function loadMeasureFigures(measureId: string, la: string): Promise<MeasureFigureList> {
  return get<MeasureFigureList>(`/api/v1/measures/${encodeURIComponent(measureId)}/figures`, { la });
}

/**
 * Enters a figure, or corrects the one for the same period: `version` is the version of that
 * figure as read (sent as If-Match, so a figure someone changed since is not overwritten), or
 * null for a new one.
 */
export async function saveMeasureFigure(measureId: string, body: MeasureFigureInput, version: number | null): Promise<MeasureFigure> {
  return (await request<MeasureFigure>("PUT", `/api/v1/measures/${encodeURIComponent(measureId)}/figures`, { body, ifMatch: version === null ? null : etagFor(version) })).body;
}

/** Starts importing a CSV file of figures; answers at once with the running job. */
export function startFigureImport(file: { name: string; text: string }): Promise<MeasureImportJob> {
  return post<MeasureImportJob>("/api/v1/measure-imports", file);
}

/** A figures import: progress while it runs, then what was saved and the rows that were not. */
export function loadFigureImport(id: string): Promise<MeasureImportJob> {
  return get<MeasureImportJob>(`/api/v1/measure-imports/${encodeURIComponent(id)}`);
}
