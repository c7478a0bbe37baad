/** Rules on protection plans' dates and categories, and their reviews. */
import type { CinContext } from "../context.ts";
import { defineCinRule, rowsWhere, type CinRule } from "../rule.ts";
import { childPairs, inCensusYear, overlappingRows } from "./helpers.ts";

const ABUSE_CATEGORIES = new Set(["NEG", "PHY", "SAB", "EMO", "MUL"]);

/** 8840: a plan cannot start and end on the same day. */
const rule8840 = defineCinRule("8840", ["ChildProtectionPlans"], { ChildProtectionPlans: ["CPPstartDate", "CPPendDate"] }, (ctx) => {
  const start = ctx.days("ChildProtectionPlans", "CPPstartDate");
  const end = ctx.days("ChildProtectionPlans", "CPPendDate");
  return { ChildProtectionPlans: rowsWhere(start.length, (i) => start[i] === end[i]) };
});

/** 8841: a review must be after its plan's start day (joined on LAchildID and CPPID; both rows flagged). */
const rule8841 = defineCinRule("8841", ["ChildProtectionPlans", "Reviews"], { ChildProtectionPlans: ["CPPstartDate"], Reviews: ["CPPreviewDate"] }, (ctx) => {
  const plans = ctx.groupBy("ChildProtectionPlans", "LAchildID", "CPPID");
  const start = ctx.days("ChildProtectionPlans", "CPPstartDate");
  const review = ctx.days("Reviews", "CPPreviewDate");
  const reviews: number[] = [];
  const planRows = new Set<number>();
  ctx.keys("Reviews", "LAchildID", "CPPID").forEach((key, r) => {
    let hit = false;
    for (const p of key === null ? [] : (plans.get(key) ?? [])) {
      if ((review[r] ?? NaN) <= (start[p] ?? NaN)) {
        hit = true;
        planRows.add(p);
      }
    }
    if (hit) reviews.push(r);
  });
  return { Reviews: reviews, ChildProtectionPlans: planRows };
});

const categoryRule = (code: string, column: string): CinRule =>
  defineCinRule(code, ["ChildProtectionPlans"], { ChildProtectionPlans: [column] }, (ctx) => {
    const category = ctx.values("ChildProtectionPlans", column);
    return { ChildProtectionPlans: rowsWhere(category.length, (i) => !ABUSE_CATEGORIES.has(category[i] ?? "")) };
  });

/** 8905: the initial category of abuse must be given and be NEG, PHY, SAB, EMO or MUL. */
const rule8905 = categoryRule("8905", "InitialCategoryOfAbuse");

/** 8910: the latest category of abuse must be given and be NEG, PHY, SAB, EMO or MUL. */
const rule8910 = categoryRule("8910", "LatestCategoryOfAbuse");

/** Plans whose `column` day is after the child's death, and those children. */
function afterDeath(ctx: CinContext, column: string): { ChildProtectionPlans: number[]; ChildIdentifiers: number[] } {
  const death = ctx.days("ChildIdentifiers", "PersonDeathDate");
  const day = ctx.days("ChildProtectionPlans", column);
  const { rows, childRows } = childPairs(ctx, "ChildProtectionPlans", (p, c) => (day[p] ?? NaN) > (death[c] ?? NaN));
  return { ChildProtectionPlans: rows, ChildIdentifiers: childRows };
}

/** 8915: a plan cannot start after the child's death (both rows flagged). */
const rule8915 = defineCinRule("8915", ["ChildProtectionPlans", "ChildIdentifiers"], { ChildProtectionPlans: ["CPPstartDate"], ChildIdentifiers: ["PersonDeathDate"] }, (ctx) => afterDeath(ctx, "CPPstartDate"));

/** 8920: a plan cannot end after the child's death (both rows flagged). */
const rule8920 = defineCinRule("8920", ["ChildProtectionPlans", "ChildIdentifiers"], { ChildProtectionPlans: ["CPPendDate"], ChildIdentifiers: ["PersonDeathDate"] }, (ctx) => afterDeath(ctx, "CPPendDate"));

/** 8925: a plan cannot end before it starts. */
const rule8925 = defineCinRule("8925", ["ChildProtectionPlans"], { ChildProtectionPlans: ["CPPstartDate", "CPPendDate"] }, (ctx) => {
  const start = ctx.days("ChildProtectionPlans", "CPPstartDate");
  const end = ctx.days("ChildProtectionPlans", "CPPendDate");
  return { ChildProtectionPlans: rowsWhere(start.length, (i) => (end[i] ?? NaN) < (start[i] ?? NaN)) };
});

/** 8930: a plan's end date, where given, must fall in the census year. */
const rule8930 = defineCinRule("8930", ["ChildProtectionPlans", "Header"], { ChildProtectionPlans: ["CPPendDate"] }, (ctx) => {
  const end = ctx.days("ChildProtectionPlans", "CPPendDate");
  return { ChildProtectionPlans: rowsWhere(end.length, (i) => { const d = end[i] ?? NaN; return !Number.isNaN(d) && !inCensusYear(ctx, d); }) };
});

/** 8935: a child can have at most one open plan (no end date); the open ones are flagged. */
const rule8935 = defineCinRule("8935", ["ChildProtectionPlans"], { ChildProtectionPlans: ["CPPendDate"] }, (ctx) => {
  const end = ctx.values("ChildProtectionPlans", "CPPendDate");
  const out: number[] = [];
  for (const rows of ctx.rowsByChild("ChildProtectionPlans").values()) {
    const open = rows.filter((r) => end[r] === null);
    if (open.length > 1) out.push(...open);
  }
  return { ChildProtectionPlans: out };
});

/** 8940: a child's plans cannot overlap (one may start the day another ends; an open plan runs on). */
const rule8940 = defineCinRule("8940", ["ChildProtectionPlans"], { ChildProtectionPlans: ["CPPstartDate", "CPPendDate"] }, (ctx) => ({
  ChildProtectionPlans: overlappingRows(ctx.rowsByChild("ChildProtectionPlans"), ctx.days("ChildProtectionPlans", "CPPstartDate"), ctx.days("ChildProtectionPlans", "CPPendDate")),
}));

/** The protection plan date, category and review rules. */
export const CHILD_PROTECTION_PLAN_DATE_RULES: readonly CinRule[] = [rule8840, rule8841, rule8905, rule8910, rule8915, rule8920, rule8925, rule8930, rule8935, rule8940];
