import type { CaseDetail, CaseNote, CaseNoteWithHistory, CaseSummary, Chronology, LocalStandardsInput, Supervision, TeamSupervisionStatus, Worker, WorkItem, WorkTray } from "@family-story/schemas";
import { get, request, type Versioned } from "./api-client.ts";

const enc = encodeURIComponent;

/** The actor's work tray, or their team's (managers): the most pressing items, or all of them. */
export function loadWorkTray(scope: "mine" | "team", all = false): Promise<WorkTray> {
  return get<WorkTray>("/api/v1/work-tray", { scope, ...(all && { itemLimit: "5000" }) });
}

/** Workers a manager can allocate to, with caseloads. */
export function loadWorkers(): Promise<Worker[]> {
  return get<Worker[]>("/api/v1/workers");
}

/** A case with its ETag (needed to allocate it). */
export function loadCase(id: string): Promise<Versioned<CaseDetail>> {
  return request<CaseDetail>("GET", `/api/v1/cases/${enc(id)}`);
}

/** A person's cases. */
export function loadPersonCases(personId: string): Promise<CaseSummary[]> {
  return get<CaseSummary[]>(`/api/v1/people/${enc(personId)}/cases`);
}

/** Allocates a case (If-Match). */
export function allocateCase(id: string, etag: string | null, userId: string | null, reason: string | null): Promise<Versioned<CaseSummary>> {
  return request<CaseSummary>("PUT", `/api/v1/cases/${enc(id)}/allocation`, { body: { userId, reason }, ifMatch: etag });
}

/** Adds a task. */
export function createTask(body: { title: string; dueDate: string; caseId?: string; assignedTo?: string }): Promise<Versioned<WorkItem>> {
  return request<WorkItem>("POST", "/api/v1/tasks", { body });
}

/** Marks a task done. */
export function completeTask(item: WorkItem): Promise<Versioned<WorkItem>> {
  return request<WorkItem>("PATCH", `/api/v1/tasks/${enc(item.id)}`, { body: { status: "done" }, ifMatch: `W/"${String(item.version)}"` });
}

/** The notes of a case. */
export function loadCaseNotes(caseId: string): Promise<CaseNote[]> {
  return get<CaseNote[]>(`/api/v1/cases/${enc(caseId)}/case-notes`);
}

/** One note with its history and ETag. */
export function loadCaseNote(id: string): Promise<Versioned<CaseNoteWithHistory>> {
  return request<CaseNoteWithHistory>("GET", `/api/v1/case-notes/${enc(id)}`);
}

/** A child's chronology, filtered. */
export function loadChronology(personId: string, query: { types?: string; from?: string; to?: string }): Promise<Chronology> {
  return get<Chronology>(`/api/v1/people/${enc(personId)}/chronology`, query);
}

/** A manager's team supervision status. */
export function loadTeamSupervision(): Promise<TeamSupervisionStatus> {
  return get<TeamSupervisionStatus>("/api/v1/supervision/team");
}

/** One supervision record. */
export function loadSupervision(id: string): Promise<Supervision> {
  return get<Supervision>(`/api/v1/supervisions/${enc(id)}`);
}

/** The authority's local standards with their ETag. */
export function loadLocalStandards(): Promise<Versioned<LocalStandardsInput & { version: number; updatedAt: string | null; updatedBy: string | null }>> {
  return request("GET", "/api/v1/settings/local-standards");
}
