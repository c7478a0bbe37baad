/** Shared building blocks of the CIN rules: joins on the CIN episode and on the child, flags, overlaps. */
import type { CinTableName } from "../cin-table.ts";
import type { CinContext } from "../context.ts";

/** The separator of composite keys (as CinContext.keys builds them). */
export const KEY_SEPARATOR = "\u0000";

/** True when a day lies in the census year (NaN never does). */
export function inCensusYear(ctx: CinContext, day: number): boolean {
  return day >= ctx.collectionStart && day <= ctx.collectionEnd;
}

/**
 * Pairs each row of `table` with the CINdetails rows of the same episode (LAchildID and
 * CINdetailsID) and returns the rows of both tables where `failing(row, cinRow)` holds.
 */
export function episodePairs(
  ctx: CinContext,
  table: CinTableName,
  failing: (row: number, cinRow: number) => boolean,
): { rows: number[]; cinRows: number[] } {
  const { rows, matched } = idPairs(ctx, table, "CINdetails", ["LAchildID", "CINdetailsID"], failing);
  return { rows, cinRows: matched };
}

/**
 * Pairs each row of `table` with the ChildIdentifiers rows of the same child and returns the rows
 * of both tables where `failing(row, childRow)` holds.
 */
export function childPairs(
  ctx: CinContext,
  table: CinTableName,
  failing: (row: number, childRow: number) => boolean,
): { rows: number[]; childRows: number[] } {
  const { rows, matched } = idPairs(ctx, table, "ChildIdentifiers", ["LAchildID"], failing);
  return { rows, childRows: matched };
}

/** Joins `table` to `other` on the key columns; rows in row order, matched rows in order of first failure. */
function idPairs(
  ctx: CinContext,
  table: CinTableName,
  other: CinTableName,
  columns: readonly string[],
  failing: (row: number, otherRow: number) => boolean,
): { rows: number[]; matched: number[] } {
  const { start, order } = ctx.idGroups(other, ...columns);
  const ids = ctx.ids(table, ...columns);
  const groups = start.length - 1;
  const seen = new Uint8Array(ctx.size(other));
  const rows: number[] = [];
  const matched: number[] = [];
  for (let row = 0; row < ids.length; row++) {
    const id = ids[row] ?? -1;
    if (id < 0 || id >= groups) continue;
    let hit = false;
    const end = start[id + 1] ?? 0;
    for (let k = start[id] ?? 0; k < end; k++) {
      const otherRow = order[k] ?? 0;
      if (!failing(row, otherRow)) continue;
      hit = true;
      if (seen[otherRow] === 0) {
        seen[otherRow] = 1;
        matched.push(otherRow);
      }
    }
    if (hit) rows.push(row);
  }
  return { rows, matched };
}

/** The rows of every group with more than one row. */
export function rowsOfRepeatedGroups(groups: ReadonlyMap<string, readonly number[]>): number[] {
  const out: number[] = [];
  for (const rows of groups.values()) if (rows.length > 1) out.push(...rows);
  return out;
}

/** True for a flag the return sets: "true" or "1" (any case); "false", "0" and blank are not set. */
export function isTrue(value: string | null | undefined): boolean {
  if (value == null) return false;
  const v = value.toLowerCase();
  return v === "true" || v === "1";
}

/** True for a flag the return clears: "false" or "0" (any case); blank is neither set nor cleared. */
export function isFalse(value: string | null | undefined): boolean {
  if (value == null) return false;
  const v = value.toLowerCase();
  return v === "false" || v === "0";
}

/**
 * The rows of each group whose period [start, end) overlaps another row's period (a blank end is
 * still open). Rows without a start are not compared. Sorting per group keeps this n·log n.
 */
export function overlappingRows(groups: ReadonlyMap<string, readonly number[]>, start: Float64Array, end: Float64Array): number[] {
  const out: number[] = [];
  const endOf = (r: number): number => {
    const e = end[r] ?? NaN;
    return Number.isNaN(e) ? Infinity : e;
  };
  for (const rows of groups.values()) {
    if (rows.length < 2) continue;
    const sorted = rows.filter((r) => !Number.isNaN(start[r] ?? NaN)).sort((a, b) => (start[a] ?? 0) - (start[b] ?? 0));
    let maxEnd = -Infinity;
    sorted.forEach((r, k) => {
      const s = start[r] ?? NaN;
      const next = sorted[k + 1];
      if (s < maxEnd || (next !== undefined && (start[next] ?? NaN) < endOf(r))) out.push(r);
      maxEnd = Math.max(maxEnd, endOf(r));
    });
  }
  return out;
}

/** Rows of `table` whose episode (LAchildID and CINdetailsID) is in the set. */
export function rowsInEpisodes(ctx: CinContext, table: CinTableName, episodes: ReadonlySet<string>): number[] {
  const out: number[] = [];
  const keys = ctx.keys(table, "LAchildID", "CINdetailsID");
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] ?? null;
    if (key !== null && episodes.has(key)) out.push(i);
  }
  return out;
}

/**
 * Each Assessments row's assessment: LAchildID and AssessmentID where the table has them (the
 * reader gives one row per factor, all with the assessment's ID); otherwise the child, episode
 * and dates the row has (the reference's example tables, one row per assessment or factor set).
 */
export function assessmentKeys(ctx: CinContext): readonly (string | null)[] {
  if (ctx.hasColumn("Assessments", "AssessmentID")) return ctx.keys("Assessments", "LAchildID", "AssessmentID");
  const columns = ["LAchildID", "CINdetailsID", "AssessmentActualStartDate", "AssessmentAuthorisationDate"].filter((c) => ctx.hasColumn("Assessments", c));
  const lists = columns.map((c) => ctx.values("Assessments", c));
  return ctx.rows("Assessments").map((_, i) => lists.map((l) => l[i] ?? "").join(KEY_SEPARATOR));
}

/** The factor codes in a cell (a cell may list several, comma-separated). */
export function factorCodes(value: string | null | undefined): string[] {
  if (value == null) return [];
  return value.split(",").map((f) => f.trim()).filter((f) => f !== "");
}

/** Groups row positions by key, leaving out null keys. */
export function groupKeys(keys: readonly (string | null)[]): Map<string, number[]> {
  const map = new Map<string, number[]>();
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] ?? null;
    if (key === null) continue;
    const list = map.get(key);
    if (list === undefined) map.set(key, [i]);
    else list.push(i);
  }
  return map;
}

/** True when the day is a Saturday or Sunday (day 0, 1 January 1970, was a Thursday). */
export function isWeekend(day: number): boolean {
  if (Number.isNaN(day)) return false;
  const weekday = (((day + 4) % 7) + 7) % 7; // 0 = Sunday
  return weekday === 0 || weekday === 6;
}
