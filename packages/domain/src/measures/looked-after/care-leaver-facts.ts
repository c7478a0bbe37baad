/**
 * Care leavers in suitable accommodation and in education, employment or training, from what
 * the authority recorded around each of their 17th to 21st birthdays (OC3). A care leaver is
 * who the domain says (isCareLeaver); a birthday counts when the return wants OC3 for it
 * (careLeaverBirthdays: a care leaver, no longer looked after that day). Each such birthday
 * gives a fact in the month of the birthday, in the team of the case of their last episode.
 */
import { isCareLeaverAccommodation, isCareLeaverActivity, isInEducationEmploymentOrTraining, isSuitableAccommodation } from "../../care-leaver-codes.ts";
import { careLeaverBirthdays } from "../../looked-after-oc3.ts";
import type { FactWindow, MeasureFact, SubjectOc3 } from "../measure-types.ts";
import { fact, inWindow, monthOf, type ChildHistory } from "./child-history.ts";
import { LAC_MEASURE } from "./measure-ids.ts";

/** True when the OC3 row records suitable accommodation (an ACCOM code ending in 1). */
function suitable(row: SubjectOc3 | undefined): boolean {
  const accom = row?.accom ?? null;
  return accom !== null && isCareLeaverAccommodation(accom) && isSuitableAccommodation(accom);
}

/** True when the OC3 row records education, employment or training (an ACTIV code other than G4–G6). */
function inEet(row: SubjectOc3 | undefined): boolean {
  const activ = row?.activ ?? null;
  return activ !== null && isCareLeaverActivity(activ) && isInEducationEmploymentOrTraining(activ);
}

/**
 * One fact per measure for each birthday the return asks about, in the birthday's month. A
 * care leaver with no OC3 recorded for the birthday's year, or not in touch, is counted with
 * accommodation and activity not known (in the denominator only); one recorded as having died
 * is left out.
 */
export function careLeaverFacts(history: ChildHistory, window: FactWindow): MeasureFact[] {
  const { dob, oc3 } = history.records;
  const lastPeriod = history.periods.at(-1);
  if (dob === null || lastPeriod === undefined || lastPeriod.end === null) return [];
  const team = history.teamOf(lastPeriod.episodes.at(-1));
  const facts: MeasureFact[] = [];
  for (const birthday of careLeaverBirthdays(dob, history.episodes)) {
    const month = monthOf(birthday.window.birthday);
    if (!birthday.required || !inWindow(window, month)) continue;
    const row = oc3.find((r) => r.year === birthday.year);
    if (row?.inTouch === "DIED") continue;
    facts.push(fact(LAC_MEASURE.careLeaversAccommodation, month, team, suitable(row) ? 1 : 0));
    facts.push(fact(LAC_MEASURE.careLeaversEet, month, team, inEet(row) ? 1 : 0));
  }
  return facts;
}
