/** Rules on the CINplanDates module. */
import type { CinContext } from "../context.ts";
import { defineCinRule, rowsWhere, type CinRule } from "../rule.ts";
import { episodePairs, inCensusYear, isTrue, overlappingRows, rowsOfRepeatedGroups } from "./helpers.ts";

/** 4000: no CIN plan under a referral with no further action (the plan and the episode flagged). */
const rule4000 = defineCinRule("4000", ["CINplanDates", "CINdetails"], { CINplanDates: ["CINPlanStartDate"], CINdetails: ["ReferralNFA"] }, (ctx) => {
  const nfa = ctx.values("CINdetails", "ReferralNFA");
  const { rows, cinRows } = episodePairs(ctx, "CINplanDates", (_, c) => isTrue(nfa[c]));
  return { CINplanDates: rows, CINdetails: cinRows };
});

/** 4001: while an episode's protection plan is open (no end date), its CIN plans must have ended (both rows flagged). */
const rule4001 = defineCinRule("4001", ["CINplanDates", "ChildProtectionPlans"], { CINplanDates: ["CINPlanEndDate"], ChildProtectionPlans: ["CPPendDate"] }, (ctx) => {
  const openPlans = new Map<string, number[]>();
  const cppEnd = ctx.values("ChildProtectionPlans", "CPPendDate");
  ctx.keys("ChildProtectionPlans", "LAchildID", "CINdetailsID").forEach((key, i) => {
    if (key === null || cppEnd[i] !== null) return;
    const list = openPlans.get(key);
    if (list === undefined) openPlans.set(key, [i]);
    else list.push(i);
  });
  const cinEnd = ctx.values("CINplanDates", "CINPlanEndDate");
  const plans: number[] = [];
  const cpps = new Set<number>();
  ctx.keys("CINplanDates", "LAchildID", "CINdetailsID").forEach((key, i) => {
    const open = key === null ? undefined : openPlans.get(key);
    if (open !== undefined && cinEnd[i] === null) {
      plans.push(i);
      for (const c of open) cpps.add(c);
    }
  });
  return { CINplanDates: plans, ChildProtectionPlans: cpps };
});

/** 4004: a child can have at most one open CIN plan (no end date); the open ones are flagged. */
const rule4004 = defineCinRule("4004", ["CINplanDates"], { CINplanDates: ["CINPlanEndDate"] }, (ctx) => {
  const end = ctx.values("CINplanDates", "CINPlanEndDate");
  const open = new Map<string, number[]>();
  for (const [child, rows] of ctx.rowsByChild("CINplanDates")) open.set(child, rows.filter((r) => end[r] === null));
  return { CINplanDates: rowsOfRepeatedGroups(open) };
});

/** 4010: a CIN plan must have a start date, not after the census day (it may start before the census year). */
const rule4010 = defineCinRule("4010", ["CINplanDates", "Header"], { CINplanDates: ["CINPlanStartDate"] }, (ctx) => {
  const start = ctx.days("CINplanDates", "CINPlanStartDate");
  return { CINplanDates: rowsWhere(start.length, (i) => { const s = start[i] ?? NaN; return Number.isNaN(s) || s > ctx.collectionEnd; }) };
});

/** 4011: a CIN plan cannot end before it starts. */
const rule4011 = defineCinRule("4011", ["CINplanDates"], { CINplanDates: ["CINPlanEndDate", "CINPlanStartDate"] }, (ctx) => {
  const start = ctx.days("CINplanDates", "CINPlanStartDate");
  const end = ctx.days("CINplanDates", "CINPlanEndDate");
  return { CINplanDates: rowsWhere(start.length, (i) => (end[i] ?? NaN) < (start[i] ?? NaN)) };
});

/** 4012Q: a CIN plan should not start and end on the same day. */
const rule4012Q = defineCinRule("4012Q", ["CINplanDates"], { CINplanDates: ["CINPlanStartDate", "CINPlanEndDate"] }, (ctx) => {
  const start = ctx.days("CINplanDates", "CINPlanStartDate");
  const end = ctx.days("CINplanDates", "CINPlanEndDate");
  return { CINplanDates: rowsWhere(start.length, (i) => end[i] === start[i]) };
});

/** 4013: a CIN plan's end date, where given, must fall in the census year. */
const rule4013 = defineCinRule("4013", ["CINplanDates", "Header"], { CINplanDates: ["CINPlanEndDate"] }, (ctx) => {
  const end = ctx.days("CINplanDates", "CINPlanEndDate");
  return { CINplanDates: rowsWhere(end.length, (i) => { const e = end[i] ?? NaN; return !Number.isNaN(e) && !inCensusYear(ctx, e); }) };
});

/** 4014: a child's CIN plans cannot overlap (one may start the day another ends). */
const rule4014 = defineCinRule("4014", ["CINplanDates"], { CINplanDates: ["CINPlanStartDate", "CINPlanEndDate"] }, (ctx) => ({
  CINplanDates: overlappingRows(ctx.rowsByChild("CINplanDates"), ctx.days("CINplanDates", "CINPlanStartDate"), ctx.days("CINplanDates", "CINPlanEndDate")),
}));

/** 4015: a CIN plan cannot start before its episode's referral date (both rows flagged). */
const rule4015 = defineCinRule("4015", ["CINplanDates", "CINdetails"], { CINplanDates: ["CINPlanStartDate"], CINdetails: ["CINreferralDate"] }, (ctx) => {
  const start = ctx.days("CINplanDates", "CINPlanStartDate");
  const referral = ctx.days("CINdetails", "CINreferralDate");
  const { rows, cinRows } = episodePairs(ctx, "CINplanDates", (p, c) => (start[p] ?? NaN) < (referral[c] ?? NaN));
  return { CINplanDates: rows, CINdetails: cinRows };
});

/**
 * Rows of `inner` whose start day falls within a period [start, end) of one of the child's
 * `outer` rows (a blank end is still open), and those outer rows.
 */
function startsWithin(ctx: CinContext, inner: "CINplanDates" | "ChildProtectionPlans", innerStart: string, outer: "CINplanDates" | "ChildProtectionPlans", outerStart: string, outerEnd: string): { inner: number[]; outer: Set<number> } {
  const periods = ctx.rowsByChild(outer);
  const oStart = ctx.days(outer, outerStart);
  const oEnd = ctx.days(outer, outerEnd);
  const iStart = ctx.days(inner, innerStart);
  const innerRows: number[] = [];
  const outerRows = new Set<number>();
  ctx.values(inner, "LAchildID").forEach((child, i) => {
    const day = iStart[i] ?? NaN;
    if (child === null || Number.isNaN(day)) return;
    let hit = false;
    for (const o of periods.get(child) ?? []) {
      const end = oEnd[o] ?? NaN;
      if ((oStart[o] ?? NaN) <= day && (Number.isNaN(end) || day < end)) {
        hit = true;
        outerRows.add(o);
      }
    }
    if (hit) innerRows.push(i);
  });
  return { inner: innerRows, outer: outerRows };
}

/** 4016: a CIN plan cannot start while one of the child's protection plans is open (it may start the day one ends). */
const rule4016 = defineCinRule("4016", ["CINplanDates", "ChildProtectionPlans"], { CINplanDates: ["CINPlanStartDate"], ChildProtectionPlans: ["CPPstartDate", "CPPendDate"] }, (ctx) => {
  const found = startsWithin(ctx, "CINplanDates", "CINPlanStartDate", "ChildProtectionPlans", "CPPstartDate", "CPPendDate");
  return { CINplanDates: found.inner, ChildProtectionPlans: found.outer };
});

/** 4017: a protection plan cannot start while one of the child's CIN plans is open (it may start the day one ends). */
const rule4017 = defineCinRule("4017", ["CINplanDates", "ChildProtectionPlans"], { CINplanDates: ["CINPlanStartDate", "CINPlanEndDate"], ChildProtectionPlans: ["CPPstartDate"] }, (ctx) => {
  const found = startsWithin(ctx, "ChildProtectionPlans", "CPPstartDate", "CINplanDates", "CINPlanStartDate", "CINPlanEndDate");
  return { CINplanDates: found.outer, ChildProtectionPlans: found.inner };
});

/** The CINplanDates rules. */
export const CIN_PLAN_RULES: readonly CinRule[] = [rule4000, rule4001, rule4004, rule4010, rule4011, rule4012Q, rule4013, rule4014, rule4015, rule4016, rule4017];

