/** Rules on the factors identified at assessment. */
import { defineCinRule, type CinRule } from "../rule.ts";
import { assessmentKeys, factorCodes, groupKeys } from "./helpers.ts";

/** 8869: factor 21 (no factors identified) cannot be used with other factors in one assessment; the rows with the other factors are flagged. */
const rule8869 = defineCinRule("8869", ["Assessments"], { Assessments: ["AssessmentFactors"] }, (ctx) => {
  const factors = ctx.values("Assessments", "AssessmentFactors");
  // Only assessments using factor 21 need grouping; most never do.
  const keys = assessmentKeys(ctx);
  const withNone = new Set<string>();
  factors.forEach((f, i) => {
    const key = keys[i] ?? null;
    if (key !== null && f?.includes("21") === true && factorCodes(f).includes("21")) withNone.add(key);
  });
  const out: number[] = [];
  if (withNone.size === 0) return { Assessments: out };
  factors.forEach((f, i) => {
    const key = keys[i] ?? null;
    if (key !== null && withNone.has(key) && factorCodes(f).some((c) => c !== "21")) out.push(i);
  });
  return { Assessments: out };
});

/** 8898: an assessment cannot give the same factor twice (the rows holding a repeated factor are flagged). */
const rule8898 = defineCinRule("8898", ["Assessments"], { Assessments: ["AssessmentFactors"] }, (ctx) => {
  const factors = ctx.values("Assessments", "AssessmentFactors");
  const out: number[] = [];
  for (const rows of groupKeys(assessmentKeys(ctx)).values()) {
    const count = new Map<string, number>();
    for (const r of rows) for (const c of factorCodes(factors[r])) count.set(c, (count.get(c) ?? 0) + 1);
    for (const r of rows) if (factorCodes(factors[r]).some((c) => (count.get(c) ?? 0) > 1)) out.push(r);
  }
  return { Assessments: out };
});

/** The assessment factor rules. */
export const ASSESSMENT_FACTOR_RULES: readonly CinRule[] = [rule8869, rule8898];
