/**
 * Children looked after going missing, return home interviews after a missing episode, and
 * children looked after convicted of an offence. Counts of children are counted once a
 * collection year (1 April to 31 March), in the month of their first such event that year, as
 * the DfE counts "children who started to be looked after" once a year: so a year's figure is
 * the number of children, and summing its months never counts a child twice.
 */
import { ageOn } from "../../dates.ts";
import { collectionYearOf } from "../../looked-after-oc2.ts";
import type { FactWindow, IsoDate, MeasureFact } from "../measure-types.ts";
import { episodeOn, fact, inWindow, monthOf, type ChildHistory } from "./child-history.ts";
import { LAC_MEASURE } from "./measure-ids.ts";

/** The SSDA903 MISSING code for a missing episode (A is "away from placement without authorisation"). */
const MISSING = "M";

/** The age of criminal responsibility in England. */
const MIN_AGE_CONVICTED = 10;

/** One fact per collection year: the first of the dated events (already in date order) in each year. */
function firstInEachYear(measureId: string, events: readonly { date: IsoDate; teamId: string | null }[], window: FactWindow): MeasureFact[] {
  const years = new Set<number>();
  const facts: MeasureFact[] = [];
  for (const event of events) {
    const year = collectionYearOf(event.date);
    if (years.has(year)) continue;
    years.add(year);
    if (inWindow(window, monthOf(event.date))) facts.push(fact(measureId, monthOf(event.date), event.teamId, 1));
  }
  return facts;
}

/**
 * Children who went missing (MISSING = M) from care: a missing episode that started on a day
 * the child was looked after (not on a short break). Once a collection year, at the first.
 */
export function missingChildFacts(history: ChildHistory, window: FactWindow): MeasureFact[] {
  const events: { date: IsoDate; teamId: string | null }[] = [];
  for (const m of [...history.records.missing].sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0))) {
    if (m.missingType !== MISSING) continue;
    const episode = episodeOn(history, m.startDate);
    if (episode !== undefined) events.push({ date: m.startDate, teamId: history.teamOf(episode) });
  }
  return firstInEachYear(LAC_MEASURE.missingChildren, events, window);
}

/**
 * Missing episodes (M) of children looked after that ended (the child came back) in the month:
 * numerator those after which a return home interview was offered and accepted (held).
 */
export function returnHomeInterviewFacts(history: ChildHistory, window: FactWindow): MeasureFact[] {
  const facts: MeasureFact[] = [];
  for (const m of history.records.missing) {
    if (m.missingType !== MISSING || m.endDate === null || !inWindow(window, monthOf(m.endDate))) continue;
    const episode = episodeOn(history, m.startDate);
    if (episode === undefined) continue;
    const held = m.rhiOfferedOn !== null && m.rhiAccepted === true;
    facts.push(fact(LAC_MEASURE.missingRhi, monthOf(m.endDate), history.teamOf(episode), held ? 1 : 0));
  }
  return facts;
}

/**
 * Children looked after convicted of an offence: a conviction dated on a day the child was
 * looked after (not on a short break) and 10 or older (any age if the date of birth is not
 * known). Once a collection year, at the first, as the OC2 return's CONVICTED flag asks "during
 * the year".
 */
export function convictionFacts(history: ChildHistory, window: FactWindow): MeasureFact[] {
  const { dob } = history.records;
  const events: { date: IsoDate; teamId: string | null }[] = [];
  for (const date of history.records.checks.filter((c) => c.kind === "conviction").map((c) => c.checkDate).sort()) {
    if (dob !== null && ageOn(dob, date) < MIN_AGE_CONVICTED) continue;
    const episode = episodeOn(history, date);
    if (episode !== undefined) events.push({ date, teamId: history.teamOf(episode) });
  }
  return firstInEachYear(LAC_MEASURE.convicted, events, window);
}
