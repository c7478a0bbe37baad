import type { EarlyHelpEpisode, EhAssessmentView, TafActionView } from "@family-story/schemas";
import { get, request, type Versioned } from "./api-client.ts";

const enc = encodeURIComponent;
const base = (caseId: string) => `/api/v1/cases/${enc(caseId)}/early-help`;

/** An early help episode: assessment, Team Around the Family, plan, reviews and closure. */
export function loadEpisode(caseId: string): Promise<EarlyHelpEpisode> {
  return get<EarlyHelpEpisode>(base(caseId));
}

/** The assessment with what is already known (ETag for the next save). */
export function loadAssessment(caseId: string): Promise<Versioned<EhAssessmentView>> {
  return request<EhAssessmentView>("GET", `${base(caseId)}/assessment`);
}

/** One action, for its owner to update (ETag for the update). */
export function loadAction(actionId: string): Promise<Versioned<TafActionView>> {
  return request<TafActionView>("GET", `/api/v1/early-help/actions/${enc(actionId)}`);
}

/** Any change to an episode: path under /early-help, optional body and If-Match. */
export function changeEpisode<T>(caseId: string, method: "POST" | "PUT" | "DELETE", path: string, body?: unknown, ifMatch?: string | null): Promise<Versioned<T>> {
  return request<T>(method, `${base(caseId)}${path}`, { body, ifMatch: ifMatch ?? null });
}

/** Records progress on an action (If-Match). */
export function updateAction(actionId: string, etag: string | null, body: { status: string; progress: string }): Promise<Versioned<TafActionView>> {
  return request<TafActionView>("POST", `/api/v1/early-help/actions/${enc(actionId)}/updates`, { body, ifMatch: etag });
}
