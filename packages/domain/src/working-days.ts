/**
 * Working days and calendar arithmetic on ISO calendar dates (YYYY-MM-DD). A working day is
 * Monday to Friday and not an England and Wales bank holiday. Dates are turned into whole day
 * numbers counted in UTC, so nothing here depends on the machine's time zone.
 */
import { BANK_HOLIDAYS, BANK_HOLIDAY_YEARS } from "./bank-holidays.ts";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/**
 * The dates the bank-holiday table covers. Outside them every weekday counts as a working day,
 * so callers working on dates beyond `to` should warn that bank holidays are not yet known.
 */
export const bankHolidayCoverage: Readonly<{ from: string; to: string }> = Object.freeze({
  from: `${String(BANK_HOLIDAY_YEARS.first)}-01-01`,
  to: `${String(BANK_HOLIDAY_YEARS.last)}-12-31`,
});

// Work trays ask about the same few hundred dates thousands of times a request; parsing and
// checking a date costs more than the arithmetic, so remember the answers (bounded).
const DAY_CACHE = new Map<string, number>();
const DAY_CACHE_LIMIT = 20_000;

/** Days since 1970-01-01 of an ISO calendar date; throws a RangeError for anything else. */
function toDay(date: string): number {
  const cached = DAY_CACHE.get(date);
  if (cached !== undefined) return cached;
  const day = parseDay(date);
  if (DAY_CACHE.size >= DAY_CACHE_LIMIT) DAY_CACHE.clear();
  DAY_CACHE.set(date, day);
  return day;
}

function parseDay(date: string): number {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`Expected a date as YYYY-MM-DD, got "${date}"`);
  const [, y, m, d] = match as unknown as [string, string, string, string];
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
  // Date.UTC rolls 2023-02-30 over to 2 March; refuse it instead. (Years 0–99 are mapped to
  // 1900–1999 by Date.UTC, which the round trip also catches.)
  if (new Date(ms).toISOString().slice(0, 10) !== date) throw new RangeError(`"${date}" is not a calendar date`);
  return ms / DAY_MS;
}

function fromDay(day: number): string {
  const date = new Date(day * DAY_MS).toISOString().slice(0, 10);
  if (!ISO_DATE.test(date)) throw new RangeError("The date is out of range");
  return date;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function checkInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be a whole number, got ${String(n)}`);
}

/** 0 Monday … 6 Sunday. Day 0 (1970-01-01) was a Thursday. */
function weekdayIndex(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

const HOLIDAY_TITLES = new Map(BANK_HOLIDAYS.map((h) => [toDay(h.date), h.title]));
// Bank holidays that fall on weekdays (all of them in practice: GOV.UK lists substitute days
// instead), ascending, for counting working days in a range by binary search.
const WEEKDAY_HOLIDAYS = [...HOLIDAY_TITLES.keys()].filter((day) => weekdayIndex(day) < 5).sort((a, b) => a - b);

function isWorkingDayNumber(day: number): boolean {
  return weekdayIndex(day) < 5 && !HOLIDAY_TITLES.has(day);
}

/** Weekdays (Mon–Fri) on or before `day`, counted from the Monday 1970-01-05 (day 4). */
function weekdaysUpTo(day: number): number {
  const sinceMonday = day - 4;
  const weeks = Math.floor(sinceMonday / 7);
  return weeks * 5 + Math.min(sinceMonday - weeks * 7 + 1, 5);
}

/** How many weekday bank holidays fall on or before `day`. */
function holidaysUpTo(day: number): number {
  let lo = 0;
  let hi = WEEKDAY_HOLIDAYS.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((WEEKDAY_HOLIDAYS[mid] ?? Infinity) <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when the date is an England and Wales bank holiday (within `bankHolidayCoverage`). */
export function isBankHoliday(date: string): boolean {
  return HOLIDAY_TITLES.has(toDay(date));
}

/** The bank holiday's name ("Easter Monday"), or undefined when the date is not one. */
export function bankHolidayTitle(date: string): string | undefined {
  return HOLIDAY_TITLES.get(toDay(date));
}

/** True when the date falls inside the years the bank-holiday table covers. */
export function isWithinBankHolidayCoverage(date: string): boolean {
  toDay(date);
  return date >= bankHolidayCoverage.from && date <= bankHolidayCoverage.to;
}

/** True for Monday to Friday when the day is not a bank holiday. */
export function isWorkingDay(date: string): boolean {
  return isWorkingDayNumber(toDay(date));
}

/**
 * The date `n` working days after `date`, not counting `date` itself: one working day after
 * Thursday 28 March 2024 is Tuesday 2 April (Good Friday and Easter Monday are skipped).
 * `n = 0` gives the date itself if it is a working day, else the next working day. A negative
 * `n` counts back: -1 is the last working day before `date`.
 */
export function addWorkingDays(date: string, n: number): string {
  checkInteger(n, "The number of working days");
  let day = toDay(date);
  if (n === 0) {
    while (!isWorkingDayNumber(day)) day += 1;
    return fromDay(day);
  }
  const step = n > 0 ? 1 : -1;
  for (let left = Math.abs(n); left > 0; ) {
    day += step;
    if (isWorkingDayNumber(day)) left -= 1;
  }
  return fromDay(day);
}

/** The first working day after `date` (never `date` itself). */
export function nextWorkingDay(date: string): string {
  return addWorkingDays(date, 1);
}

/** The last working day before `date` (never `date` itself). */
export function previousWorkingDay(date: string): string {
  return addWorkingDays(date, -1);
}

/**
 * The working days after `from` up to and including `to`; 0 when they are the same day.
 * When `to` is before `from` the answer is minus the working days after `to` up to and
 * including `from`. So `workingDaysBetween(d, addWorkingDays(d, n)) === n` for any n ≥ 1.
 */
export function workingDaysBetween(from: string, to: string): number {
  const a = toDay(from);
  const b = toDay(to);
  if (b < a) return -workingDaysBetween(to, from);
  return weekdaysUpTo(b) - weekdaysUpTo(a) - (holidaysUpTo(b) - holidaysUpTo(a));
}

/** The date `n` calendar days after `date` (negative `n` goes back). */
export function addCalendarDays(date: string, n: number): string {
  checkInteger(n, "The number of days");
  return fromDay(toDay(date) + n);
}

/** Calendar days from `from` to `to`: positive when `to` is later. */
export function calendarDaysBetween(from: string, to: string): number {
  return toDay(to) - toDay(from);
}

/**
 * The same day of the month `n` months later (negative `n` goes back), clamped to the end of a
 * shorter month: 31 January 2024 + 1 month is 29 February 2024; 29 February 2024 + 12 months
 * is 28 February 2025.
 */
export function addCalendarMonths(date: string, n: number): string {
  checkInteger(n, "The number of months");
  toDay(date);
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const months = y * 12 + (m - 1) + n;
  const year = Math.floor(months / 12);
  const month = months - year * 12 + 1;
  if (year < 1 || year > 9999) throw new RangeError(`"${date}" plus ${String(n)} months is out of range`);
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
