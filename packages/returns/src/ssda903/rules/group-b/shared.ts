/** Small helpers shared by the group b rules (row lookups by child, dates, code tests). */
import type { Ssda903ValidationTableName } from "../../../read-ssda903.ts";
import type { Day } from "../../../validation/day.ts";
import type { Ssda903Context } from "../../context.ts";

/** The day at a row, NaN when out of range. */
export function dayAt(days: Float64Array, row: number): Day {
  return days[row] ?? Number.NaN;
}

/** A column's value at a row, upper-cased (null when blank). */
export function upperAt(values: readonly (string | null)[], row: number): string | null {
  return values[row]?.toUpperCase() ?? null;
}

const firstRowCache = new WeakMap<Ssda903Context, Map<string, ReadonlyMap<string, number>>>();

/** Each child's first row in a table (the reference reads one row per child), computed once per validation. */
export function firstRowByChild(ctx: Ssda903Context, table: Ssda903ValidationTableName): ReadonlyMap<string, number> {
  let byTable = firstRowCache.get(ctx);
  if (byTable === undefined) {
    byTable = new Map();
    firstRowCache.set(ctx, byTable);
  }
  let out = byTable.get(table);
  if (out === undefined) {
    const rows = new Map<string, number>();
    ctx.values(table, "CHILD").forEach((child, i) => {
      if (child !== null && !rows.has(child)) rows.set(child, i);
    });
    out = rows;
    byTable.set(table, out);
  }
  return out;
}

/** Each child's first value of a column in a table. */
export function firstValueByChild(ctx: Ssda903Context, table: Ssda903ValidationTableName, column: string): Map<string, string | null> {
  const values = ctx.values(table, column);
  const out = new Map<string, string | null>();
  for (const [child, row] of firstRowByChild(ctx, table)) out.set(child, values[row] ?? null);
  return out;
}

/** Looks up a child's first date of a date column in a table (NaN when the child has no row or the date is unknown). */
export function firstDayLookup(ctx: Ssda903Context, table: Ssda903ValidationTableName, column: string): (child: string | null | undefined) => Day {
  const rows = firstRowByChild(ctx, table);
  const days = ctx.days(table, column);
  return (child) => {
    const row = child == null ? undefined : rows.get(child);
    return row === undefined ? Number.NaN : dayAt(days, row);
  };
}

const startOrderCache = new WeakMap<Ssda903Context, ReadonlyMap<string, readonly number[]>>();

/**
 * Each child's episode rows in order of start date (DECOM); rows with an unknown start come last,
 * and ties keep file order, as a stable sort of the reference's does. Computed once per validation.
 */
export function episodesInStartOrder(ctx: Ssda903Context): ReadonlyMap<string, readonly number[]> {
  const cached = startOrderCache.get(ctx);
  if (cached !== undefined) return cached;
  const decom = ctx.days("Episodes", "DECOM");
  const out = new Map<string, readonly number[]>();
  for (const [child, rows] of ctx.rowsByChild("Episodes")) out.set(child, inStartOrder(rows, decom));
  startOrderCache.set(ctx, out);
  return out;
}

/** A start date as a sort key: +Infinity when unknown. */
function startKey(decom: Float64Array, row: number): number {
  const d = dayAt(decom, row);
  return Number.isNaN(d) ? Number.POSITIVE_INFINITY : d;
}

/** A child's rows (in row order) stably sorted by start; most are in order already and are kept as they are. */
function inStartOrder(rows: readonly number[], decom: Float64Array): readonly number[] {
  for (let i = 1; i < rows.length; i++) {
    if (startKey(decom, rows[i - 1] ?? 0) > startKey(decom, rows[i] ?? 0)) return [...rows].sort((a, b) => startKey(decom, a) - startKey(decom, b));
  }
  return rows;
}

/** The rows of a table whose child is in the set. */
export function rowsOfChildren(ctx: Ssda903Context, table: Ssda903ValidationTableName, children: ReadonlySet<string>): number[] {
  const out: number[] = [];
  for (const child of children) out.push(...(ctx.rowsByChild(table).get(child) ?? []));
  return out;
}
