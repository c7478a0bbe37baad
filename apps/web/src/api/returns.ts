import type { ReturnKind, ReturnRun } from "@family-story/schemas";
import { get } from "./api-client.ts";

/** Generates a return for an authority and collection year from the records and validates it. */
export function loadReturnRun(kind: ReturnKind, la: string, year: number): Promise<ReturnRun> {
  return get<ReturnRun>(`/api/v1/returns/${kind}`, { la, year });
}

/** Where one generated file downloads (a plain link: the browser sends the session cookie). */
export function returnFileHref(kind: ReturnKind, name: string, la: string, year: number): string {
  return `/api/v1/returns/${kind}/files/${encodeURIComponent(name)}?${new URLSearchParams({ la, year: String(year) }).toString()}`;
}

/** Where the findings download as CSV. */
export function returnFindingsCsvHref(kind: ReturnKind, la: string, year: number): string {
  return `/api/v1/returns/${kind}/findings.csv?${new URLSearchParams({ la, year: String(year) }).toString()}`;
}
