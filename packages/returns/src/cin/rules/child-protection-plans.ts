/** Rules on the ChildProtectionPlans module. */
import type { CinContext } from "../context.ts";
import { defineCinRule, rowsWhere, type CinRule } from "../rule.ts";
import { episodePairs, inCensusYear, isTrue } from "./helpers.ts";

/** 1105: a plan cannot start before its episode's referral date (both rows flagged). */
const rule1105 = defineCinRule("1105", ["ChildProtectionPlans", "CINdetails"], { ChildProtectionPlans: ["CPPstartDate"], CINdetails: ["CINreferralDate"] }, (ctx) => {
  const start = ctx.days("ChildProtectionPlans", "CPPstartDate");
  const referral = ctx.days("CINdetails", "CINreferralDate");
  const { rows, cinRows } = episodePairs(ctx, "ChildProtectionPlans", (p, c) => (start[p] ?? NaN) < (referral[c] ?? NaN));
  return { ChildProtectionPlans: rows, CINdetails: cinRows };
});

/** Initial conference days held in the census year, per child, from Section 47 enquiries and CIN episodes. */
function conferencesInYear(ctx: CinContext): Map<string, number> {
  const counts = new Map<string, number>();
  for (const table of ["Section47", "CINdetails"] as const) {
    const days = ctx.days(table, "DateOfInitialCPC");
    ctx.values(table, "LAchildID").forEach((child, i) => {
      if (child !== null && inCensusYear(ctx, days[i] ?? NaN)) counts.set(child, (counts.get(child) ?? 0) + 1);
    });
  }
  return counts;
}

/** 2883: a child cannot have more plans starting in the census year than initial conferences held in it (the plans are flagged). */
const rule2883 = defineCinRule("2883", ["ChildProtectionPlans", "Header"], { ChildProtectionPlans: ["CPPstartDate"] }, (ctx) => {
  const conferences = conferencesInYear(ctx);
  const start = ctx.days("ChildProtectionPlans", "CPPstartDate");
  const out: number[] = [];
  for (const [child, rows] of ctx.rowsByChild("ChildProtectionPlans")) {
    const starting = rows.filter((r) => inCensusYear(ctx, start[r] ?? NaN));
    if (starting.length > (conferences.get(child) ?? 0)) out.push(...starting);
  }
  return { ChildProtectionPlans: out };
});

/**
 * 2885: a plan starting in the census year must start on the day of an initial conference of its
 * episode (on a Section 47 enquiry or the CIN episode itself); a plan with no conference at all
 * is flagged too.
 */
const rule2885 = defineCinRule("2885", ["ChildProtectionPlans", "Header"], { ChildProtectionPlans: ["CPPstartDate"] }, (ctx) => {
  const conferences = new Set<string>();
  for (const table of ["Section47", "CINdetails"] as const) {
    const days = ctx.days(table, "DateOfInitialCPC");
    ctx.keys(table, "LAchildID", "CINdetailsID").forEach((key, i) => {
      const day = days[i] ?? NaN;
      if (key !== null && !Number.isNaN(day)) conferences.add(`${key}|${String(day)}`);
    });
  }
  const start = ctx.days("ChildProtectionPlans", "CPPstartDate");
  const keys = ctx.keys("ChildProtectionPlans", "LAchildID", "CINdetailsID");
  const out: number[] = [];
  keys.forEach((key, i) => {
    const day = start[i] ?? NaN;
    if (key !== null && inCensusYear(ctx, day) && !conferences.has(`${key}|${String(day)}`)) out.push(i);
  });
  return { ChildProtectionPlans: out };
});

/** 8720: a plan must have a start date, not after the census day (it may start before the census year); rows without a CPPID are no plan. */
const rule8720 = defineCinRule("8720", ["ChildProtectionPlans", "Header"], { ChildProtectionPlans: ["CPPstartDate"] }, (ctx) => {
  const start = ctx.days("ChildProtectionPlans", "CPPstartDate");
  const id = ctx.values("ChildProtectionPlans", "CPPID");
  const numbered = ctx.hasColumn("ChildProtectionPlans", "CPPID");
  return {
    ChildProtectionPlans: rowsWhere(start.length, (i) => {
      const s = start[i] ?? NaN;
      return (!numbered || id[i] !== null) && (Number.isNaN(s) || s > ctx.collectionEnd);
    }),
  };
});

/** 8730: the number of previous protection plans must be given, as a whole number of at least 0. */
const rule8730 = defineCinRule("8730", ["ChildProtectionPlans"], { ChildProtectionPlans: ["NumberOfPreviousCPP"] }, (ctx) => {
  const previous = ctx.values("ChildProtectionPlans", "NumberOfPreviousCPP");
  return { ChildProtectionPlans: rowsWhere(previous.length, (i) => !/^\d+$/.test(previous[i] ?? "")) };
});

/** 8832: no protection plan under a referral with no further action (the plan and the episode flagged). */
const rule8832 = defineCinRule("8832", ["ChildProtectionPlans", "CINdetails"], { ChildProtectionPlans: ["CINdetailsID"], CINdetails: ["ReferralNFA"] }, (ctx) => {
  const nfa = ctx.values("CINdetails", "ReferralNFA");
  const { rows, cinRows } = episodePairs(ctx, "ChildProtectionPlans", (_, c) => isTrue(nfa[c]));
  return { ChildProtectionPlans: rows, CINdetails: cinRows };
});

/** The ChildProtectionPlans rules. */
export const CHILD_PROTECTION_PLAN_RULES: readonly CinRule[] = [rule1105, rule2883, rule2885, rule8720, rule8730, rule8832];
