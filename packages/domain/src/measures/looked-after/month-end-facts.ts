/**
 * The stock measures of children looked after, read at each month's last day: the number looked
 * after, the two placement stability measures and personal education plans up to date. A child
 * gives one fact per month end at which they were looked after (not on a short break), in the
 * team of the case of the episode open that day. The months are found by walking the episodes
 * once (child-history.ts), and placements are worked out once (placements.ts).
 */
import { birthdayOf } from "../../looked-after-ages.ts";
import { pepDue } from "../../looked-after-timescales.ts";
import type { FactWindow, IsoDate, MeasureFact } from "../measure-types.ts";
import { fact, monthEndsLookedAfter, periodAt, startedBy, type ChildHistory } from "./child-history.ts";
import { LAC_MEASURE } from "./measure-ids.ts";
import { countedPlacements, currentAndPrevious, placementsBetween } from "./placements.ts";

/** Placed for adoption (PLACE A3–A6): the long-term stability measure's second way to count. */
const ADOPTION_PLACEMENTS: ReadonlySet<string> = new Set(["A3", "A4", "A5", "A6"]);

/**
 * The days a child is of compulsory school age, as the timeliness report reads it at 31 March
 * and carried to any day: from the day after they reach it (the first prescribed day, 31 March,
 * 31 August or 31 December, on or after their fifth birthday: Education Act 1996, s.8), so in
 * school since a term that began before the day; to 31 August of the school year (1 September to
 * 31 August) in which they are in Year 11 (born on or after 1 September 16 years before that year
 * began).
 */
function compulsorySchoolAgeSpan(dob: IsoDate): { after: IsoDate; until: IsoDate } {
  const fifth = birthdayOf(dob, 5);
  const year = fifth.slice(0, 4);
  const after = [`${year}-03-31`, `${year}-08-31`, `${year}-12-31`].find((day) => day >= fifth) as IsoDate;
  const born = Number(dob.slice(0, 4));
  const schoolYearOfBirth = dob.slice(5) >= "09-01" ? born : born - 1;
  return { after, until: `${String(schoolYearOfBirth + 17)}-08-31` };
}

/** True when a child born on `dob` is of compulsory school age on `day` (see compulsorySchoolAgeSpan). */
export function ofCompulsorySchoolAgeOn(dob: IsoDate, day: IsoDate): boolean {
  const { after, until } = compulsorySchoolAgeSpan(dob);
  return after < day && day <= until;
}

/** The stock facts for one child over the window. */
export function monthEndFacts(history: ChildHistory, window: FactWindow): MeasureFact[] {
  const ends = monthEndsLookedAfter(history, window);
  if (ends.length === 0) return [];
  const facts: MeasureFact[] = [];
  const { dob } = history.records;
  const placements = countedPlacements(history.periods);
  // Worked out once: under 16 is before the 16th birthday (the day ageOn first gives 16).
  const sixteenth = dob === null ? null : birthdayOf(dob, 16);
  const school = dob === null ? null : compulsorySchoolAgeSpan(dob);
  const peps = history.records.checks.filter((c) => c.kind === "pep").map((c) => c.checkDate).sort();
  let pepsBy = 0;
  let pepFor = { start: "", last: null as IsoDate | null, due: "" };
  for (const { month, day, episode } of ends) {
    const team = history.teamOf(episode);
    const period = periodAt(history.periods, day);
    facts.push(fact(LAC_MEASURE.count, month, team, 1));
    facts.push(fact(LAC_MEASURE.stabilityShort, month, team, placementsBetween(placements, startedBy(day, 12), day) >= 3 ? 1 : 0));
    if (sixteenth !== null && period !== undefined && day < sixteenth && period.start <= startedBy(day, 30)) {
      const { current, previous } = currentAndPrevious(placements, day);
      const placedBy = startedBy(day, 24);
      const adoptive = ADOPTION_PLACEMENTS.has(episode.placement.place);
      const stable = current !== undefined && (current.start <= placedBy || (adoptive && previous !== undefined && previous.start <= placedBy));
      facts.push(fact(LAC_MEASURE.stabilityLong, month, team, stable ? 1 : 0));
    }
    while (pepsBy < peps.length && (peps[pepsBy] as IsoDate) <= day) pepsBy += 1;
    if (school !== null && period !== undefined && school.after < day && day <= school.until) {
      const lastPep = pepsBy > 0 ? (peps[pepsBy - 1] as IsoDate) : null;
      // The due date changes only with a new PEP or period: keep it between month ends.
      if (pepFor.start !== period.start || pepFor.last !== lastPep) pepFor = { start: period.start, last: lastPep, due: pepDue(period.start, lastPep) };
      facts.push(fact(LAC_MEASURE.pep, month, team, pepFor.due >= day ? 1 : 0));
    }
  }
  return facts;
}
