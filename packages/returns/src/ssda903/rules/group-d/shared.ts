/** Helpers shared by the rules of group d (501–599). */
import type { Ssda903ValidationTableName } from "../../../read-ssda903.ts";
import type { Ssda903Value } from "../../../ssda903-tables.ts";
import type { Day } from "../../../validation/day.ts";
import type { Ssda903Context } from "../../context.ts";

/** Placement codes of a child placed for adoption. */
export const ADOPTION_PLACEMENTS: ReadonlySet<string> = new Set(["A3", "A4", "A5", "A6"]);
/** Reasons an episode ceased that mean the child was adopted. */
export const ADOPTED: ReadonlySet<string> = new Set(["E11", "E12"]);

/** True when a value is blank. */
export const blank = (value: Ssda903Value | undefined): boolean => value === null || value === undefined;

/** Row positions ordered by a day column: ascending, blank/invalid days last, ties in row order. */
export function orderByDay(rows: readonly number[], days: Float64Array): number[] {
  // A child's rows are usually in date order already (rules call this once per child): then a
  // copy without a sort. `before` is the sort's own comparison, so the result is the same.
  for (let i = 1; i < rows.length; i++) {
    if (before(days, rows[i] ?? 0, rows[i - 1] ?? 0)) return [...rows].sort((a, b) => (before(days, a, b) ? -1 : before(days, b, a) ? 1 : 0));
  }
  return [...rows];
}

/** The sort key of a row: its day, or +Infinity when blank or invalid. */
function dayKey(days: Float64Array, row: number): number {
  const d = days[row] ?? Number.NaN;
  return Number.isNaN(d) ? Number.POSITIVE_INFINITY : d;
}

/** True when row `a` sorts before row `b`: earlier day, or the same key and an earlier row. */
function before(days: Float64Array, a: number, b: number): boolean {
  const ka = dayKey(days, a);
  const kb = dayKey(days, b);
  return ka < kb || (ka === kb && a < b);
}

/** The rows of every child that appears in both tables, as [this table's rows, other table's rows]. */
export function* childPairs(
  ctx: Ssda903Context,
  table: Ssda903ValidationTableName,
  other: Ssda903ValidationTableName,
): Generator<readonly [string, readonly number[], readonly number[]]> {
  const otherByChild = ctx.rowsByChild(other);
  for (const [child, rows] of ctx.rowsByChild(table)) {
    const otherRows = otherByChild.get(child);
    if (otherRows !== undefined) yield [child, rows, otherRows];
  }
}

/** One stretch of days, inclusive at both ends; `end` is +Infinity when open. */
export interface Span {
  readonly start: Day;
  readonly end: Day;
}

/** A child's episodes as spans (DECOM to DEC, open episodes never end); episodes without a start are left out. */
export function episodeSpans(ctx: Ssda903Context, rows: readonly number[]): Span[] {
  const decom = ctx.days("Episodes", "DECOM");
  const dec = ctx.days("Episodes", "DEC");
  const out: Span[] = [];
  for (const r of rows) {
    const start = decom[r] ?? Number.NaN;
    if (Number.isNaN(start)) continue;
    const end = dec[r] ?? Number.NaN;
    out.push({ start, end: Number.isNaN(end) ? Number.POSITIVE_INFINITY : end });
  }
  return out;
}

/** True when the day falls within one of the spans (inclusive). */
export const within = (day: Day, spans: readonly Span[]): boolean => spans.some((s) => s.start <= day && day <= s.end);

/**
 * A child's periods of care: episodes in DECOM order, joined while each starts on the day the
 * one before ended. `end` is +Infinity when the last episode of the period is open.
 */
export function periodsOfCare(ctx: Ssda903Context, rows: readonly number[]): Span[] {
  const decom = ctx.days("Episodes", "DECOM");
  const dec = ctx.days("Episodes", "DEC");
  const out: Span[] = [];
  let start = Number.NaN;
  let end = Number.NaN;
  for (const r of orderByDay(rows, decom)) {
    const s = decom[r] ?? Number.NaN;
    if (Number.isNaN(s)) continue;
    const e = dec[r] ?? Number.NaN;
    if (!Number.isNaN(start) && s === end) {
      end = e;
      continue;
    }
    if (!Number.isNaN(start)) out.push({ start, end: Number.isNaN(end) ? Number.POSITIVE_INFINITY : end });
    start = s;
    end = e;
  }
  if (!Number.isNaN(start)) out.push({ start, end: Number.isNaN(end) ? Number.POSITIVE_INFINITY : end });
  return out;
}
