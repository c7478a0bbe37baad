import type {
  MeasureCatalogue,
  MeasureDashboard,
  MeasureDashboardKind,
  MeasureInterval,
  MeasureScopeOptions,
  MeasureSubjects,
  MeasureTarget,
  MeasureTargetInput,
  MeasureValues,
} from "@family-story/schemas";
import { get, request } from "./api-client.ts";
import { etagFor } from "./people.ts";

/**
 * Whose figures and for when, as the measures API takes them: exactly one of la, service or
 * team, and an optional period and interval (the server's defaults are five financial years to
 * today, by year).
 */
export interface MeasureScopeQuery {
  la?: string | undefined;
  service?: string | undefined;
  team?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  interval?: MeasureInterval | undefined;
}

/** One choice in the scope picker: an authority, a shared service (combined) or a team. */
export interface ScopeOption {
  kind: "la" | "service" | "team";
  id: string;
  name: string;
}

/** The scopes a reader may choose between, grouped as the picker shows them. */
export interface ScopeOptions {
  authorities: ScopeOption[];
  services: ScopeOption[];
  teams: ScopeOption[];
}

type Query = Record<string, string | undefined>;

function query(q: MeasureScopeQuery, extra: Query = {}): Query {
  return { la: q.la, service: q.service, team: q.team, from: q.from, to: q.to, interval: q.interval, ...extra };
}

function queryString(q: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(q)) if (value !== undefined && value !== "") params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Every measure and the outcomes, priorities and themes they sit under. */
export function loadMeasureCatalogue(): Promise<MeasureCatalogue> {
  return get<MeasureCatalogue>("/api/v1/measures");
}

/** One measure's value for the period, its trend, target and RAG. */
export function loadMeasureValues(id: string, q: MeasureScopeQuery): Promise<MeasureValues> {
  return get<MeasureValues>(`/api/v1/measures/${encodeURIComponent(id)}`, query(q));
}

/** The children behind a computed measure's number, as far as the reader may see them. */
export function loadMeasureSubjects(id: string, q: MeasureScopeQuery, part: "numerator" | "denominator"): Promise<MeasureSubjects> {
  return get<MeasureSubjects>(`/api/v1/measures/${encodeURIComponent(id)}/subjects`, query(q, { part }));
}

/** A dashboard: its groups of measures with values, trends, targets and RAG. */
export function loadMeasureDashboard(board: MeasureDashboardKind, q: MeasureScopeQuery): Promise<MeasureDashboard> {
  return get<MeasureDashboard>(`/api/v1/measure-dashboards/${board}`, query(q));
}

/** Where a measure's trend downloads as CSV (a plain link: the browser sends the session cookie). */
export function measureCsvHref(id: string, q: MeasureScopeQuery): string {
  return `/api/v1/measures/${encodeURIComponent(id)}/export.csv${queryString(query(q))}`;
}

/** Where a dashboard downloads as CSV or as a committee-paper PDF. */
export function dashboardExportHref(board: MeasureDashboardKind, format: "csv" | "pdf", q: MeasureScopeQuery): string {
  return `/api/v1/measure-dashboards/${board}/export.${format}${queryString(query(q))}`;
}

/** Saves an authority's baseline and target; sends the version read when one exists. */
export async function saveMeasureTarget(id: string, la: string, body: MeasureTargetInput, version: number | null): Promise<MeasureTarget> {
  const path = `/api/v1/measures/${encodeURIComponent(id)}/targets/${encodeURIComponent(la)}`;
  return (await request<MeasureTarget>("PUT", path, { body, ifMatch: version === null ? null : etagFor(version) })).body;
}

/**
 * The scopes the reader may choose, grouped for the picker: the authorities they work, shared
 * services wholly within them, and the teams they may read (their own; any for leaders and
 * performance analysts).
 */
export async function loadScopeOptions(): Promise<ScopeOptions> {
  const scopes = await get<MeasureScopeOptions>("/api/v1/measure-scopes");
  return {
    authorities: scopes.authorities.map((a) => ({ kind: "la", id: a.code, name: a.name })),
    services: scopes.services.map((s) => ({ kind: "service", id: s.id, name: s.name })),
    teams: scopes.teams.map((t) => ({ kind: "team", id: t.id, name: t.name })),
  };
}
