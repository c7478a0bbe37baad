/** Rules on the Assessments module. */
import { defineCinRule, rowsWhere, type CinRule } from "../rule.ts";
import { episodePairs, inCensusYear } from "./helpers.ts";

/** 1103: an assessment cannot start before its episode's referral date (both rows flagged). */
const rule1103 = defineCinRule("1103", ["Assessments", "CINdetails"], { Assessments: ["AssessmentActualStartDate"], CINdetails: ["CINreferralDate"] }, (ctx) => {
  const start = ctx.days("Assessments", "AssessmentActualStartDate");
  const referral = ctx.days("CINdetails", "CINreferralDate");
  const { rows, cinRows } = episodePairs(ctx, "Assessments", (a, c) => (start[a] ?? NaN) < (referral[c] ?? NaN));
  return { Assessments: rows, CINdetails: cinRows };
});

/** 8608: an assessment cannot start after it was authorised. */
const rule8608 = defineCinRule("8608", ["Assessments"], { Assessments: ["AssessmentActualStartDate", "AssessmentAuthorisationDate"] }, (ctx) => {
  const start = ctx.days("Assessments", "AssessmentActualStartDate");
  const end = ctx.days("Assessments", "AssessmentAuthorisationDate");
  return { Assessments: rowsWhere(start.length, (i) => (start[i] ?? NaN) > (end[i] ?? NaN)) };
});

/** 8614: factors may be given only for a completed (authorised) assessment. */
const rule8614 = defineCinRule("8614", ["Assessments"], { Assessments: ["AssessmentAuthorisationDate", "AssessmentFactors"] }, (ctx) => {
  const factors = ctx.values("Assessments", "AssessmentFactors");
  const end = ctx.values("Assessments", "AssessmentAuthorisationDate");
  return { Assessments: rowsWhere(factors.length, (i) => factors[i] !== null && end[i] === null) };
});

/** 8696: an assessment's authorisation (end) date, where given, must fall in the census year. */
const rule8696 = defineCinRule("8696", ["Assessments", "Header"], { Assessments: ["AssessmentAuthorisationDate"] }, (ctx) => {
  const end = ctx.days("Assessments", "AssessmentAuthorisationDate");
  return { Assessments: rowsWhere(end.length, (i) => { const d = end[i] ?? NaN; return !Number.isNaN(d) && !inCensusYear(ctx, d); }) };
});

/** 8736: an assessment not yet authorised must have started in the census year (a blank start is left to other rules). */
const rule8736 = defineCinRule("8736", ["Assessments", "Header"], { Assessments: ["AssessmentActualStartDate"] }, (ctx) => {
  const start = ctx.days("Assessments", "AssessmentActualStartDate");
  const end = ctx.values("Assessments", "AssessmentAuthorisationDate");
  return { Assessments: rowsWhere(start.length, (i) => { const s = start[i] ?? NaN; return end[i] === null && !Number.isNaN(s) && !inCensusYear(ctx, s); }) };
});

/** 8896: a CIN episode can have at most one open (not authorised) assessment; the open ones are flagged. */
const rule8896 = defineCinRule("8896", ["Assessments"], { Assessments: ["AssessmentAuthorisationDate"] }, (ctx) => {
  const end = ctx.values("Assessments", "AssessmentAuthorisationDate");
  // The reader's rows are factors of an assessment (one AssessmentID); without IDs each row is one assessment.
  const ids = ctx.hasColumn("Assessments", "AssessmentID") ? ctx.values("Assessments", "AssessmentID") : null;
  const out: number[] = [];
  for (const rows of ctx.rowsByEpisode("Assessments").values()) {
    const open = rows.filter((r) => end[r] === null);
    if (new Set(open.map((r) => ids?.[r] ?? String(r))).size > 1) out.push(...open);
  }
  return { Assessments: out };
});

/** The Assessments rules. */
export const ASSESSMENT_RULES: readonly CinRule[] = [rule1103, rule8608, rule8614, rule8696, rule8736, rule8896];
