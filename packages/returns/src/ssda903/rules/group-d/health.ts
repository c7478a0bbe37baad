/** Rules on the OC2 conviction and health fields by age and time in care (542–547). */
import { ageOn } from "../../../validation/day.ts";
import type { Ssda903Context } from "../../context.ts";
import { defineRule, rowsWhere } from "../../rule.ts";
import { blank } from "./shared.ts";

const HEALTH_FIELDS = ["IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE"] as const;
/** Legal statuses of short breaks, which do not count towards being looked after continuously. */
const SHORT_BREAKS = new Set(["V3", "V4"]);

/** Ages at 31 March (the collection end) of the OC2 rows. */
function agesAtYearEnd(ctx: Ssda903Context): number[] {
  const dob = ctx.days("OC2", "DOB");
  return Array.from(dob, (d) => ageOn(d, ctx.collectionEnd));
}

/** The 12-month cohort of each validation (three rules read it). */
const cohortCache = new WeakMap<Ssda903Context, ReadonlySet<string>>();

/**
 * Children looked after continuously for 12 months at 31 March, as the reference counts them
 * (fitted to its fixture findings): in care on 1 April (an episode started by then), no episode
 * ceasing care (REC other than X1) from 1 April to 30 March, no new period (RNE S) started after
 * 1 April, and no short breaks (V3/V4) at all. An episode merely ending X1 before 31 March counts.
 */
function lookedAfterTwelveMonths(ctx: Ssda903Context): ReadonlySet<string> {
  const cached = cohortCache.get(ctx);
  if (cached !== undefined) return cached;
  const ls = ctx.values("Episodes", "LS");
  const rne = ctx.values("Episodes", "RNE");
  const rec = ctx.values("Episodes", "REC");
  const decom = ctx.days("Episodes", "DECOM");
  const dec = ctx.days("Episodes", "DEC");
  const start = ctx.collectionStart;
  const end = ctx.collectionEnd;
  const out = new Set<string>();
  for (const [child, rows] of ctx.rowsByChild("Episodes")) {
    if (rows.some((r) => SHORT_BREAKS.has(ls[r] ?? ""))) continue;
    if (!rows.some((r) => (decom[r] ?? Number.NaN) <= start)) continue;
    const left = rows.some((r) => rec[r] !== null && rec[r] !== "X1" && (dec[r] ?? Number.NaN) >= start && (dec[r] ?? Number.NaN) < end);
    const restarted = rows.some((r) => rne[r] === "S" && (decom[r] ?? Number.NaN) > start && (decom[r] ?? Number.NaN) <= end);
    if (!left && !restarted) out.add(child);
  }
  cohortCache.set(ctx, out);
  return out;
}

/** 542: a child under 10 at 31 March has no conviction information. */
export const rule542 = defineRule("542", ["OC2"], (ctx) => {
  const ages = agesAtYearEnd(ctx);
  const convicted = ctx.values("OC2", "CONVICTED");
  return { OC2: rowsWhere(ages.length, (i) => (ages[i] ?? Number.NaN) < 10 && !blank(convicted[i])) };
});

/** 543: a child of 10 or over looked after for 12 months must have conviction information. */
export const rule543 = defineRule("543", ["OC2", "Episodes"], (ctx) => {
  const ages = agesAtYearEnd(ctx);
  const convicted = ctx.values("OC2", "CONVICTED");
  const children = ctx.values("OC2", "CHILD");
  const cohort = lookedAfterTwelveMonths(ctx);
  return { OC2: rowsWhere(ages.length, (i) => (ages[i] ?? Number.NaN) >= 10 && blank(convicted[i]) && cohort.has(children[i] ?? "")) };
});

/** Rows where `field` is "1" (or merely filled, when `filled`) but one of the four health fields is blank. */
function healthIncomplete(ctx: Ssda903Context, field: string, filled: boolean): number[] {
  const trigger = ctx.values("OC2", field);
  const health = HEALTH_FIELDS.map((c) => ctx.values("OC2", c));
  return rowsWhere(trigger.length, (i) => (filled ? !blank(trigger[i]) : trigger[i] === "1") && health.some((column) => blank(column[i])));
}

/** 544: conviction information completed means the four health fields are completed too. */
export const rule544 = defineRule("544", ["OC2"], (ctx) => ({ OC2: healthIncomplete(ctx, "CONVICTED", true) }));

/** 545: a child under 5 looked after for 12 months must have health promotion information. */
export const rule545 = defineRule("545", ["OC2", "Episodes"], (ctx) => {
  const ages = agesAtYearEnd(ctx);
  const check = ctx.values("OC2", "HEALTH_CHECK");
  const children = ctx.values("OC2", "CHILD");
  const cohort = lookedAfterTwelveMonths(ctx);
  return { OC2: rowsWhere(ages.length, (i) => (ages[i] ?? Number.NaN) < 5 && blank(check[i]) && cohort.has(children[i] ?? "")) };
});

/** 546: a child of 5 or over at 31 March has no health promotion information. */
export const rule546 = defineRule("546", ["OC2", "Episodes"], (ctx) => {
  const ages = agesAtYearEnd(ctx);
  const check = ctx.values("OC2", "HEALTH_CHECK");
  const children = ctx.values("OC2", "CHILD");
  const cohort = lookedAfterTwelveMonths(ctx);
  return { OC2: rowsWhere(ages.length, (i) => (ages[i] ?? Number.NaN) >= 5 && !blank(check[i]) && cohort.has(children[i] ?? "")) };
});

/** 547: a health check recorded as done (1) means the four health fields are completed; 0 asks nothing (example row 5). */
export const rule547 = defineRule("547", ["OC2"], (ctx) => ({ OC2: healthIncomplete(ctx, "HEALTH_CHECK", false) }));
