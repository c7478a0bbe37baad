/**
 * Small helpers the casework fact functions share: months of dates, month ends, the team of
 * the case an event belongs to, and one-event facts. Kept allocation-light: these run for every
 * child of a region on a full rebuild.
 */
import type { FactWindow, IsoDate, IsoMonth, MeasureFact, SubjectRecords } from "../measure-types.ts";

/** The month (YYYY-MM) an ISO date falls in. */
export function monthOf(date: IsoDate): IsoMonth {
  return date.slice(0, 7);
}

/** True when the month is one the window works facts out for (both ends included). */
export function inWindow(month: IsoMonth, window: FactWindow): boolean {
  return month >= window.firstMonth && month <= window.lastMonth;
}

// Month arithmetic on strings is the hot path of stock measures (a fact per month end for
// every child on a plan); the months of any window are few, so remember them.
const NEXT_MONTH = new Map<IsoMonth, IsoMonth>();
const MONTH_END = new Map<IsoMonth, IsoDate>();

/** The month after `month` (December rolls into January of the next year). */
export function nextMonth(month: IsoMonth): IsoMonth {
  const hit = NEXT_MONTH.get(month);
  if (hit !== undefined) return hit;
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const next = m === 12 ? `${String(year + 1).padStart(4, "0")}-01` : `${month.slice(0, 4)}-${String(m + 1).padStart(2, "0")}`;
  if (NEXT_MONTH.size < 5_000) NEXT_MONTH.set(month, next);
  return next;
}

/** The last day of the month as an ISO date: 2024-02 → 2024-02-29. */
export function monthEnd(month: IsoMonth): IsoDate {
  const hit = MONTH_END.get(month);
  if (hit !== undefined) return hit;
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  const end = `${month}-${String(days)}`;
  if (MONTH_END.size < 5_000) MONTH_END.set(month, end);
  return end;
}

/**
 * The team of the case an event belongs to (casework_case.team_id), or null when the case is
 * not among the child's cases or has no team. A child has few cases, so a scan beats a map.
 */
export function teamOfCase(records: SubjectRecords, caseId: string | null): string | null {
  if (caseId === null) return null;
  for (const c of records.cases) if (c.id === caseId) return c.teamId;
  return null;
}

/** One counted event: in the numerator when `counted`, always in the denominator. */
export function eventFact(measureId: string, month: IsoMonth, counted: boolean, teamId: string | null): MeasureFact {
  return { measureId, month, numerator: counted ? 1 : 0, denominator: 1, teamId };
}

/** A ratio contribution: `numerator` of `denominator` (goals met of goals rated, for example). */
export function ratioFact(measureId: string, month: IsoMonth, numerator: number, denominator: number, teamId: string | null): MeasureFact {
  return { measureId, month, numerator, denominator, teamId };
}

/**
 * A bounded memo for due dates: the same few thousand dates recur across millions of children,
 * and working-day arithmetic costs far more than a map look-up. Pure: a date always gives the
 * same due date.
 */
export function memoDue(due: (date: IsoDate) => IsoDate, limit = 20_000): (date: IsoDate) => IsoDate {
  const cache = new Map<IsoDate, IsoDate>();
  return (date) => {
    const hit = cache.get(date);
    if (hit !== undefined) return hit;
    const value = due(date);
    if (cache.size >= limit) cache.clear();
    cache.set(date, value);
    return value;
  };
}
