/**
 * The flow measures of children looked after that count events of their care: periods of care
 * starting, children returning home, reviews held (on time or not), health assessments held
 * (in time or not) and SDQ scores. Each event gives a fact in the month it happened, in the team
 * of the case of the episode it belongs to.
 */
import { ageOn } from "../../dates.ts";
import { lookedAfterContinuouslyFor, type PeriodOfCare } from "../../episode-history.ts";
import { healthAssessmentDue, reviewTimeliness } from "../../looked-after-timescales.ts";
import type { FactWindow, IsoDate, MeasureFact } from "../measure-types.ts";
import { episodeAtOrBefore, episodeOn, fact, inWindow, isShortBreak, monthOf, periodAt, type ChildHistory } from "./child-history.ts";
import { LAC_MEASURE } from "./measure-ids.ts";

/** Care ended with the child returning home to parents or others with parental responsibility. */
const RETURNED_HOME: ReadonlySet<string> = new Set(["E4A", "E4B"]);

/** SDQ total difficulties scores run from 0 to 40. */
const SDQ_MAX = 40;

/** Starts of care (RNE S) and endings by a return home, neither on a short break. */
export function startAndEndFacts(history: ChildHistory, window: FactWindow): MeasureFact[] {
  const facts: MeasureFact[] = [];
  for (const e of history.episodes) {
    if (isShortBreak(e)) continue;
    if (e.rne === "S" && inWindow(window, monthOf(e.start))) facts.push(fact(LAC_MEASURE.started, monthOf(e.start), history.teamOf(e), 1));
    if (e.end !== null && e.rec !== null && RETURNED_HOME.has(e.rec) && inWindow(window, monthOf(e.end))) {
      facts.push(fact(LAC_MEASURE.returnedHome, monthOf(e.end), history.teamOf(e), 1));
    }
  }
  return facts;
}

/**
 * Reviews held, each on time when held on or before its due date by the domain's schedule
 * (reviewTimeliness). A review belongs to the latest period of care that started on or before
 * it; one with no period before it has no due date and is not counted.
 */
export function reviewFacts(history: ChildHistory, window: FactWindow): MeasureFact[] {
  const held = history.records.lacReviews.filter((r) => r.status === "held" && r.reviewDate !== null);
  if (held.length === 0) return [];
  const byPeriod = new Map<PeriodOfCare, IsoDate[]>();
  const caseOfDate = new Map<IsoDate, string | null | undefined>();
  for (const r of held) {
    const date = r.reviewDate as IsoDate;
    const period = periodAt(history.periods, date);
    if (period === undefined) continue;
    const list = byPeriod.get(period);
    if (list === undefined) byPeriod.set(period, [date]);
    else list.push(date);
    caseOfDate.set(date, r.caseId);
  }
  const facts: MeasureFact[] = [];
  for (const [period, dates] of byPeriod) {
    for (const review of reviewTimeliness(period.start, dates)) {
      const month = monthOf(review.date);
      if (!inWindow(window, month)) continue;
      const caseId = caseOfDate.get(review.date);
      // The review's own case when it has one with a team; else the episode's case that day.
      const team = history.teamOfCase(caseId) ?? history.teamOf(episodeAtOrBefore(history, review.date));
      facts.push(fact(LAC_MEASURE.reviewsOnTime, month, team, review.onTime ? 1 : 0));
    }
  }
  return facts;
}

/**
 * Health assessments held while the child was looked after (not on a short break), each in time
 * when held on or before the date the domain's schedule (healthAssessmentDue) gave from the
 * period's start and the assessments before it in the period. Not judged without a date of birth.
 */
export function healthAssessmentFacts(history: ChildHistory, window: FactWindow): MeasureFact[] {
  const { dob } = history.records;
  if (dob === null) return [];
  const dates = [...new Set(history.records.checks.filter((c) => c.kind === "health_assessment").map((c) => c.checkDate))].sort();
  const facts: MeasureFact[] = [];
  dates.forEach((date, i) => {
    const month = monthOf(date);
    if (!inWindow(window, month)) return;
    const episode = episodeOn(history, date);
    const period = periodAt(history.periods, date);
    if (episode === undefined || period === undefined) return;
    const before = dates.slice(0, i).filter((d) => d >= period.start);
    const due = healthAssessmentDue(period.start, dob, before);
    facts.push(fact(LAC_MEASURE.healthAssessmentsOnTime, month, history.teamOf(episode), date <= due ? 1 : 0));
  });
  return facts;
}

/**
 * SDQ scores (0–40) recorded for a child looked after that day (not on a short break) who had
 * been looked after continuously for at least 12 months and was 4 to 16: numerator the score,
 * denominator 1, so a period's value is the mean score.
 */
export function sdqFacts(history: ChildHistory, window: FactWindow): MeasureFact[] {
  const { dob } = history.records;
  if (dob === null) return [];
  const facts: MeasureFact[] = [];
  for (const c of history.records.checks) {
    if (c.kind !== "sdq" || c.sdqScore === null || !Number.isInteger(c.sdqScore) || c.sdqScore < 0 || c.sdqScore > SDQ_MAX) continue;
    const month = monthOf(c.checkDate);
    if (!inWindow(window, month)) continue;
    const age = ageOn(dob, c.checkDate);
    if (age < 4 || age > 16) continue;
    const episode = episodeOn(history, c.checkDate);
    if (episode === undefined || !lookedAfterContinuouslyFor(history.episodes, c.checkDate, 12)) continue;
    facts.push(fact(LAC_MEASURE.sdqAverage, month, history.teamOf(episode), c.sdqScore));
  }
  return facts;
}
