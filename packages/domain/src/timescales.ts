/**
 * Casework timescales: every due date the work tray shows, as pure functions of dates.
 * Statutory timescales (Working Together to Safeguard Children 2023) are constants; the
 * authority's own practice standards are `LocalStandards`, a setting. Dates are ISO calendar
 * dates (YYYY-MM-DD) unless a name says instant. docs/timescales.md states each rule's source.
 */
import { fromLondonDateTime, parseInstant, toLondonDateTime } from "./london-time.ts";
import { addCalendarDays, addCalendarMonths, addWorkingDays, calendarDaysBetween, isWorkingDay, nextWorkingDay, workingDaysBetween } from "./working-days.ts";

/** An authority's local practice standards (a setting, not a constant). */
export interface LocalStandards {
  /** Weeks between early help family plan reviews. */
  earlyHelpReviewWeeks: number;
  /** Working days between visits to a child on a child protection plan. */
  cpVisitWorkingDays: number;
  /** Working days between visits to a child on a child in need plan. */
  cinVisitWorkingDays: number;
  /** Weeks between case supervisions. */
  supervisionWeeks: number;
  /** Hours after which a case note can only be changed by adding a new version. */
  caseNoteLockHours: number;
  /** Working days for the front door's decision on a contact. */
  contactDecisionWorkingDays: number;
}

/** The standards an authority starts with. */
export const DEFAULT_LOCAL_STANDARDS: Readonly<LocalStandards> = Object.freeze({
  earlyHelpReviewWeeks: 6,
  cpVisitWorkingDays: 10,
  cinVisitWorkingDays: 20,
  supervisionWeeks: 4,
  caseNoteLockHours: 24,
  contactDecisionWorkingDays: 1,
});

/** The whole numbers each standard may take (inclusive); the same bounds as the settings form. */
export const LOCAL_STANDARD_LIMITS: Readonly<Record<keyof LocalStandards, Readonly<{ min: number; max: number }>>> = Object.freeze({
  earlyHelpReviewWeeks: Object.freeze({ min: 2, max: 26 }),
  cpVisitWorkingDays: Object.freeze({ min: 5, max: 30 }),
  cinVisitWorkingDays: Object.freeze({ min: 5, max: 60 }),
  supervisionWeeks: Object.freeze({ min: 1, max: 12 }),
  caseNoteLockHours: Object.freeze({ min: 1, max: 720 }),
  contactDecisionWorkingDays: Object.freeze({ min: 1, max: 3 }),
});

/** Each standard that is not a whole number within `LOCAL_STANDARD_LIMITS`, with why. */
export function localStandardsProblems(standards: LocalStandards): { key: keyof LocalStandards; message: string }[] {
  const problems: { key: keyof LocalStandards; message: string }[] = [];
  for (const key of Object.keys(LOCAL_STANDARD_LIMITS) as (keyof LocalStandards)[]) {
    const { min, max } = LOCAL_STANDARD_LIMITS[key];
    const value = standards[key];
    if (!Number.isInteger(value)) problems.push({ key, message: "Must be a whole number" });
    else if (value < min) problems.push({ key, message: `Must be at least ${String(min)}` });
    else if (value > max) problems.push({ key, message: `Must be ${String(max)} or fewer` });
  }
  return problems;
}

/** Statutory timescales: not settings. */
export const STATUTORY_TIMESCALES = Object.freeze({
  /** Child and family assessment: within 45 working days of the referral. */
  assessmentWorkingDays: 45,
  /** Initial child protection conference: within 15 working days of the strategy discussion. */
  icpcWorkingDays: 15,
  /** First review conference: within 3 months of the initial conference. */
  firstReviewConferenceMonths: 3,
  /** Later review conferences: at most 6 months apart. */
  reviewConferenceMonths: 6,
  /** A referral within 12 months of a previous one is a repeat referral. */
  repeatReferralMonths: 12,
});

/** Work due within this many working days is "due soon". */
export const DUE_SOON_WORKING_DAYS = 5;

/** Where a contact received on a non-working day starts its clock: 09:00 London time. */
export const WORKING_DAY_START_HOUR = 9;

/**
 * When the front door's decision on a contact is due, as an ISO instant (UTC): the same London
 * clock time `contactDecisionWorkingDays` working days later. A contact received on a weekend
 * or bank holiday counts from 09:00 London time on the next working day. Received Friday
 * 28 March 2025 16:30 GMT → due Monday 31 March 16:30 BST (15:30Z).
 */
export function contactDecisionDue(receivedAt: string, standards: LocalStandards = DEFAULT_LOCAL_STANDARDS): string {
  const received = toLondonDateTime(receivedAt);
  const days = standards.contactDecisionWorkingDays;
  if (isWorkingDay(received.date)) return fromLondonDateTime({ ...received, date: addWorkingDays(received.date, days) });
  const start = nextWorkingDay(received.date);
  return fromLondonDateTime({ date: addWorkingDays(start, days), hour: WORKING_DAY_START_HOUR, minute: 0, second: 0, millisecond: 0 });
}

/** Child and family assessment due: 45 working days after the referral date. */
export function assessmentDue(referralDate: string): string {
  return addWorkingDays(referralDate, STATUTORY_TIMESCALES.assessmentWorkingDays);
}

/** Initial child protection conference due: 15 working days after the (last) strategy discussion. */
export function icpcDue(strategyDiscussionDate: string): string {
  return addWorkingDays(strategyDiscussionDate, STATUTORY_TIMESCALES.icpcWorkingDays);
}

/** First child protection review conference due: 3 calendar months after the initial conference. */
export function firstReviewConferenceDue(icpcDate: string): string {
  return addCalendarMonths(icpcDate, STATUTORY_TIMESCALES.firstReviewConferenceMonths);
}

/** Next child protection review conference due: 6 calendar months after the last review. */
export function nextReviewConferenceDue(lastReviewDate: string): string {
  return addCalendarMonths(lastReviewDate, STATUTORY_TIMESCALES.reviewConferenceMonths);
}

/** Next early help family plan review: `earlyHelpReviewWeeks` weeks after the last review or the start. */
export function earlyHelpReviewDue(lastReviewOrStart: string, standards: LocalStandards = DEFAULT_LOCAL_STANDARDS): string {
  return addCalendarDays(lastReviewOrStart, standards.earlyHelpReviewWeeks * 7);
}

/** Next statutory visit to a child on a plan: the local standard's working days after the last visit or the plan's start. */
export function visitDue(lastVisitOrStart: string, planKind: "cp" | "cin", standards: LocalStandards = DEFAULT_LOCAL_STANDARDS): string {
  return addWorkingDays(lastVisitOrStart, planKind === "cp" ? standards.cpVisitWorkingDays : standards.cinVisitWorkingDays);
}

/** Next case supervision: `supervisionWeeks` weeks after the last one. */
export function supervisionDue(lastSupervision: string, standards: LocalStandards = DEFAULT_LOCAL_STANDARDS): string {
  return addCalendarDays(lastSupervision, standards.supervisionWeeks * 7);
}

/** The instant (ISO, UTC) after which a case note written at `writtenAt` is locked. */
export function caseNoteLocksAt(writtenAt: string, standards: LocalStandards = DEFAULT_LOCAL_STANDARDS): string {
  return new Date(parseInstant(writtenAt) + standards.caseNoteLockHours * 3_600_000).toISOString();
}

/**
 * True when a previous referral falls in the 12 months before this one: on or after the same
 * date 12 calendar months earlier (clamped: 29 Feb 2024 looks back to 28 Feb 2023) and strictly
 * before this referral's date.
 */
export function isRepeatReferral(referralDate: string, previousReferralDates: readonly string[]): boolean {
  const from = addCalendarMonths(referralDate, -STATUTORY_TIMESCALES.repeatReferralMonths);
  return previousReferralDates.some((previous) => calendarDaysBetween(from, previous) >= 0 && calendarDaysBetween(previous, referralDate) > 0);
}

export type DueStatus = "overdue" | "due_today" | "due_soon" | "not_due";

/** True when `today` is after the due date. */
export function isOverdue(dueDate: string, today: string): boolean {
  return calendarDaysBetween(dueDate, today) > 0;
}

/**
 * How pressing a due date is today: overdue (today is after it), due today, due soon (within
 * `DUE_SOON_WORKING_DAYS` working days) or not due yet. Due dates are not moved off weekends or
 * bank holidays: work due on a Saturday must be done by the Friday, so it is already due soon.
 */
export function dueStatus(due: string, today: string): DueStatus {
  const days = calendarDaysBetween(today, due);
  if (days < 0) return "overdue";
  if (days === 0) return "due_today";
  return workingDaysBetween(today, due) <= DUE_SOON_WORKING_DAYS ? "due_soon" : "not_due";
}

function plural(n: number, word: string): string {
  return `${String(n)} ${word}${n === 1 ? "" : "s"}`;
}

/**
 * A due date in words for today: "Due today", "Overdue by 3 working days", "Due in 2 working
 * days". When no working day separates them (due on a Saturday, asked on the Friday) it counts
 * calendar days instead: "Due in 1 day", "Overdue by 1 day".
 */
export function describeDue(due: string, today: string): string {
  const days = calendarDaysBetween(today, due);
  if (days === 0) return "Due today";
  if (days < 0) {
    const working = workingDaysBetween(due, today);
    return working > 0 ? `Overdue by ${plural(working, "working day")}` : `Overdue by ${plural(-days, "day")}`;
  }
  const working = workingDaysBetween(today, due);
  return working > 0 ? `Due in ${plural(working, "working day")}` : `Due in ${plural(days, "day")}`;
}

/** `dueStatus` for a deadline at a time of day (an ISO instant), judged at the instant `now`. */
export function dueStatusAt(dueAt: string, now: string): DueStatus {
  if (parseInstant(now) > parseInstant(dueAt)) return "overdue";
  const status = dueStatus(toLondonDateTime(dueAt).date, toLondonDateTime(now).date);
  return status === "overdue" ? "due_today" : status;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** GOV.UK style London time and date: "4:30pm on 31 March 2025", "9am on 1 April 2025", "midday on …". */
export function formatLondonDeadline(instant: string): string {
  const { date, hour, minute } = toLondonDateTime(instant);
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const suffix = hour < 12 ? "am" : "pm";
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  let time = minute === 0 ? `${String(h12)}${suffix}` : `${String(h12)}:${String(minute).padStart(2, "0")}${suffix}`;
  // GOV.UK style says "midday" and "midnight", never "12pm" or "12am".
  if (minute === 0 && hour === 12) time = "midday";
  if (minute === 0 && hour === 0) time = "midnight";
  return `${time} on ${String(d)} ${MONTHS[m - 1] ?? ""} ${String(y)}`;
}

/**
 * A deadline at a time of day in words at the instant `now`: "Due by 4:30pm today",
 * "Due by 4:30pm on 31 March 2025", "Overdue: was due by 4:30pm on 31 March 2025".
 */
export function describeDueAt(dueAt: string, now: string): string {
  const deadline = formatLondonDeadline(dueAt);
  if (parseInstant(now) > parseInstant(dueAt)) return `Overdue: was due by ${deadline}`;
  if (toLondonDateTime(dueAt).date === toLondonDateTime(now).date) return `Due by ${deadline.replace(/ on .*$/, "")} today`;
  return `Due by ${deadline}`;
}
