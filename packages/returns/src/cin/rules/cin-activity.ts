/** Rules comparing a CIN episode with what happened under it or to the child (activity, closure, dates). */
import type { CinTableName } from "../cin-table.ts";
import { defineCinRule, type CinRule } from "../rule.ts";
import { childPairs, episodePairs, isTrue } from "./helpers.ts";

/** Closure reasons for a case closed after assessment (RC8: no further action; RC9: referred to early help). */
const CLOSED_AFTER_ASSESSMENT = new Set(["RC8", "RC9"]);

/**
 * 2990: no activity on an episode closed after assessment (RC8, RC9): an initial conference on
 * the episode itself, or a CIN plan, Section 47 enquiry or protection plan under it; the rows
 * holding the activity are flagged.
 */
const rule2990 = defineCinRule(
  "2990",
  ["CINdetails"],
  { CINdetails: ["DateOfInitialCPC"], CINplanDates: ["CINPlanStartDate"], Section47: ["S47ActualStartDate"], ChildProtectionPlans: ["CPPstartDate"] },
  (ctx) => {
    const reasons = ctx.values("CINdetails", "ReasonForClosure");
    const icpc = ctx.values("CINdetails", "DateOfInitialCPC");
    const closed = new Set<string>();
    const cinRows: number[] = [];
    ctx.keys("CINdetails", "LAchildID", "CINdetailsID").forEach((key, i) => {
      if (!CLOSED_AFTER_ASSESSMENT.has(reasons[i] ?? "")) return;
      if (key !== null) closed.add(key);
      if (icpc[i] != null) cinRows.push(i);
    });
    const under = (table: CinTableName): number[] => {
      const out: number[] = [];
      ctx.keys(table, "LAchildID", "CINdetailsID").forEach((key, i) => {
        if (key !== null && closed.has(key)) out.push(i);
      });
      return out;
    };
    return { CINdetails: cinRows, CINplanDates: under("CINplanDates"), Section47: under("Section47"), ChildProtectionPlans: under("ChildProtectionPlans") };
  },
);

/** Activity dates under an episode that 8565 compares with its closure date, by table. */
const ACTIVITY_DATES = {
  Assessments: ["AssessmentActualStartDate", "AssessmentAuthorisationDate"],
  Section47: ["S47ActualStartDate", "DateOfInitialCPC"],
  ChildProtectionPlans: ["CPPendDate"],
  CINplanDates: ["CINPlanStartDate", "CINPlanEndDate"],
} as const;

/**
 * 8565: nothing can happen on an episode after its closure date: its own initial conference, an
 * assessment's start or authorisation, a Section 47 enquiry's start or conference, a protection
 * plan's end, a CIN plan's start or end. The late rows and their episode are flagged.
 */
const rule8565 = defineCinRule(
  "8565",
  ["CINdetails"],
  { CINdetails: ["CINclosureDate", "DateOfInitialCPC"], ...ACTIVITY_DATES },
  (ctx) => {
    const closure = ctx.days("CINdetails", "CINclosureDate");
    const closedOn = new Map<string, { day: number; row: number }>();
    ctx.keys("CINdetails", "LAchildID", "CINdetailsID").forEach((key, i) => {
      const day = closure[i] ?? NaN;
      if (key !== null && !Number.isNaN(day)) closedOn.set(key, { day, row: i });
    });
    const cinRows = new Set<number>();
    const icpc = ctx.days("CINdetails", "DateOfInitialCPC");
    closure.forEach((day, i) => {
      if ((icpc[i] ?? NaN) > day) cinRows.add(i);
    });
    const late = (table: keyof typeof ACTIVITY_DATES): number[] => {
      const columns = ACTIVITY_DATES[table].map((c) => ctx.days(table, c));
      const out: number[] = [];
      ctx.keys(table, "LAchildID", "CINdetailsID").forEach((key, i) => {
        const closed = key === null ? undefined : closedOn.get(key);
        if (closed !== undefined && columns.some((days) => (days[i] ?? NaN) > closed.day)) {
          out.push(i);
          cinRows.add(closed.row);
        }
      });
      return out;
    };
    const found = { Assessments: late("Assessments"), Section47: late("Section47"), ChildProtectionPlans: late("ChildProtectionPlans"), CINplanDates: late("CINplanDates") };
    return { ...found, CINdetails: cinRows };
  },
);

/** 8606: a referral cannot be more than 40 weeks before the child's date of birth (or expected date of birth when not born); both rows flagged. */
const rule8606 = defineCinRule("8606", ["CINdetails", "ChildIdentifiers"], { CINdetails: ["CINreferralDate"], ChildIdentifiers: ["PersonBirthDate", "ExpectedPersonBirthDate"] }, (ctx) => {
  const referral = ctx.days("CINdetails", "CINreferralDate");
  const dob = ctx.days("ChildIdentifiers", "PersonBirthDate");
  const expected = ctx.days("ChildIdentifiers", "ExpectedPersonBirthDate");
  const { rows, childRows } = childPairs(ctx, "CINdetails", (c, p) => {
    const birth = Number.isNaN(dob[p] ?? NaN) ? (expected[p] ?? NaN) : (dob[p] ?? NaN);
    return birth - (referral[c] ?? NaN) > 280;
  });
  return { CINdetails: rows, ChildIdentifiers: childRows };
});

/** Activity 8831 looks for under a referral with no further action, by table. */
const NFA_ACTIVITY = { Assessments: ["AssessmentActualStartDate", "AssessmentAuthorisationDate"], Section47: ["S47ActualStartDate", "DateOfInitialCPC"] } as const;

/**
 * 8831: no activity on a referral with no further action: an initial conference on the episode
 * itself, an assessment or a Section 47 enquiry with a date. The rows holding it are flagged.
 */
const rule8831 = defineCinRule("8831", ["CINdetails"], { CINdetails: ["DateOfInitialCPC"], ...NFA_ACTIVITY }, (ctx) => {
  const nfa = ctx.values("CINdetails", "ReferralNFA");
  const icpc = ctx.values("CINdetails", "DateOfInitialCPC");
  const noFurtherAction = new Set<string>();
  const cinRows: number[] = [];
  ctx.keys("CINdetails", "LAchildID", "CINdetailsID").forEach((key, i) => {
    if (!isTrue(nfa[i])) return;
    if (key !== null) noFurtherAction.add(key);
    if (icpc[i] != null) cinRows.push(i);
  });
  const withActivity = (table: keyof typeof NFA_ACTIVITY): number[] => {
    const columns = NFA_ACTIVITY[table].map((c) => ctx.values(table, c));
    const out: number[] = [];
    ctx.keys(table, "LAchildID", "CINdetailsID").forEach((key, i) => {
      if (key !== null && noFurtherAction.has(key) && columns.some((values) => values[i] != null)) out.push(i);
    });
    return out;
  };
  return { CINdetails: cinRows, Assessments: withActivity("Assessments"), Section47: withActivity("Section47") };
});

/** 8867: a closed episode's assessments must be completed (authorised); both rows flagged. */
const rule8867 = defineCinRule("8867", ["CINdetails", "Assessments"], { CINdetails: ["CINclosureDate"], Assessments: ["AssessmentAuthorisationDate"] }, (ctx) => {
  const closure = ctx.values("CINdetails", "CINclosureDate");
  const end = ctx.values("Assessments", "AssessmentAuthorisationDate");
  const { rows, cinRows } = episodePairs(ctx, "Assessments", (a, c) => closure[c] != null && end[a] === null);
  return { CINdetails: cinRows, Assessments: rows };
});

/** 8868: a closed episode's Section 47 enquiries must be completed: an initial conference, or marked as needing none; both rows flagged. */
const rule8868 = defineCinRule("8868", ["CINdetails", "Section47"], { CINdetails: ["CINclosureDate"], Section47: ["ICPCnotRequired", "DateOfInitialCPC"] }, (ctx) => {
  const closure = ctx.values("CINdetails", "CINclosureDate");
  const icpc = ctx.values("Section47", "DateOfInitialCPC");
  const notRequired = ctx.values("Section47", "ICPCnotRequired");
  const { rows, cinRows } = episodePairs(ctx, "Section47", (s, c) => closure[c] != null && icpc[s] === null && !isTrue(notRequired[s]));
  return { CINdetails: cinRows, Section47: rows };
});

/** The rules comparing an episode with its activity. */
export const CIN_ACTIVITY_RULES: readonly CinRule[] = [rule2990, rule8565, rule8606, rule8831, rule8867, rule8868];
