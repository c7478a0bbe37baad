/**
 * The SSDA903 OC2 summary (outcomes for children looked after continuously for 12 months at
 * 31 March) worked out from a child's dated health and education checks. Pure: dates are ISO
 * strings; the flags are the return's "1" / "0", null where an item does not apply.
 */
import { ageOn } from "./dates.ts";
import type { Episode } from "./episode-derivation.ts";
import { lookedAfterContinuouslyFor, periodsOfCare } from "./episode-history.ts";
import { healthAssessmentDue } from "./looked-after-timescales.ts";

/** A collection year by its start: 2024 is 1 April 2024 to 31 March 2025. */
export function collectionYearSpan(year: number): { from: string; to: string } {
  return { from: `${String(year)}-04-01`, to: `${String(year + 1)}-03-31` };
}

/** The collection year a date falls in (by its start year). */
export function collectionYearOf(date: string): number {
  const year = Number(date.slice(0, 4));
  return date.slice(5) >= "04-01" ? year : year - 1;
}

/** One recorded check, as the derivation reads it. */
export interface Oc2Check {
  readonly kind: "health_assessment" | "dental_check" | "immunisations" | "sdq" | "pep" | "substance_misuse" | "conviction";
  readonly date: string;
  readonly sdqScore?: number | null;
  readonly sdqReason?: string | null;
  readonly upToDate?: boolean | null;
  readonly interventionReceived?: boolean | null;
  readonly interventionOffered?: boolean | null;
}

export interface Oc2Flags {
  readonly sdqScore: string | null;
  readonly sdqReason: string | null;
  readonly convicted: string | null;
  readonly healthCheck: string | null;
  readonly immunisations: string | null;
  readonly teethCheck: string | null;
  readonly healthAssessment: string | null;
  readonly substanceMisuse: string | null;
  readonly interventionReceived: string | null;
  readonly interventionOffered: string | null;
}

export interface Oc2Derivation {
  /** In the OC2 cohort: looked after continuously for at least 12 months at 31 March, not on short breaks. */
  readonly inCohort: boolean;
  readonly ageAtYearEnd: number | null;
  readonly flags: Oc2Flags | null;
  /** Plain-English notes on gaps (no SDQ, unknown date of birth…). */
  readonly notes: readonly string[];
}

/** Short-break legal statuses (V3, V4): a child looked after only on these is not in the OC2 cohort. */
const SHORT_BREAKS = new Set<string>(["V3", "V4"]);

/**
 * True when the child is in the OC2 cohort of the year: looked after on 31 March in a period of
 * care that began by 1 April of the year before, with no short-break episode in the year.
 */
export function inOc2Cohort(episodes: readonly Episode[], year: number): boolean {
  const { from, to } = collectionYearSpan(year);
  if (!lookedAfterContinuouslyFor(episodes, to, 12)) return false;
  return !episodes.some((e) => SHORT_BREAKS.has(e.legalStatus) && e.start <= to && (e.end === null || e.end >= from));
}

const flag = (yes: boolean): string => (yes ? "1" : "0");

/** The latest check of a kind on or before a day (by date; the later-recorded of a day wins). */
function latest(checks: readonly Oc2Check[], kind: Oc2Check["kind"], from: string | null, to: string): Oc2Check | undefined {
  return checks.filter((c) => c.kind === kind && c.date <= to && (from === null || c.date >= from)).reduce<Oc2Check | undefined>((best, c) => (best === undefined || c.date >= best.date ? c : best), undefined);
}

/**
 * The year's OC2 flags from the checks: health assessment, dental check, substance misuse and
 * conviction in the year; immunisations as last recorded by 31 March; the under-5s' health
 * check as whether their health assessments were up to date at 31 March (6-monthly); convictions
 * only from age 10 at 31 March; the SDQ (latest in the year, score or reason) for those 4 or
 * over at 31 March and under 17 at 1 April. Intervention received is asked only when misuse was
 * identified, and offered only when none was received (rules 158, 159, 192, 193).
 */
export function deriveOc2(input: { dob: string | null; episodes: readonly Episode[]; checks: readonly Oc2Check[]; year: number }): Oc2Derivation {
  const { dob, episodes, checks, year } = input;
  const { from, to } = collectionYearSpan(year);
  const ageAtYearEnd = dob === null ? null : ageOn(dob, to);
  if (!inOc2Cohort(episodes, year)) return { inCohort: false, ageAtYearEnd, flags: null, notes: ["Not looked after continuously for 12 months at 31 March, so there is no OC2 for this year."] };
  const notes: string[] = [];
  const inYear = (kind: Oc2Check["kind"]): Oc2Check[] => checks.filter((c) => c.kind === kind && c.date >= from && c.date <= to);

  const misuse = inYear("substance_misuse");
  const received = misuse.length > 0 ? misuse.some((c) => c.interventionReceived === true) : null;
  const offered = received === false ? misuse.some((c) => c.interventionOffered === true) : null;
  const immunisations = latest(checks, "immunisations", null, to);
  if (!immunisations) notes.push("No immunisation record by 31 March: reported as not up to date.");

  let healthCheck: string | null = null;
  let convicted: string | null = null;
  let sdqScore: string | null = null;
  let sdqReason: string | null = null;
  if (dob === null) {
    notes.push("Date of birth unknown: the health check, conviction and SDQ items cannot be worked out.");
  } else {
    const age = ageOn(dob, to);
    if (age < 5) {
      const period = periodsOfCare(episodes).filter((p) => p.start <= to).at(-1);
      const assessments = checks.filter((c) => c.kind === "health_assessment" && c.date <= to).map((c) => c.date);
      healthCheck = flag(period !== undefined && healthAssessmentDue(period.start, dob, assessments) >= to);
    }
    if (age >= 10) convicted = flag(inYear("conviction").length > 0);
    if (age >= 4 && ageOn(dob, from) < 17) {
      const sdq = latest(checks, "sdq", from, to);
      if (sdq?.sdqScore !== null && sdq?.sdqScore !== undefined) sdqScore = String(sdq.sdqScore);
      else if (sdq?.sdqReason !== null && sdq?.sdqReason !== undefined) sdqReason = sdq.sdqReason;
      else notes.push("No SDQ score or reason recorded in the year.");
    }
  }
  return {
    inCohort: true,
    ageAtYearEnd,
    notes,
    flags: {
      sdqScore,
      sdqReason,
      convicted,
      healthCheck,
      immunisations: flag(immunisations?.upToDate === true),
      teethCheck: flag(inYear("dental_check").length > 0),
      healthAssessment: flag(inYear("health_assessment").length > 0),
      substanceMisuse: flag(misuse.length > 0),
      interventionReceived: received === null ? null : flag(received),
      interventionOffered: offered === null ? null : flag(offered),
    },
  };
}
