import type { Caseload, Dispute, Midpoint, MidpointOverview, Qa, QaSummary, ReviewQa } from "@family-story/schemas";
import { ApiError, get, request, type Versioned } from "./api-client.ts";

const enc = encodeURIComponent;
const childBase = (personId: string) => `/api/v1/people/${enc(personId)}/iro`;

/** A child's mid-point monitoring: when it is due and every check. */
export function loadMidpoints(personId: string): Promise<MidpointOverview> {
  return get<MidpointOverview>(`${childBase(personId)}/midpoints`);
}

/** Records a mid-point check. */
export function recordMidpoint(personId: string, body: unknown): Promise<Versioned<Midpoint>> {
  return request<Midpoint>("POST", `${childBase(personId)}/midpoints`, { body });
}

/** A child's disputes, newest first. */
export function loadDisputes(personId: string): Promise<Dispute[]> {
  return get<Dispute[]>(`${childBase(personId)}/disputes`);
}

/** Raises a dispute as an informal alert. */
export function raiseDispute(personId: string, body: unknown): Promise<Versioned<Dispute>> {
  return request<Dispute>("POST", `${childBase(personId)}/disputes`, { body });
}

/** One dispute with its stage history. */
export function loadDispute(id: string): Promise<Dispute> {
  return get<Dispute>(`/api/v1/iro/disputes/${enc(id)}`);
}

/** Records the outcome of the dispute's current stage (If-Match with the version the IRO saw). */
export function actOnDispute(id: string, version: number, body: unknown): Promise<Versioned<Dispute>> {
  return request<Dispute>("PATCH", `/api/v1/iro/disputes/${enc(id)}`, { body, ifMatch: `W/"${String(version)}"` });
}

/** A child's held reviews, each with its QA form if completed. */
export function loadChildQa(personId: string): Promise<ReviewQa[]> {
  return get<ReviewQa[]>(`${childBase(personId)}/qa`);
}

/** A review's QA form, or null when none has been completed. */
export async function loadQa(reviewId: string): Promise<Qa | null> {
  try {
    return await get<Qa>(`/api/v1/lac-reviews/${enc(reviewId)}/qa`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404 && error.problem.title === "No quality-assurance form") return null;
    throw error;
  }
}

/** Completes a review's QA form (version null) or changes it (If-Match with its version). */
export function saveQa(reviewId: string, version: number | null, body: unknown): Promise<Versioned<Qa>> {
  return request<Qa>("PUT", `/api/v1/lac-reviews/${enc(reviewId)}/qa`, { body, ifMatch: version === null ? null : `W/"${String(version)}"` });
}

/** The anonymous QA aggregate across the service for a date range. */
export function loadQaSummary(from?: string, to?: string): Promise<QaSummary> {
  return get<QaSummary>("/api/v1/iro/qa-summary", { from, to });
}

/** An IRO's caseload: the user's own, or (managers) the IRO named. */
export function loadCaseload(iroId?: string): Promise<Caseload> {
  return get<Caseload>("/api/v1/iro/caseload", { iroId });
}
