/** Rules on how long short legal statuses (police protection, EPO, CAO, PACE, respite) may last. */
import type { Ssda903Context } from "../../context.ts";
import { defineRule, rowsWhere, type Ssda903Rule } from "../../rule.ts";
import { endOrCollectionEnd, episodesByChild, episodesInStartOrder } from "./episode-views.ts";

/**
 * Rows of runs of one legal status lasting more than `maxDays`. A run is consecutive episodes of
 * the child under that status, each starting the day the one before ended (or, unchained, a
 * single episode); an open episode runs to the collection end.
 */
function longRuns(ctx: Ssda903Context, status: string, maxDays: number, chained: boolean): number[] {
  const ls = ctx.values("Episodes", "LS");
  const decom = ctx.days("Episodes", "DECOM");
  const dec = ctx.days("Episodes", "DEC");
  const { children, start, rows } = episodesInStartOrder(ctx);
  const run: Run = { out: [], rows, decom, dec, collectionEnd: ctx.collectionEnd, maxDays };
  for (const c of children) {
    const to = start[c + 1] ?? 0;
    // A run is a stretch rows[first..last] of the child's ordered episodes (-1: no run open).
    let first = -1;
    let last = -1;
    for (let k = start[c] ?? 0; k < to; k++) {
      const r = rows[k] ?? -1;
      if (ls[r] !== status || Number.isNaN(decom[r] ?? Number.NaN)) {
        if (first >= 0) closeRun(run, first, last);
        first = -1;
        continue;
      }
      if (first >= 0 && (!chained || dec[rows[last] ?? -1] !== decom[r])) {
        closeRun(run, first, last);
        first = -1;
      }
      if (first < 0) first = k;
      last = k;
    }
    if (first >= 0) closeRun(run, first, last);
  }
  return run.out;
}

/** What closing a run needs (passed whole, so no closure is made per child). */
interface Run {
  readonly out: number[];
  readonly rows: Int32Array;
  readonly decom: Float64Array;
  readonly dec: Float64Array;
  readonly collectionEnd: number;
  readonly maxDays: number;
}

/** Flags the run rows[first..last] when it lasted more than the limit. */
function closeRun(run: Run, first: number, last: number): void {
  const { rows, decom, dec } = run;
  const days = endOrCollectionEnd(dec[rows[last] ?? -1] ?? Number.NaN, run.collectionEnd) - (decom[rows[first] ?? -1] ?? Number.NaN);
  if (days > run.maxDays) for (let k = first; k <= last; k++) run.out.push(rows[k] ?? -1);
}

function durationRule(code: string, status: string, maxDays: number, chained = true): Ssda903Rule {
  return defineRule(code, ["Episodes"], (ctx) => ({ Episodes: longRuns(ctx, status, maxDays, chained) }));
}

/** 361: police protection (L1) lasted longer than 72 hours. */
export const rule361 = durationRule("361", "L1", 3);
/** 362: an emergency protection order (L2) lasted longer than 21 days. */
export const rule362 = durationRule("362", "L2", 21);
/** 363: a child assessment order (L3) lasted longer than 7 days. */
export const rule363 = durationRule("363", "L3", 7);
/** 364: PACE detention in LA accommodation (J2) lasted longer than 21 days. */
export const rule364 = durationRule("364", "J2", 21);
/** 365: an individual short-term respite episode (V3) lasted longer than 17 days; episodes are not joined. */
export const rule365 = durationRule("365", "V3", 17, false);

/** 366: a short-term respite episode (V3) that does not start a new period of care. */
export const rule366 = defineRule("366", ["Episodes"], (ctx) => {
  const ls = ctx.values("Episodes", "LS");
  const rne = ctx.values("Episodes", "RNE");
  return { Episodes: rowsWhere(ls.length, (i) => ls[i] === "V3" && rne[i] !== "S") };
});

/**
 * 367: more than 75 days of short-term respite (V3) in the collection year. Days are counted
 * within the year, an open episode running to its end; a child over the limit has every V3
 * episode with days in the year flagged (one ending before it starts, or starting on the last
 * day of the year, has none).
 */
export const rule367 = defineRule("367", ["Episodes"], (ctx) => {
  const ls = ctx.values("Episodes", "LS");
  const decom = ctx.days("Episodes", "DECOM");
  const dec = ctx.days("Episodes", "DEC");
  const start = ctx.collectionStart;
  const end = ctx.collectionEnd;
  const { children, start: first, rows } = episodesByChild(ctx);
  const out: number[] = [];
  const inYear: number[] = [];
  for (const c of children) {
    inYear.length = 0;
    let total = 0;
    const to = first[c + 1] ?? 0;
    for (let k = first[c] ?? 0; k < to; k++) {
      const r = rows[k] ?? -1;
      if (ls[r] !== "V3") continue;
      const from = decom[r] ?? Number.NaN;
      const days = Math.min(endOrCollectionEnd(dec[r] ?? Number.NaN, end), end) - Math.max(from, start);
      if (!(days > 0)) continue;
      inYear.push(r);
      total += days;
    }
    if (total > 75) for (const r of inYear) out.push(r);
  }
  return { Episodes: out };
});

/** All the rules of this file. */
export const LEGAL_STATUS_DURATION_RULES: readonly Ssda903Rule[] = [rule361, rule362, rule363, rule364, rule365, rule366, rule367];
