/**
 * Timescales for children looked after, as pure functions of ISO dates (YYYY-MM-DD): IRO
 * reviews, health assessments, SDQs, personal education plans, dental checks, social worker
 * visits and return home interviews. Statutory limits (Care Planning, Placement and Case Review
 * (England) Regulations 2010 and their guidance) are constants; an authority may set shorter
 * visit intervals as a local standard, never longer ones.
 */
import { ageOn } from "./dates.ts";
import { birthdayOf } from "./looked-after-ages.ts";
import { parseInstant } from "./london-time.ts";
import { addCalendarDays, addCalendarMonths, addWorkingDays } from "./working-days.ts";

/** Statutory timescales for children looked after: not settings. */
export const LOOKED_AFTER_TIMESCALES = Object.freeze({
  /** First review: within 20 working days of the child becoming looked after (reg. 33). */
  firstReviewWorkingDays: 20,
  /** Second review: within 3 months of the first. */
  secondReviewMonths: 3,
  /** Later reviews: within 6 months of the previous one. */
  laterReviewMonths: 6,
  /** Initial health assessment: in time for the first review. */
  initialHealthAssessmentWorkingDays: 20,
  /** Review health assessments: every 6 months before the fifth birthday, then every 12. */
  healthAssessmentMonthsUnder5: 6,
  healthAssessmentMonthsFrom5: 12,
  /** SDQ: yearly, for ages 4 to 16, once looked after for 12 months. */
  sdqMonths: 12,
  sdqMinAge: 4,
  sdqMaxAge: 16,
  /** Personal education plan: within 20 school days (see pepDue), then each term. */
  initialPepWorkingDays: 20,
  pepReviewMonths: 4,
  dentalCheckMonths: 12,
  /** Return home interview: offered within 72 hours of a missing child's return. */
  returnHomeInterviewHours: 72,
});

function sortedUnique(dates: readonly string[]): string[] {
  return [...new Set(dates)].sort();
}

/** The first looked after review: due 20 working days after the period of care started. */
export function firstLookedAfterReviewDue(periodStart: string): string {
  return addWorkingDays(periodStart, LOOKED_AFTER_TIMESCALES.firstReviewWorkingDays);
}

/** When the review after `held` reviews is due, given the date of the last one (if any). */
function reviewDueAfter(periodStart: string, held: number, lastReview: string | undefined): string {
  if (held === 0 || lastReview === undefined) return firstLookedAfterReviewDue(periodStart);
  return addCalendarMonths(lastReview, held === 1 ? LOOKED_AFTER_TIMESCALES.secondReviewMonths : LOOKED_AFTER_TIMESCALES.laterReviewMonths);
}

/**
 * The next looked after review's due date: the first within 20 working days of the period of
 * care starting, the second within 3 months of the first, then within 6 months of the last.
 * Reviews dated before `periodStart` belong to an earlier period and are ignored.
 */
export function nextLookedAfterReviewDue(periodStart: string, reviewsHeld: readonly string[]): string {
  const held = sortedUnique(reviewsHeld).filter((date) => date >= periodStart);
  return reviewDueAfter(periodStart, held.length, held.at(-1));
}

/** One review held, with when it was due and whether it was held in time. */
export interface ReviewTimeliness {
  /** 1 for the first review of the period of care. */
  readonly number: number;
  readonly date: string;
  readonly due: string;
  readonly onTime: boolean;
}

/**
 * Each review of a period of care, marked on time when held on or before its due date. Each
 * due date runs from the review actually held before it, as the regulations do, so one late
 * review does not make every later one late.
 */
export function reviewTimeliness(periodStart: string, reviewDates: readonly string[]): ReviewTimeliness[] {
  const held = sortedUnique(reviewDates).filter((date) => date >= periodStart);
  return held.map((date, i) => {
    const due = reviewDueAfter(periodStart, i, held[i - 1]);
    return { number: i + 1, date, due, onTime: date <= due };
  });
}

/**
 * When the next health assessment is due: the initial one in time for the first review (20
 * working days after the period started); then 6 months after the last if the child was under
 * 5 at it, else 12 months. Assessments before `periodStart` are ignored.
 */
export function healthAssessmentDue(periodStart: string, dob: string, assessments: readonly string[]): string {
  const last = sortedUnique(assessments).filter((date) => date >= periodStart).at(-1);
  if (last === undefined) return addWorkingDays(periodStart, LOOKED_AFTER_TIMESCALES.initialHealthAssessmentWorkingDays);
  const under5 = ageOn(dob, last) < 5;
  return addCalendarMonths(last, under5 ? LOOKED_AFTER_TIMESCALES.healthAssessmentMonthsUnder5 : LOOKED_AFTER_TIMESCALES.healthAssessmentMonthsFrom5);
}

/**
 * When the next Strengths and Difficulties Questionnaire is due, or null when none is: yearly
 * from 12 months after the child became looked after (`lookedAfterSince`, the start of the
 * continuous period) or 12 months after the last one; not before the 4th birthday; none once
 * the due date would fall on or after the 17th birthday.
 */
export function sdqDue(dob: string, lookedAfterSince: string, lastSdq: string | null): string | null {
  let due = addCalendarMonths(lastSdq !== null && lastSdq >= lookedAfterSince ? lastSdq : lookedAfterSince, LOOKED_AFTER_TIMESCALES.sdqMonths);
  if (ageOn(dob, due) < LOOKED_AFTER_TIMESCALES.sdqMinAge) due = birthdayOf(dob, LOOKED_AFTER_TIMESCALES.sdqMinAge);
  return ageOn(dob, due) > LOOKED_AFTER_TIMESCALES.sdqMaxAge ? null : due;
}

/**
 * When the personal education plan is due. The initial PEP is due within 20 school days of the
 * child becoming looked after; we count working days, as we do not know each school's term
 * dates, so a start in the holidays comes due early rather than late. After that the PEP is
 * reviewed each term, which we take as at most 4 calendar months after the last (three a year).
 */
export function pepDue(periodStart: string, lastPep: string | null): string {
  if (lastPep === null || lastPep < periodStart) return addWorkingDays(periodStart, LOOKED_AFTER_TIMESCALES.initialPepWorkingDays);
  return addCalendarMonths(lastPep, LOOKED_AFTER_TIMESCALES.pepReviewMonths);
}

/**
 * When the next dental check is due: 12 months after the last one (which may predate care), or
 * 12 months after becoming looked after if none is known. A child who comes into care already
 * overdue gets until the initial health assessment is due, not a due date in the past.
 */
export function dentalCheckDue(periodStart: string, lastCheck: string | null): string {
  const due = addCalendarMonths(lastCheck ?? periodStart, LOOKED_AFTER_TIMESCALES.dentalCheckMonths);
  const earliest = addWorkingDays(periodStart, LOOKED_AFTER_TIMESCALES.initialHealthAssessmentWorkingDays);
  return due < earliest ? earliest : due;
}

/** An authority's own limits for visits to looked after children: each at most the statutory one. */
export interface LookedAfterVisitStandards {
  /** Days from the start of a placement to the first visit (statutory: 7). */
  firstVisitDays: number;
  /** Weeks between visits in a placement's first year, and in any placement not long-term (statutory: 6). */
  visitWeeks: number;
  /** Calendar months between visits once a long-term placement has lasted a year (statutory: 3). */
  longTermVisitMonths: number;
}

/** The statutory maximums, which an authority starts with. */
export const DEFAULT_LOOKED_AFTER_VISIT_STANDARDS: Readonly<LookedAfterVisitStandards> = Object.freeze({ firstVisitDays: 7, visitWeeks: 6, longTermVisitMonths: 3 });

/** The whole numbers each standard may take (inclusive). */
export const LOOKED_AFTER_VISIT_STANDARD_LIMITS: Readonly<Record<keyof LookedAfterVisitStandards, Readonly<{ min: number; max: number }>>> = Object.freeze({
  firstVisitDays: Object.freeze({ min: 1, max: 7 }),
  visitWeeks: Object.freeze({ min: 1, max: 6 }),
  longTermVisitMonths: Object.freeze({ min: 1, max: 3 }),
});

/** Each standard that is not a whole number within `LOOKED_AFTER_VISIT_STANDARD_LIMITS`, with why. */
export function lookedAfterVisitStandardsProblems(standards: LookedAfterVisitStandards): { key: keyof LookedAfterVisitStandards; message: string }[] {
  const problems: { key: keyof LookedAfterVisitStandards; message: string }[] = [];
  for (const key of Object.keys(LOOKED_AFTER_VISIT_STANDARD_LIMITS) as (keyof LookedAfterVisitStandards)[]) {
    const { min, max } = LOOKED_AFTER_VISIT_STANDARD_LIMITS[key];
    const value = standards[key];
    if (!Number.isInteger(value)) problems.push({ key, message: "Must be a whole number" });
    else if (value < min) problems.push({ key, message: `Must be at least ${String(min)}` });
    else if (value > max) problems.push({ key, message: `Must be ${String(max)} or fewer` });
  }
  return problems;
}

/**
 * When the social worker's next visit to a looked after child is due (reg. 28): within a week
 * of the placement starting; then at most every 6 weeks in the placement's first year; after
 * that at most every 3 months if the placement is long-term (intended to last until the child
 * is 18), else still every 6 weeks. Which interval applies depends on when the last visit was.
 * Local standards can only shorten these; a statutory limit is never exceeded.
 */
export function lookedAfterVisitDue(
  visit: { placementStart: string; lastVisit: string | null; longTerm: boolean },
  standards: LookedAfterVisitStandards = DEFAULT_LOOKED_AFTER_VISIT_STANDARDS,
): string {
  const { placementStart, lastVisit, longTerm } = visit;
  if (lastVisit === null || lastVisit < placementStart) return addCalendarDays(placementStart, Math.min(standards.firstVisitDays, 7));
  const regular = addCalendarDays(lastVisit, Math.min(standards.visitWeeks, 6) * 7);
  const inFirstYear = lastVisit < addCalendarMonths(placementStart, 12);
  if (inFirstYear || !longTerm) return regular;
  return addCalendarMonths(lastVisit, Math.min(standards.longTermVisitMonths, 3));
}

/** The instant (ISO, UTC) by which a return home interview should be offered: 72 hours after the child came back. */
export function returnHomeInterviewDueAt(returnedAt: string): string {
  return new Date(parseInstant(returnedAt) + LOOKED_AFTER_TIMESCALES.returnHomeInterviewHours * 3_600_000).toISOString();
}

/** The same when only the day of return is known: 3 days later (72 hours from any time that day is within it). */
export function returnHomeInterviewDueDate(returnedOn: string): string {
  return addCalendarDays(returnedOn, LOOKED_AFTER_TIMESCALES.returnHomeInterviewHours / 24);
}
