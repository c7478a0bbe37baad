/** Rules on the dates of Deprivation of Liberty Orders (DoLo), 2026/27 onwards: 700–708. */
import type { Day } from "../../../validation/day.ts";
import { defineRule, rowsWhere } from "../../rule.ts";

/** 700: DOLO_START must be a valid date (blank fails). */
export const rule700 = defineRule("700", ["DoLo"], (ctx) => {
  const start = ctx.days("DoLo", "DOLO_START");
  return { DoLo: rowsWhere(start.length, (i) => Number.isNaN(start[i] ?? Number.NaN)) };
});

/** 701: DOLO_END, when given, must be a valid date. */
export const rule701 = defineRule("701", ["DoLo"], (ctx) => {
  const text = ctx.values("DoLo", "DOLO_END");
  const end = ctx.days("DoLo", "DOLO_END");
  return { DoLo: rowsWhere(end.length, (i) => (text[i] ?? null) !== null && Number.isNaN(end[i] ?? Number.NaN)) };
});

/** 702: a DoLO must end after it starts (ending the same day fails, as in the reference's example). */
export const rule702 = defineRule("702", ["DoLo"], (ctx) => {
  const start = ctx.days("DoLo", "DOLO_START");
  const end = ctx.days("DoLo", "DOLO_END");
  return { DoLo: rowsWhere(start.length, (i) => (end[i] ?? Number.NaN) <= (start[i] ?? Number.NaN)) };
});

/** 703: a DoLO cannot start after the end of the collection year. */
export const rule703 = defineRule("703", ["DoLo"], (ctx) => {
  const start = ctx.days("DoLo", "DOLO_START");
  return { DoLo: rowsWhere(start.length, (i) => (start[i] ?? Number.NaN) > ctx.collectionEnd) };
});

/** 704: a DoLO's end must fall within the collection year. */
export const rule704 = defineRule("704", ["DoLo"], (ctx) => {
  const end = ctx.days("DoLo", "DOLO_END");
  return {
    DoLo: rowsWhere(end.length, (i) => {
      const e = end[i] ?? Number.NaN;
      return e < ctx.collectionStart || e > ctx.collectionEnd;
    }),
  };
});

/**
 * 705: a DoLO cannot start while the child's previous DoLO (the row before it, in the order
 * returned) is still open: no valid end, or an end after this start.
 */
export const rule705 = defineRule("705", ["DoLo"], (ctx) => {
  const start = ctx.days("DoLo", "DOLO_START");
  const end = ctx.days("DoLo", "DOLO_END");
  const out: number[] = [];
  for (const rows of ctx.rowsByChild("DoLo").values()) {
    for (let k = 1; k < rows.length; k++) {
      const row = rows[k] ?? 0;
      const s = start[row] ?? Number.NaN;
      const previousEnd = end[rows[k - 1] ?? 0] ?? Number.NaN;
      if (!Number.isNaN(s) && (Number.isNaN(previousEnd) || s < previousEnd)) out.push(row);
    }
  }
  return { DoLo: out };
});

/**
 * 706: a DoLO still open at the end of last year must be carried into this year's return (a DoLO
 * with the same start). Flags the child's last DoLo row, or the open DoLo_last row when the child
 * has no DoLO this year.
 */
export const rule706 = defineRule("706", ["DoLo", "DoLo_last"], (ctx) => {
  const lastStart = ctx.days("DoLo_last", "DOLO_START");
  const lastEndText = ctx.values("DoLo_last", "DOLO_END");
  const start = ctx.days("DoLo", "DOLO_START");
  const current = ctx.rowsByChild("DoLo");
  const dolo: number[] = [];
  const previous: number[] = [];
  for (const [child, rows] of ctx.rowsByChild("DoLo_last")) {
    const own = current.get(child) ?? [];
    const starts = new Set(own.map((r) => start[r] ?? Number.NaN));
    for (const r of rows) {
      if ((lastEndText[r] ?? null) !== null || starts.has(lastStart[r] ?? Number.NaN)) continue;
      const lastRow = own[own.length - 1];
      if (lastRow === undefined) previous.push(r);
      else dolo.push(lastRow);
    }
  }
  return { DoLo: dolo, DoLo_last: previous };
});

/** A stretch of care, inclusive; `end` is +Infinity while the child is still looked after. */
interface Stretch {
  readonly start: Day;
  end: Day;
}

/** A child's episodes joined into continuous stretches of care (overlapping or touching episodes merge). */
function stretchesOfCare(decom: Float64Array, dec: Float64Array, rows: readonly number[]): Stretch[] {
  const spans = rows
    .map((r) => ({ start: decom[r] ?? Number.NaN, end: Number.isNaN(dec[r] ?? Number.NaN) ? Number.POSITIVE_INFINITY : (dec[r] ?? 0) }))
    .filter((s) => !Number.isNaN(s.start))
    .sort((a, b) => a.start - b.start);
  const out: Stretch[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last !== undefined && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

/**
 * 707: once a child has ceased to be looked after, the DoLO must have ended. A DoLO with an end
 * fails when the end falls outside every stretch of the child's care; one without an end fails
 * unless it started within the stretch that is still open. Children without episodes and DoLOs
 * without a start are not checked. The reference states only the examples; these readings fit
 * every one of them.
 */
export const rule707 = defineRule("707", ["DoLo", "Episodes"], (ctx) => {
  const start = ctx.days("DoLo", "DOLO_START");
  const end = ctx.days("DoLo", "DOLO_END");
  const decom = ctx.days("Episodes", "DECOM");
  const dec = ctx.days("Episodes", "DEC");
  const episodes = ctx.rowsByChild("Episodes");
  const out: number[] = [];
  for (const [child, rows] of ctx.rowsByChild("DoLo")) {
    const own = episodes.get(child);
    if (own === undefined) continue;
    const care = stretchesOfCare(decom, dec, own);
    for (const r of rows) {
      const s = start[r] ?? Number.NaN;
      if (Number.isNaN(s)) continue;
      const e = end[r] ?? Number.NaN;
      const fine = Number.isNaN(e)
        ? care.some((c) => c.end === Number.POSITIVE_INFINITY && c.start <= s)
        : care.some((c) => c.start <= e && e <= c.end);
      if (!fine) out.push(r);
    }
  }
  return { DoLo: out };
});

/** 708: a DoLO cannot start on or before the child's date of birth. */
export const rule708 = defineRule("708", ["DoLo"], (ctx) => {
  const start = ctx.days("DoLo", "DOLO_START");
  const dob = ctx.days("DoLo", "DOB");
  return { DoLo: rowsWhere(start.length, (i) => (start[i] ?? Number.NaN) <= (dob[i] ?? Number.NaN)) };
});
