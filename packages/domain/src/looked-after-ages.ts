/**
 * Ages for children looked after and care leavers: the day a birthday falls, the care leaver
 * (OC3) birthday windows, and the age bands reports use. Age in whole years is `ageOn`
 * (dates.ts), which this module agrees with for 29 February birthdays.
 */
import type { CodedValue } from "./casework-codes.ts";
import { codesOf } from "./code-set-helpers.ts";
import { ageOn } from "./dates.ts";
import { addCalendarDays, addCalendarMonths } from "./working-days.ts";

/**
 * The day someone born on `dob` reaches `age`: the anniversary, or 1 March for a 29 February
 * birthday in a year without one (the day `ageOn` first gives that age).
 */
export function birthdayOf(dob: string, age: number): string {
  const anniversary = addCalendarMonths(dob, age * 12);
  return anniversary.slice(5) === dob.slice(5) ? anniversary : addCalendarDays(anniversary, 1);
}

/** The birthdays around which the return asks about care leavers (OC3). */
export const CARE_LEAVER_AGES = [17, 18, 19, 20, 21] as const;
export type CareLeaverAge = (typeof CARE_LEAVER_AGES)[number];

/**
 * The span "around the birthday" in which a care leaver's contact, activity and accommodation
 * are recorded for the return. The DfE leaves the span to the authority; we use 3 calendar
 * months before the birthday to 1 calendar month after it, both days included.
 */
export const CARE_LEAVER_WINDOW = Object.freeze({ monthsBefore: 3, monthsAfter: 1 });

export interface BirthdayWindow {
  readonly age: CareLeaverAge;
  readonly birthday: string;
  readonly from: string;
  readonly to: string;
}

/** The window around the birthday on which the young person turns `age`. */
export function careLeaverBirthdayWindow(dob: string, age: CareLeaverAge): BirthdayWindow {
  const birthday = birthdayOf(dob, age);
  return {
    age,
    birthday,
    from: addCalendarMonths(birthday, -CARE_LEAVER_WINDOW.monthsBefore),
    to: addCalendarMonths(birthday, CARE_LEAVER_WINDOW.monthsAfter),
  };
}

/** The windows for the 17th to 21st birthdays, earliest first. */
export function careLeaverBirthdayWindows(dob: string): BirthdayWindow[] {
  return CARE_LEAVER_AGES.map((age) => careLeaverBirthdayWindow(dob, age));
}

/**
 * The care leaver age (17–21) whose birthday falls from `from` to `to` inclusive (a collection
 * year, 1 April to 31 March), or null when none does (rule 391).
 */
export function careLeaverAgeInYear(dob: string, from: string, to: string): CareLeaverAge | null {
  return CARE_LEAVER_AGES.find((age) => {
    const birthday = birthdayOf(dob, age);
    return birthday >= from && birthday <= to;
  }) ?? null;
}

/** The IRO annual report's age bands. */
export const IRO_AGE_BANDS = [
  { code: "0-5", label: "0 to 5" },
  { code: "6-13", label: "6 to 13" },
  { code: "14+", label: "14 and over" },
] as const satisfies readonly CodedValue[];
export type IroAgeBand = (typeof IRO_AGE_BANDS)[number]["code"];
export const IRO_AGE_BAND_CODES = codesOf<IroAgeBand>(IRO_AGE_BANDS);

/** The band of an age in whole years for the IRO report. */
export function iroAgeBand(age: number): IroAgeBand {
  if (age <= 5) return "0-5";
  return age <= 13 ? "6-13" : "14+";
}

/** The DfE's age bands in the children looked after statistics. */
export const DFE_AGE_BANDS = [
  { code: "under-1", label: "Under 1" },
  { code: "1-4", label: "1 to 4" },
  { code: "5-9", label: "5 to 9" },
  { code: "10-15", label: "10 to 15" },
  { code: "16+", label: "16 and over" },
] as const satisfies readonly CodedValue[];
export type DfeAgeBand = (typeof DFE_AGE_BANDS)[number]["code"];
export const DFE_AGE_BAND_CODES = codesOf<DfeAgeBand>(DFE_AGE_BANDS);

/** The DfE band of an age in whole years. */
export function dfeAgeBand(age: number): DfeAgeBand {
  if (age < 1) return "under-1";
  if (age <= 4) return "1-4";
  if (age <= 9) return "5-9";
  return age <= 15 ? "10-15" : "16+";
}

/** Both bands of a child born on `dob`, on `date`. */
export function ageBandsOn(dob: string, date: string): { age: number; iro: IroAgeBand; dfe: DfeAgeBand } {
  const age = ageOn(dob, date);
  return { age, iro: iroAgeBand(age), dfe: dfeAgeBand(age) };
}
