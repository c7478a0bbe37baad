import type { CareLeaverRecord, LacHealthRecord, LacPermanence, Oc2Summary } from "@family-story/schemas";
import { get, request, type Versioned } from "./api-client.ts";

const enc = encodeURIComponent;
const base = (personId: string) => `/api/v1/people/${enc(personId)}/looked-after`;
const version = (v: number | null) => (v === null ? null : `W/"${String(v)}"`);

/** A looked-after child's health and education checks and what is due next. */
export function loadLacHealth(personId: string): Promise<LacHealthRecord> {
  return get<LacHealthRecord>(`${base(personId)}/checks`);
}

/** Records a check, or corrects one (If-Match with its version). */
export function saveCheck(personId: string, body: unknown, existing: { id: string; version: number } | null): Promise<Versioned<LacHealthRecord>> {
  return existing === null
    ? request<LacHealthRecord>("POST", `${base(personId)}/checks`, { body })
    : request<LacHealthRecord>("PATCH", `${base(personId)}/checks/${enc(existing.id)}`, { body, ifMatch: version(existing.version) });
}

/** The OC2 summary of a collection year (by its start year). */
export function loadOc2(personId: string, year: number): Promise<Oc2Summary> {
  return get<Oc2Summary>(`${base(personId)}/oc2`, { year });
}

/** Adoption, decisions to place for adoption, previous permanence, social worker episodes and DoLo. */
export function loadPermanence(personId: string): Promise<LacPermanence> {
  return get<LacPermanence>(`${base(personId)}/permanence`);
}

/** A permanence change: PUT ad1 or previous, POST a new row, PATCH a row (If-Match when `v` is given). */
export function savePermanence(personId: string, method: "PUT" | "POST" | "PATCH", path: string, body: unknown, v: number | null): Promise<Versioned<LacPermanence>> {
  return request<LacPermanence>(method, `${base(personId)}${path}`, { body, ifMatch: version(v) });
}

/** A care leaver's birthdays 17–21, OC3, pathway plans and what is due. */
export function loadCareLeaver(personId: string): Promise<CareLeaverRecord> {
  return get<CareLeaverRecord>(`${base(personId)}/care-leaver`);
}

/** Records a year's OC3 (If-Match once it exists). */
export function saveOc3(personId: string, year: number, body: unknown, v: number | null): Promise<Versioned<CareLeaverRecord>> {
  return request<CareLeaverRecord>("PUT", `${base(personId)}/care-leaver/oc3/${String(year)}`, { body, ifMatch: version(v) });
}

/** Records a pathway plan, or corrects one (If-Match). */
export function savePathwayPlan(personId: string, body: unknown, existing: { id: string; version: number } | null): Promise<Versioned<CareLeaverRecord>> {
  return existing === null
    ? request<CareLeaverRecord>("POST", `${base(personId)}/pathway-plans`, { body })
    : request<CareLeaverRecord>("PATCH", `${base(personId)}/pathway-plans/${enc(existing.id)}`, { body, ifMatch: version(existing.version) });
}
