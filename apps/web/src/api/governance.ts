import type {
  GovAction,
  GovActionCreate,
  GovActionProgress,
  GovActionUpdate,
  GovAuthority,
  GovCommittee,
  GovCommitteeActionCreate,
  GovCommitteeActionUpdate,
  GovCommitteeSummary,
  GovMeetingCreate,
  GovPriorityCreate,
  GovPriorityUpdate,
  GovRecommendationCreate,
  GovReport,
  GovResponseInput,
  GovStrategy,
  GovStrategyCreate,
  GovStrategySummary,
  GovWorkItemCreate,
  GovWorkItemUpdate,
  MeasureValues,
} from "@family-story/schemas";
import { get, request, type Versioned } from "./api-client.ts";

const enc = encodeURIComponent;

/** The strategies of every authority the user works, with counts by status. */
export function loadStrategies(): Promise<GovStrategySummary[]> {
  return get<GovStrategySummary[]>("/api/v1/governance/strategies");
}

/** One strategy: priorities, actions, notes. */
export function loadStrategy(id: string): Promise<GovStrategy> {
  return get<GovStrategy>(`/api/v1/governance/strategies/${enc(id)}`);
}

/** One action with its ETag, for the progress form. */
export function loadGovAction(id: string): Promise<Versioned<GovAction>> {
  return request<GovAction>("GET", `/api/v1/governance/actions/${enc(id)}`);
}

/** Records progress on an action (status and a dated note), If-Match. */
export function recordProgress(id: string, etag: string | null, body: GovActionProgress): Promise<Versioned<GovAction>> {
  return request<GovAction>("POST", `/api/v1/governance/actions/${enc(id)}/progress`, { body, ifMatch: etag });
}

/** What we said / what we did for a strategy. */
export function loadGovReport(id: string): Promise<GovReport> {
  return get<GovReport>(`/api/v1/governance/strategies/${enc(id)}/report`);
}

/** Where the report downloads as CSV (a plain link: the browser sends the session cookie). */
export function govReportCsvHref(id: string): string {
  return `/api/v1/governance/strategies/${enc(id)}/report.csv`;
}

export function loadCommittees(): Promise<GovCommitteeSummary[]> {
  return get<GovCommitteeSummary[]>("/api/v1/governance/committees");
}

export function loadCommittee(id: string): Promise<GovCommittee> {
  return get<GovCommittee>(`/api/v1/governance/committees/${enc(id)}`);
}

/** If-Match for a committee record read at `version` (committee records carry their version in the body). */
const at = (version: number): string => `W/"${String(version)}"`;

/** The authorities the user works: where they may record a strategy. */
export function loadGovAuthorities(): Promise<GovAuthority[]> {
  return get<GovAuthority[]>("/api/v1/governance/authorities");
}

export function createStrategy(body: GovStrategyCreate): Promise<Versioned<GovStrategy>> {
  return request<GovStrategy>("POST", "/api/v1/governance/strategies", { body });
}

export function addPriority(strategyId: string, body: GovPriorityCreate): Promise<Versioned<GovStrategy>> {
  return request<GovStrategy>("POST", `/api/v1/governance/strategies/${enc(strategyId)}/priorities`, { body });
}

/** Changes a priority, If-Match with its strategy's version (a priority is part of its strategy). */
export function updatePriority(priorityId: string, strategyVersion: number, body: GovPriorityUpdate): Promise<Versioned<GovStrategy>> {
  return request<GovStrategy>("PATCH", `/api/v1/governance/priorities/${enc(priorityId)}`, { body, ifMatch: at(strategyVersion) });
}

export function addGovAction(priorityId: string, body: GovActionCreate): Promise<Versioned<GovAction>> {
  return request<GovAction>("POST", `/api/v1/governance/priorities/${enc(priorityId)}/actions`, { body });
}

/** Changes an action's details, If-Match with the ETag it was read with. */
export function updateGovAction(id: string, etag: string | null, body: GovActionUpdate): Promise<Versioned<GovAction>> {
  return request<GovAction>("PATCH", `/api/v1/governance/actions/${enc(id)}`, { body, ifMatch: etag });
}

export function addMeeting(committeeId: string, body: GovMeetingCreate): Promise<Versioned<GovCommittee>> {
  return request<GovCommittee>("POST", `/api/v1/governance/committees/${enc(committeeId)}/meetings`, { body });
}

export function addWorkItem(committeeId: string, body: GovWorkItemCreate): Promise<Versioned<GovCommittee>> {
  return request<GovCommittee>("POST", `/api/v1/governance/committees/${enc(committeeId)}/work-items`, { body });
}

/** Moves a work programme item to a meeting (or null: unallocated), If-Match with its version. */
export function updateWorkItem(id: string, version: number, body: GovWorkItemUpdate): Promise<Versioned<GovCommittee>> {
  return request<GovCommittee>("PATCH", `/api/v1/governance/work-items/${enc(id)}`, { body, ifMatch: at(version) });
}

export function addCommitteeAction(committeeId: string, body: GovCommitteeActionCreate): Promise<Versioned<GovCommittee>> {
  return request<GovCommittee>("POST", `/api/v1/governance/committees/${enc(committeeId)}/actions`, { body });
}

export function addRecommendation(committeeId: string, body: GovRecommendationCreate): Promise<Versioned<GovCommittee>> {
  return request<GovCommittee>("POST", `/api/v1/governance/committees/${enc(committeeId)}/recommendations`, { body });
}

/** Records one organisation's response, If-Match with the recommendation's version. */
export function recordResponse(recommendationId: string, version: number, body: GovResponseInput): Promise<Versioned<GovCommittee>> {
  return request<GovCommittee>("PUT", `/api/v1/governance/recommendations/${enc(recommendationId)}/response`, { body, ifMatch: at(version) });
}

/** Records where a tracked committee action stands, If-Match with the version it was read at. */
export function updateCommitteeAction(id: string, version: number, body: GovCommitteeActionUpdate): Promise<Versioned<GovCommittee>> {
  return request<GovCommittee>("PATCH", `/api/v1/governance/committee-actions/${enc(id)}`, { body, ifMatch: at(version) });
}

/**
 * The latest value of a linked measure for an authority, or null when the measures service
 * has none (not yet built, or a measure the catalogue does not hold).
 */
export async function latestMeasureValue(measureId: string, la: string): Promise<MeasureValues | null> {
  try {
    return await get<MeasureValues>(`/api/v1/measures/${enc(measureId)}`, { la });
  } catch {
    return null;
  }
}
