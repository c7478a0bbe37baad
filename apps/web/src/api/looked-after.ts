import type { LookedAfterRecord, MissingEpisode, PlacementProviderOut } from "@family-story/schemas";
import { get, request, type Versioned } from "./api-client.ts";

const enc = encodeURIComponent;
const base = (personId: string) => `/api/v1/people/${enc(personId)}/looked-after`;

/** A child's looked-after record (status "never" when they have not been looked after). */
export function loadLookedAfter(personId: string): Promise<LookedAfterRecord> {
  return get<LookedAfterRecord>(base(personId));
}

/** Starts a period of care, records a change or ends care: path is "", "/changes" or "/cease". */
export function recordCare(personId: string, path: "" | "/changes" | "/cease", body: unknown): Promise<Versioned<LookedAfterRecord>> {
  return request<LookedAfterRecord>("POST", `${base(personId)}${path}`, { body });
}

/** Corrects one episode (If-Match with the episode's version). */
export function correctEpisode(personId: string, episodeId: string, version: number, body: unknown): Promise<Versioned<LookedAfterRecord>> {
  return request<LookedAfterRecord>("PATCH", `${base(personId)}/episodes/${enc(episodeId)}`, { body, ifMatch: `W/"${String(version)}"` });
}

/** UASC status and when it ceased. */
export function saveUasc(personId: string, body: unknown): Promise<Versioned<LookedAfterRecord>> {
  return request<LookedAfterRecord>("PUT", `${base(personId)}/uasc`, { body });
}

/** Records a missing or away episode. */
export function recordMissing(personId: string, body: unknown): Promise<Versioned<MissingEpisode>> {
  return request<MissingEpisode>("POST", `${base(personId)}/missing`, { body });
}

/** Records the return or the return home interview, or corrects a missing episode (If-Match). */
export function updateMissing(personId: string, id: string, version: number, body: unknown): Promise<Versioned<MissingEpisode>> {
  return request<MissingEpisode>("PATCH", `${base(personId)}/missing/${enc(id)}`, { body, ifMatch: `W/"${String(version)}"` });
}

/** Carers and providers of the authorities the user works. */
export function loadPlacementProviders(q?: string): Promise<PlacementProviderOut[]> {
  return get<PlacementProviderOut[]>("/api/v1/placement-providers", { q });
}

/** Adds a carer or provider. */
export function createPlacementProvider(body: unknown): Promise<Versioned<PlacementProviderOut>> {
  return request<PlacementProviderOut>("POST", "/api/v1/placement-providers", { body });
}
