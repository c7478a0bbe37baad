/**
 * Care leavers (OC3): who is one, which of their 17th to 21st birthdays the return asks about,
 * and which contact is due next. Pure: dates are ISO strings.
 */
import type { Episode } from "./episode-derivation.ts";
import { isLookedAfterOn, periodsOfCare } from "./episode-history.ts";
import { birthdayOf, careLeaverBirthdayWindows, type BirthdayWindow } from "./looked-after-ages.ts";
import { collectionYearOf } from "./looked-after-oc2.ts";
import { calendarDaysBetween } from "./working-days.ts";

/** "17th", "21st", "22nd", "23rd": an age as an ordinal, for "around their 21st birthday". */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : n % 10 === 1 ? "st" : n % 10 === 2 ? "nd" : n % 10 === 3 ? "rd" : "th";
  return `${String(n)}${suffix}`;
}

/** 13 weeks: the time looked after since the 14th birthday that makes a young person eligible. */
export const CARE_LEAVER_MIN_DAYS_SINCE_14 = 91;

/** Reasons care ended after which there is no care leaver to contact: died, or care passed to another authority (rules 1000, 1011). */
const NOT_A_LEAVER = new Set<string>(["E2", "E3"]);

/**
 * True when the young person is a care leaver the return follows up (a former relevant child):
 * their latest period of care ended on or after their 16th birthday, for a reason other than
 * death or transfer, and they were looked after for at least 13 weeks since their 14th birthday.
 */
export function isCareLeaver(dob: string, episodes: readonly Episode[]): boolean {
  const periods = periodsOfCare(episodes);
  const last = periods.at(-1);
  if (!last || last.end === null || last.end < birthdayOf(dob, 16)) return false;
  if (last.rec !== null && NOT_A_LEAVER.has(last.rec)) return false;
  const since14 = birthdayOf(dob, 14);
  const days = periods.reduce((sum, p) => {
    const start = p.start > since14 ? p.start : since14;
    const end = p.end ?? start;
    return end > start ? sum + calendarDaysBetween(start, end) : sum;
  }, 0);
  return days >= CARE_LEAVER_MIN_DAYS_SINCE_14;
}

/** One of the 17th–21st birthdays, and whether the return wants OC3 for it. */
export interface CareLeaverBirthday {
  readonly window: BirthdayWindow;
  /** The collection year (by its start) the birthday falls in: the OC3 row's year. */
  readonly year: number;
  readonly required: boolean;
  readonly why: string;
}

/**
 * The 17th to 21st birthdays with whether each needs OC3: only for a care leaver, and not for a
 * birthday on which they were still looked after (rules 1007, 1016).
 */
export function careLeaverBirthdays(dob: string, episodes: readonly Episode[]): CareLeaverBirthday[] {
  const leaver = isCareLeaver(dob, episodes);
  return careLeaverBirthdayWindows(dob).map((window) => {
    const year = collectionYearOf(window.birthday);
    if (!leaver) return { window, year, required: false, why: "Not a care leaver: care must end on or after the 16th birthday after 13 weeks looked after since the 14th." };
    if (isLookedAfterOn(episodes, window.birthday)) return { window, year, required: false, why: `Still looked after on their ${ordinal(window.age)} birthday.` };
    return { window, year, required: true, why: `Care leaver: in touch, activity and accommodation around their ${ordinal(window.age)} birthday.` };
  });
}

/**
 * The next birthday whose contact is still to record: the earliest required one after the last
 * recorded, whose year has no record. None after a death is recorded.
 */
export function nextCareLeaverContact(birthdays: readonly CareLeaverBirthday[], recorded: readonly { year: number; inTouch: string | null }[]): CareLeaverBirthday | null {
  if (recorded.some((r) => r.inTouch === "DIED")) return null;
  const lastYear = Math.max(-1, ...recorded.map((r) => r.year));
  return birthdays.find((b) => b.required && b.year > lastYear) ?? null;
}
