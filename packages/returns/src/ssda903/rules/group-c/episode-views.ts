/**
 * Views of the Episodes table that several group-c rules share: each child's episodes in start
 * order, each child's date of birth from the Header, which children are (or were) UASC and which
 * are only ever in respite care. Each is built once per validation (cached on the context) in
 * linear or n·log n time, indexed by child number (ctx.childIndex) rather than by CHILD.
 */
import type { Ssda903Context } from "../../context.ts";
import type { Day } from "../../../validation/day.ts";

/** Legal statuses of short-break (respite) care. */
export const RESPITE_LS: ReadonlySet<string> = new Set(["V3", "V4"]);

/** Temporary placement codes. */
export const TEMPORARY_PLACES: ReadonlySet<string> = new Set(["T0", "T1", "T2", "T3", "T4"]);

/**
 * Each child's Episodes rows: those of child number `c` are `rows[start[c]]` to
 * `rows[start[c + 1] - 1]`. `children` lists the child numbers with episodes in order of their
 * first Episodes row, the order ctx.rowsByChild keys them, so findings keep that order.
 */
export interface EpisodesByChild {
  readonly children: Int32Array;
  readonly start: Int32Array;
  readonly rows: Int32Array;
}

/** Views computed once per validation (the context is the validation), shared by the rules. */
const orderCache = new WeakMap<Ssda903Context, EpisodesByChild>();
const fileOrderCache = new WeakMap<Ssda903Context, EpisodesByChild>();
const birthCache = new WeakMap<Ssda903Context, Float64Array>();
const uascCache = new WeakMap<Ssda903Context, Uint8Array>();
const respiteCache = new WeakMap<Ssda903Context, Uint8Array>();

/** Each child's Episodes rows in file order (see EpisodesByChild). */
export function episodesByChild(ctx: Ssda903Context): EpisodesByChild {
  let cached = fileOrderCache.get(ctx);
  if (cached === undefined) {
    const { start, rows } = ctx.rowsByChildIndex("Episodes");
    cached = { children: childrenInEpisodeOrder(ctx), start, rows };
    fileOrderCache.set(ctx, cached);
  }
  return cached;
}

/** Child numbers in order of their first Episodes row. */
function childrenInEpisodeOrder(ctx: Ssda903Context): Int32Array {
  const index = ctx.childIndex("Episodes");
  const seen = new Uint8Array(ctx.childCount);
  const order: number[] = [];
  for (let i = 0; i < index.length; i++) {
    const id = index[i] ?? -1;
    if (id < 0 || seen[id] === 1) continue;
    seen[id] = 1;
    order.push(id);
  }
  return Int32Array.from(order);
}

/**
 * Each child's Episodes rows ordered by DECOM (stable, so equal or blank start dates keep file
 * order; blank or invalid DECOM sorts last, as a date sort puts missing values last).
 */
export function episodesInStartOrder(ctx: Ssda903Context): EpisodesByChild {
  let cached = orderCache.get(ctx);
  if (cached === undefined) {
    const grouped = episodesByChild(ctx);
    const decom = ctx.days("Episodes", "DECOM");
    // A copy: the context's grouping stays in file order for other rules.
    const rows = grouped.rows.slice();
    const { start } = grouped;
    for (let c = 0; c + 1 < start.length; c++) {
      const from = start[c] ?? 0;
      const to = start[c + 1] ?? 0;
      if (to - from > 1 && !isOrdered(rows, from, to, decom)) rows.set(sortedByDay(rows.subarray(from, to), decom), from);
    }
    cached = { children: grouped.children, start, rows };
    orderCache.set(ctx, cached);
  }
  return cached;
}

/** The same order keyed by CHILD (for tests and callers that join by id). */
export function episodesInOrder(ctx: Ssda903Context): ReadonlyMap<string, readonly number[]> {
  const { children, start, rows } = episodesInStartOrder(ctx);
  const names = ctx.values("Episodes", "CHILD");
  const out = new Map<string, readonly number[]>();
  for (const c of children) {
    const list = Array.from(rows.subarray(start[c] ?? 0, start[c + 1] ?? 0));
    out.set(names[list[0] ?? -1] ?? "", list);
  }
  return out;
}

/** Sort key of a day: blank or invalid last. */
function dayKey(days: Float64Array, r: number): number {
  const d = days[r] ?? Number.NaN;
  return Number.isNaN(d) ? Number.POSITIVE_INFINITY : d;
}

/** True when rows[from..to) are already in DECOM order (blanks last), as most returns list them. */
function isOrdered(rows: Int32Array, from: number, to: number, days: Float64Array): boolean {
  let previous = Number.NEGATIVE_INFINITY;
  for (let k = from; k < to; k++) {
    const key = dayKey(days, rows[k] ?? -1);
    if (key < previous) return false;
    previous = key;
  }
  return true;
}

/** Row positions sorted by a day column, blanks last, ties in the given order. */
export function sortedByDay(rows: ArrayLike<number>, days: Float64Array): number[] {
  return Array.from(rows).sort((a, b) => dayKey(days, a) - dayKey(days, b) || a - b);
}

/**
 * Each child number's date of birth from the Header (the first row of the child with a valid
 * DOB); NaN when there is none.
 */
export function headerBirthDays(ctx: Ssda903Context): Float64Array {
  let out = birthCache.get(ctx);
  if (out === undefined) {
    out = new Float64Array(ctx.childCount).fill(Number.NaN);
    const index = ctx.childIndex("Header");
    const dob = ctx.days("Header", "DOB");
    for (let i = 0; i < index.length; i++) {
      const id = index[i] ?? -1;
      const d = dob[i] ?? Number.NaN;
      if (id >= 0 && Number.isNaN(out[id] ?? 0) && !Number.isNaN(d)) out[id] = d;
    }
    birthCache.set(ctx, out);
  }
  return out;
}

/**
 * Per child number, 1 for children who are or were unaccompanied asylum-seeking children: a
 * Header or Header_last row with UASC "1", or a UASC or UASC_last row with a date UASC ceased
 * (the reference's reading of both).
 */
export function uascChildren(ctx: Ssda903Context): Uint8Array {
  let out = uascCache.get(ctx);
  if (out === undefined) {
    out = new Uint8Array(ctx.childCount);
    markWhere(ctx, out, "Header", "UASC", "1");
    markWhere(ctx, out, "Header_last", "UASC", "1");
    markWhere(ctx, out, "UASC", "DUC", null);
    markWhere(ctx, out, "UASC_last", "DUC", null);
    uascCache.set(ctx, out);
  }
  return out;
}

/** Marks the children of rows whose `column` is `value` (any value when null). */
function markWhere(ctx: Ssda903Context, out: Uint8Array, table: "Header" | "Header_last" | "UASC" | "UASC_last", column: string, value: string | null): void {
  if (!ctx.hasColumn(table, column)) return;
  const values = ctx.values(table, column);
  const index = ctx.childIndex(table);
  for (let i = 0; i < index.length; i++) {
    const id = index[i] ?? -1;
    const v = values[i] ?? null;
    if (id >= 0 && (value === null ? v !== null : v === value)) out[id] = 1;
  }
}

/** What a child's episodes say about respite care (see respiteByChild). */
export const NO_EPISODES = 0;
export const RESPITE_ONLY = 1;
export const LOOKED_AFTER = 2;

/**
 * Per child number: NO_EPISODES, RESPITE_ONLY when every episode is respite care (V3, V4), or
 * LOOKED_AFTER when at least one is not.
 */
export function respiteByChild(ctx: Ssda903Context): Uint8Array {
  let out = respiteCache.get(ctx);
  if (out === undefined) {
    out = new Uint8Array(ctx.childCount);
    const index = ctx.childIndex("Episodes");
    const ls = ctx.values("Episodes", "LS");
    for (let i = 0; i < index.length; i++) {
      const id = index[i] ?? -1;
      if (id < 0) continue;
      const v = ls[i] ?? null;
      if (v === "V3" || v === "V4") {
        if (out[id] === NO_EPISODES) out[id] = RESPITE_ONLY;
      } else out[id] = LOOKED_AFTER;
    }
    respiteCache.set(ctx, out);
  }
  return out;
}

/** The end of an episode for duration rules: its DEC, or the collection end while it is open. */
export function endOrCollectionEnd(dec: Day, collectionEnd: Day): Day {
  return Number.isNaN(dec) ? collectionEnd : dec;
}
