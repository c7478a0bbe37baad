/** Helpers shared by the rules of group e (601–710, EPI, NoE, 1000–1016, 3001). */
import type { Ssda903ValidationTableName } from "../../../read-ssda903.ts";
import type { Ssda903Value } from "../../../ssda903-tables.ts";
import type { Day } from "../../../validation/day.ts";
import type { Ssda903Context } from "../../context.ts";

/** Reasons an episode ceased that mean the child was adopted. */
export const ADOPTED: ReadonlySet<string> = new Set(["E11", "E12"]);

/** The care leaver fields of OC3. */
export const CARE_LEAVER_FIELDS = ["IN_TOUCH", "ACTIV", "ACCOM"] as const;

/** A coded number field (MOTHER) as the reference reads it: "1", "1.0" and 1 are all one; NaN when blank or not a number. */
export function numeric(value: Ssda903Value | undefined): number {
  if (value === null || value === undefined) return Number.NaN;
  const n = Number(value);
  return value.trim() === "" ? Number.NaN : n;
}

/** Something that knows whether a child is in it: a set of children, or a table's rows by child. */
export interface Children {
  has(child: string): boolean;
}

/** The children that have a row in a table (none when the table was not given); the cached by-child view, not a copy. */
export function childrenOf(ctx: Ssda903Context, table: Ssda903ValidationTableName): Children {
  return ctx.rowsByChild(table);
}

/** Per OC3 row: true when any care leaver field (IN_TOUCH, ACTIV, ACCOM) is filled in. */
export function careLeaverInfo(ctx: Ssda903Context): boolean[] {
  const columns = CARE_LEAVER_FIELDS.map((c) => ctx.values("OC3", c));
  const n = ctx.rows("OC3").length;
  const out = new Array<boolean>(n);
  for (let i = 0; i < n; i++) out[i] = columns.some((col) => (col[i] ?? null) !== null);
  return out;
}

/**
 * A child's latest episode row: the greatest DECOM (a blank DECOM is never latest; ties go to the
 * later row); -1 when every DECOM is blank.
 */
export function latestEpisodeOf(rows: readonly number[], decom: Float64Array): number {
  let best = -1;
  let bestDay = Number.NEGATIVE_INFINITY;
  for (const r of rows) {
    const d = decom[r] ?? Number.NaN;
    if (!Number.isNaN(d) && d >= bestDay) {
      best = r;
      bestDay = d;
    }
  }
  return best;
}

// Several rules read the same first rows: made once per validation.
const firstRows = new WeakMap<Ssda903Context, Map<string, ReadonlyMap<string, number>>>();

/** The first row of each child in a table (e.g. a child's Header row). */
export function firstRowByChild(ctx: Ssda903Context, table: Ssda903ValidationTableName): ReadonlyMap<string, number> {
  let byTable = firstRows.get(ctx);
  if (byTable === undefined) {
    byTable = new Map();
    firstRows.set(ctx, byTable);
  }
  let out = byTable.get(table);
  if (out === undefined) {
    const map = new Map<string, number>();
    for (const [child, rows] of ctx.rowsByChild(table)) {
      const first = rows[0];
      if (first !== undefined) map.set(child, first);
    }
    out = map;
    byTable.set(table, out);
  }
  return out;
}

/** Each child number's (ctx.childIndex) first row in a table, -1 when the child has none. */
export function firstRowIndex(ctx: Ssda903Context, table: Ssda903ValidationTableName): Int32Array {
  const { start, rows } = ctx.rowsByChildIndex(table);
  const out = new Int32Array(ctx.childCount).fill(-1);
  for (let c = 0; c < out.length; c++) if ((start[c] ?? 0) < (start[c + 1] ?? 0)) out[c] = rows[start[c] ?? 0] ?? -1;
  return out;
}

/** True when the day is within [start, end] (false when any of them is unknown). */
export const between = (day: Day, start: Day, end: Day): boolean => day >= start && day <= end;
