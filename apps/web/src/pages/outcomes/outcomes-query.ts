import { MEASURE_INTERVALS, type MeasureInterval } from "@family-story/schemas";
import type { MeasureScopeQuery } from "../../api/measures.ts";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function intervalOf(value: string | null): MeasureInterval | undefined {
  return MEASURE_INTERVALS.find((i) => i === value);
}

function dayOf(value: string | null): string | undefined {
  return value && DAY.test(value) ? value : undefined;
}

/**
 * The scope and period a page shows, from its address (?la=, ?service=, ?team=, ?from=, ?to=,
 * ?interval=), so a view can be bookmarked and shared. With no scope in the address, the
 * fallback is used: the reader's own authority, or their own team on the team dashboard.
 */
export function scopeFromParams(params: URLSearchParams, fallback: { la?: string | undefined; team?: string | undefined }): MeasureScopeQuery {
  const la = params.get("la") ?? undefined;
  const service = params.get("service") ?? undefined;
  const team = params.get("team") ?? undefined;
  const period = { from: dayOf(params.get("from")), to: dayOf(params.get("to")), interval: intervalOf(params.get("interval")) };
  if (la) return { la, ...period };
  if (service) return { service, ...period };
  if (team) return { team, ...period };
  return fallback.team ? { team: fallback.team, ...period } : { la: fallback.la, ...period };
}

/** The same scope as an address query ("?la=E09000033&interval=quarter"), for links between pages. */
export function scopeSearch(q: MeasureScopeQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  const entries: [string, string | undefined][] = [["la", q.la], ["service", q.service], ["team", q.team], ["from", q.from], ["to", q.to], ["interval", q.interval], ...Object.entries(extra)];
  for (const [key, value] of entries) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The scope picker's value for a query: "la:E09000033", "service:<id>" or "team:<id>". */
export function scopeKey(q: MeasureScopeQuery): string {
  if (q.la) return `la:${q.la}`;
  if (q.service) return `service:${q.service}`;
  if (q.team) return `team:${q.team}`;
  return "";
}

/** The query parts for a picker value. */
export function scopeFromKey(key: string): Pick<MeasureScopeQuery, "la" | "service" | "team"> {
  const [kind, id] = [key.slice(0, key.indexOf(":")), key.slice(key.indexOf(":") + 1)];
  if (kind === "service") return { service: id };
  if (kind === "team") return { team: id };
  return { la: id };
}

/** The interval choices in words. */
export const INTERVAL_LABELS: Record<MeasureInterval, string> = {
  year: "Financial year",
  quarter: "Quarter",
  month: "Month",
};
