import type { Person } from "@family-story/schemas";
import { request, type Versioned } from "./api-client.ts";

/** Opens a person's record with its ETag (needed to change it). */
export function loadPerson(id: string): Promise<Versioned<Person>> {
  return request<Person>("GET", `/api/v1/people/${encodeURIComponent(id)}`);
}

/** "W/\"3\"" style tag for a version, for records whose version came in a body. */
export function etagFor(version: number): string {
  return `W/"${version}"`;
}
