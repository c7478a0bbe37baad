/** Rules on the Strengths and Difficulties Questionnaire (SDQ) score and the reason for none. */
import type { Ssda903Context } from "../../context.ts";
import { defineRule, rowsWhere } from "../../rule.ts";
import { addYears, ageOn } from "../../../validation/day.ts";
import { codeRule, filled } from "./helpers.ts";
import { inTwelveMonthCohort } from "./twelve-months.ts";

/** 196: the reason for no SDQ score, SDQ1–SDQ5. */
export const rule196 = codeRule("196", "OC2", "SDQ_REASON", new Set(["SDQ1", "SDQ2", "SDQ3", "SDQ4", "SDQ5"]), "valid");

const WHOLE_NUMBER = /^\d+(\.0*)?$/;

/** 180: an SDQ score, when given, is a whole number from 0 to 40. */
export const rule180 = defineRule("180", ["OC2"], (ctx) => {
  const score = ctx.values("OC2", "SDQ_SCORE");
  return { OC2: rowsWhere(score.length, (i) => { const v = score[i]; return filled(v) && (!WHOLE_NUMBER.test(v) || Number(v) > 40); }) };
});

/** 197a: a reason for no SDQ score is not wanted when there is a score. */
export const rule197a = defineRule("197a", ["OC2"], (ctx) => {
  const score = ctx.values("OC2", "SDQ_SCORE");
  const reason = ctx.values("OC2", "SDQ_REASON");
  return { OC2: rowsWhere(score.length, (i) => filled(score[i]) && filled(reason[i])) };
});

// Six rules read the same ages.
const agesCache = new WeakMap<Ssda903Context, { readonly atStart: Float64Array; readonly atEnd: Float64Array }>();

/** Each OC2 row's age at the start and at the end of the collection year (by the OC2 DOB). */
function agesOf(ctx: Ssda903Context): { readonly atStart: Float64Array; readonly atEnd: Float64Array } {
  const cached = agesCache.get(ctx);
  if (cached !== undefined) return cached;
  const dob = ctx.days("OC2", "DOB");
  const atStart = new Float64Array(dob.length);
  const atEnd = new Float64Array(dob.length);
  dob.forEach((d, i) => {
    atStart[i] = ageOn(d, ctx.collectionStart);
    atEnd[i] = ageOn(d, ctx.collectionEnd);
  });
  const ages = { atStart, atEnd };
  agesCache.set(ctx, ages);
  return ages;
}

/** 188: a child under 4 at the end of the year has neither an SDQ score nor a reason. */
export const rule188 = defineRule("188", ["OC2"], (ctx) => {
  const { atEnd } = agesOf(ctx);
  const score = ctx.values("OC2", "SDQ_SCORE");
  const reason = ctx.values("OC2", "SDQ_REASON");
  return { OC2: rowsWhere(score.length, (i) => (atEnd[i] ?? Number.NaN) < 4 && (filled(score[i]) || filled(reason[i]))) };
});

/** 189: a child 17 or over at the start of the year has neither an SDQ score nor a reason. */
export const rule189 = defineRule("189", ["OC2"], (ctx) => {
  const { atStart } = agesOf(ctx);
  const score = ctx.values("OC2", "SDQ_SCORE");
  const reason = ctx.values("OC2", "SDQ_REASON");
  return { OC2: rowsWhere(score.length, (i) => (atStart[i] ?? Number.NaN) >= 17 && (filled(score[i]) || filled(reason[i]))) };
});

/** OC2 rows of the OC2 cohort where the test holds, with the row's ages. */
function cohortRowsWhere(ctx: Ssda903Context, test: (row: number, atStart: number, atEnd: number) => boolean): number[] {
  const cohort = inTwelveMonthCohort(ctx);
  const ids = ctx.childIndex("OC2");
  const { atStart, atEnd } = agesOf(ctx);
  return rowsWhere(ids.length, (i) => cohort[ids[i] ?? -1] === 1 && test(i, atStart[i] ?? Number.NaN, atEnd[i] ?? Number.NaN));
}

/**
 * 157: a cohort child aged 4 or over at the start of the year and not yet 16 before its end
 * cannot give SDQ1 (under 4 or over 16) as the reason. The reference's upper bound is the 16th
 * birthday falling on or after 31 March, not the message's "16 or under"; matched.
 */
export const rule157 = defineRule("157", ["Episodes", "OC2"], (ctx) => {
  const reason = ctx.values("OC2", "SDQ_REASON");
  const dob = ctx.days("OC2", "DOB");
  return {
    OC2: cohortRowsWhere(ctx, (i, atStart) => reason[i] === "SDQ1" && atStart >= 4 && addYears(dob[i] ?? Number.NaN, 16) >= ctx.collectionEnd),
  };
});

/** 186: a cohort child aged 4 at the start to 16 at the end of the year needs an SDQ score or a reason for none. */
export const rule186 = defineRule("186", ["Episodes", "OC2"], (ctx) => {
  const score = ctx.values("OC2", "SDQ_SCORE");
  const reason = ctx.values("OC2", "SDQ_REASON");
  return { OC2: cohortRowsWhere(ctx, (i, atStart, atEnd) => atStart >= 4 && atEnd < 17 && !filled(score[i]) && !filled(reason[i])) };
});

/** 197B: a cohort child turning 4 or 17 during the year needs an SDQ score or a reason for none. */
export const rule197B = defineRule("197B", ["Episodes", "OC2"], (ctx) => {
  const score = ctx.values("OC2", "SDQ_SCORE");
  const reason = ctx.values("OC2", "SDQ_REASON");
  const turns = (age: number, atStart: number, atEnd: number): boolean => atStart < age && atEnd >= age;
  return {
    OC2: cohortRowsWhere(ctx, (i, atStart, atEnd) => (turns(4, atStart, atEnd) || turns(17, atStart, atEnd)) && !filled(score[i]) && !filled(reason[i])),
  };
});

/** OC2 rows outside the OC2 cohort where the column is filled. */
function outsideCohortWith(ctx: Ssda903Context, column: string): number[] {
  const cohort = inTwelveMonthCohort(ctx);
  const ids = ctx.childIndex("OC2");
  const values = ctx.values("OC2", column);
  return rowsWhere(ids.length, (i) => cohort[ids[i] ?? -1] !== 1 && filled(values[i]));
}

/** 185: a child outside the OC2 cohort has no SDQ score. */
export const rule185 = defineRule("185", ["Episodes", "OC2"], (ctx) => ({ OC2: outsideCohortWith(ctx, "SDQ_SCORE") }));

/** 198: a child outside the OC2 cohort has no reason for no SDQ score. */
export const rule198 = defineRule("198", ["Episodes", "OC2"], (ctx) => ({ OC2: outsideCohortWith(ctx, "SDQ_REASON") }));
