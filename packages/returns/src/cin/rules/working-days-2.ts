/**
 * Working days for the CIN query rules that count them (8569Q, 8670Q, 8675Q): Monday to Friday.
 * Bank holidays are not excluded: neither the worked examples nor the synthetic census file
 * depend on them, and a query rule errs towards asking.
 */
import type { Day } from "../../validation/day.ts";

/** Weekdays from a fixed Monday (day −3; day 0, 1 January 1970, was a Thursday) up to, not including, the day. */
function weekdaysSinceEpochMonday(day: Day): number {
  const x = day + 3;
  const weeks = Math.floor(x / 7);
  return weeks * 5 + Math.min(x - weeks * 7, 5);
}

/** The number of working days in [from, to): the start counts, the end does not (negative when `to` is earlier; NaN when either is). */
export function workingDaysBetween(from: Day, to: Day): number {
  return weekdaysSinceEpochMonday(to) - weekdaysSinceEpochMonday(from);
}

/** The last working day before the day. */
export function previousWorkingDay(day: Day): Day {
  let d = day - 1;
  while (workingDaysBetween(d, d + 1) === 0) d -= 1;
  return d;
}
