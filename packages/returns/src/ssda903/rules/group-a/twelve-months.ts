/**
 * Who is in the OC2 cohort: children looked after continuously for at least 12 months at 31 March,
 * as the reference determines it, and the rules that follow from it (SDQ rules aside).
 */
import type { Ssda903Context } from "../../context.ts";
import { defineRule, rowsWhere } from "../../rule.ts";
import { AD1_ITEMS } from "./adoption.ts";
import { anyFilled, columnsOf, filled, SHORT_BREAK_LS } from "./helpers.ts";
import { OC2_ITEMS } from "../../../ssda903-tables.ts";
import { OC2_REQUIRED } from "./health.ts";

const cohorts = new WeakMap<Ssda903Context, ReadonlySet<string>>();

/**
 * Children looked after for 12 months at the collection end. A child's episodes (by start date)
 * form periods of care; a period breaks where an episode does not start the day the previous
 * one ended, where the previous one ended other than X1, or where the next starts care (RNE S).
 * The child is in the cohort when the last period started by 1 April, is still open at 31 March
 * (no end date, or an end with X1), and holds no short break (V3/V4). Where episodes overlap the
 * period counts from the earlier episode's end. Matches the reference on the shared fixture.
 */
export function lookedAfterTwelveMonths(ctx: Ssda903Context): ReadonlySet<string> {
  const cached = cohorts.get(ctx);
  if (cached !== undefined) return cached;
  const decom = ctx.days("Episodes", "DECOM");
  const dec = ctx.days("Episodes", "DEC");
  const rec = ctx.values("Episodes", "REC");
  const rne = ctx.values("Episodes", "RNE");
  const ls = ctx.values("Episodes", "LS");
  const day = (days: Float64Array, row: number): number => days[row] ?? Number.NaN;
  const out = new Set<string>();
  for (const [child, rows] of ctx.rowsByChild("Episodes")) {
    const sorted = datedInOrder(rows, decom);
    const lastRow = sorted.at(-1);
    if (lastRow === undefined) continue;
    let first = 0;
    let start = day(decom, sorted[0] ?? lastRow);
    for (let k = 1; k < sorted.length; k++) {
      const prev = sorted[k - 1] ?? lastRow;
      const cur = sorted[k] ?? lastRow;
      if (day(dec, prev) === day(decom, cur) && rec[prev] === "X1" && rne[cur] !== "S") continue;
      first = k;
      start = Math.max(day(decom, cur), Number.isNaN(day(dec, prev)) ? day(decom, cur) : day(dec, prev));
    }
    const lastEnd = day(dec, lastRow);
    const open = Number.isNaN(lastEnd) || rec[lastRow] === "X1";
    const shortBreak = sorted.slice(first).some((r) => SHORT_BREAK_LS.has(ls[r] ?? ""));
    if (start <= ctx.collectionStart && (open || lastEnd >= ctx.collectionEnd) && !shortBreak) out.add(child);
  }
  cohorts.set(ctx, out);
  return out;
}

const cohortFlags = new WeakMap<Ssda903Context, Uint8Array>();

/** The 12-month cohort as flags by child number (ctx.childIndex), for rules that test many rows. */
export function inTwelveMonthCohort(ctx: Ssda903Context): Uint8Array {
  let flags = cohortFlags.get(ctx);
  if (flags === undefined) {
    const cohort = lookedAfterTwelveMonths(ctx);
    const ids = ctx.childIndex("Episodes");
    flags = new Uint8Array(ctx.childCount);
    for (const [child, rows] of ctx.rowsByChild("Episodes")) if (cohort.has(child)) flags[ids[rows[0] ?? 0] ?? 0] = 1;
    cohortFlags.set(ctx, flags);
  }
  return flags;
}

/** The rows with a start date, stably sorted by it (most children's rows are in order already: no sort then). */
function datedInOrder(rows: readonly number[], decom: Float64Array): number[] {
  const dated = rows.filter((r) => !Number.isNaN(decom[r] ?? Number.NaN));
  for (let i = 1; i < dated.length; i++) {
    if ((decom[dated[i - 1] ?? 0] ?? 0) > (decom[dated[i] ?? 0] ?? 0)) return dated.sort((a, b) => (decom[a] ?? 0) - (decom[b] ?? 0));
  }
  return dated;
}

/** 187: a child in the OC2 cohort cannot have care-leaver (OC3) or adoption (AD1) data. */
export const rule187 = defineRule("187", ["Episodes", "OC3", "AD1"], (ctx) => {
  const cohort = inTwelveMonthCohort(ctx);
  const flagged = (table: "OC3" | "AD1", items: readonly string[]): number[] => {
    const ids = ctx.childIndex(table);
    const columns = columnsOf(ctx, table, items);
    return rowsWhere(ids.length, (i) => cohort[ids[i] ?? -1] === 1 && anyFilled(columns, i));
  };
  return { OC3: flagged("OC3", ["IN_TOUCH", "ACTIV", "ACCOM"]), AD1: flagged("AD1", AD1_ITEMS) };
});

/** 190: a child outside the OC2 cohort has no OC2 items. */
export const rule190 = defineRule("190", ["Episodes", "OC2"], (ctx) => {
  const cohort = inTwelveMonthCohort(ctx);
  const ids = ctx.childIndex("OC2");
  const items = columnsOf(ctx, "OC2", OC2_ITEMS);
  return { OC2: rowsWhere(ids.length, (i) => cohort[ids[i] ?? -1] !== 1 && anyFilled(items, i)) };
});

/**
 * 191: a child in the OC2 cohort needs immunisations, teeth, health assessment and substance
 * misuse; a cohort child with no OC2 row at all has its episodes flagged, as the reference does.
 */
export const rule191 = defineRule("191", ["Episodes", "OC2"], (ctx) => {
  const cohort = inTwelveMonthCohort(ctx);
  const ids = ctx.childIndex("OC2");
  const required = columnsOf(ctx, "OC2", OC2_REQUIRED);
  const oc2 = rowsWhere(ids.length, (i) => cohort[ids[i] ?? -1] === 1 && required.some((c) => !filled(c[i])));
  const withOc2 = ctx.childPresent("OC2");
  const episodes = ctx.childIndex("Episodes");
  return { OC2: oc2, Episodes: rowsWhere(episodes.length, (i) => { const c = episodes[i] ?? -1; return c >= 0 && cohort[c] === 1 && withOc2[c] === 0; }) };
});
