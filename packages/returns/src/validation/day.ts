/**
 * Dates as whole days since 1 January 1970 (UTC), the form every validation rule compares.
 * A day number is a plain number, so a column of dates is a Float64Array and comparisons and
 * differences are arithmetic. NaN stands for a blank or invalid date: every comparison with
 * NaN is false, which is how the DfE rules treat a date they cannot read.
 */

/** Whole days since 1970-01-01; NaN when unknown. */
export type Day = number;

const MS_PER_DAY = 86_400_000;
const RETURN_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Days from 1970-01-01 to a proleptic Gregorian date, by arithmetic (no Date object: this runs
 * for every date cell of a national return). Exact for any integer year.
 */
function civilToDay(year: number, month: number, dayOfMonth: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + dayOfMonth - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Date.UTC reads years 0–99 as 1900–1999; kept so results match the Date-based reading exactly. */
function utcYear(year: number): number {
  return year >= 0 && year <= 99 ? 1900 + year : year;
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whole years in the range where the arithmetic and Date.UTC agree (Date's range is ±273,790 years). */
function isPlainYear(year: number): boolean {
  return Number.isInteger(year) && year > -200_000 && year < 200_000;
}

/** The day of a calendar date, or NaN when the date does not exist (31/02, month 13). */
export function dayFromParts(year: number, month: number, dayOfMonth: number): Day {
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > daysInMonth(year, month)) return Number.NaN;
  if (isPlainYear(year) && Number.isInteger(month) && Number.isInteger(dayOfMonth)) return civilToDay(utcYear(year), month, dayOfMonth);
  return Date.UTC(year, month - 1, dayOfMonth) / MS_PER_DAY;
}

/** The number of days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (isPlainYear(year) && Number.isInteger(month) && month >= 1 && month <= 12) {
    return month === 2 && isLeapYear(utcYear(year)) ? 29 : (MONTH_DAYS[month - 1] ?? Number.NaN);
  }
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const ZERO = 48;
const SLASH = 47;

/** The value of an ASCII digit at `i`, or -1. */
function digitAt(text: string, i: number): number {
  const c = text.charCodeAt(i) - ZERO;
  return c >= 0 && c <= 9 ? c : -1;
}

/** Reads d/m/yyyy or dd/mm/yyyy (no surrounding spaces) by hand; null when the text is not of that shape. */
function quickReturnDate(value: string): Day | null {
  const n = value.length;
  if (n < 8 || n > 10) return null;
  let i = 0;
  let d = digitAt(value, i++);
  if (d < 0) return null;
  let c = digitAt(value, i);
  if (c >= 0) {
    d = d * 10 + c;
    i++;
  }
  if (value.charCodeAt(i++) !== SLASH) return null;
  let m = digitAt(value, i++);
  if (m < 0) return null;
  c = digitAt(value, i);
  if (c >= 0) {
    m = m * 10 + c;
    i++;
  }
  if (value.charCodeAt(i++) !== SLASH || n - i !== 4) return null;
  let y = 0;
  for (; i < n; i++) {
    c = digitAt(value, i);
    if (c < 0) return null;
    y = y * 10 + c;
  }
  return dayFromParts(y, m, d);
}

/** Reads a return date, dd/mm/yyyy (leading zeros optional, as the DfE tools accept); NaN otherwise. */
export function dayFromReturnDate(value: string | null | undefined): Day {
  if (value == null) return Number.NaN;
  const quick = quickReturnDate(value);
  if (quick !== null) return quick;
  const m = RETURN_DATE.exec(value.trim());
  if (m === null) return Number.NaN;
  return dayFromParts(Number(m[3]), Number(m[2]), Number(m[1]));
}

/** Reads an ISO date (yyyy-mm-dd, optionally with a time), as the CIN census XML carries them; NaN otherwise. */
export function dayFromIsoDate(value: string | null | undefined): Day {
  if (value == null) return Number.NaN;
  const m = ISO_DATE.exec(value.trim());
  if (m === null) return Number.NaN;
  return dayFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** True when the day is a real date. */
export function isDay(day: Day): boolean {
  return !Number.isNaN(day);
}

/** Days where the arithmetic is used, 1 January of year 1 to about year 4700; others go through Date. */
const FIRST_PLAIN_DAY = -719_162;
const LAST_PLAIN_DAY = 1_000_000;

/** Days from 1900 to 2258 (every date of a return) keep their packed date once worked out. */
const PACKED_FROM = -25_567;
const PACKED = new Int32Array(1 << 17);

/** The calendar date of a whole day as year·10000 + month·100 + day (0 never is one). */
function packedOfDay(day: Day): number {
  const slot = day - PACKED_FROM;
  if (slot >= 0 && slot < PACKED.length) {
    const known = PACKED[slot] ?? 0;
    if (known !== 0) return known;
    const packed = computePackedOfDay(day);
    PACKED[slot] = packed;
    return packed;
  }
  return computePackedOfDay(day);
}

/** packedOfDay by arithmetic. */
function computePackedOfDay(day: Day): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const dayOfMonth = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return year * 10_000 + month * 100 + dayOfMonth;
}

/** True when the day can be turned into its date by packedOfDay (whole, and a year from 1 on). */
function isPlainDay(day: Day): boolean {
  return Number.isInteger(day) && day >= FIRST_PLAIN_DAY && day <= LAST_PLAIN_DAY;
}

/** The calendar parts of a day. */
export function partsOfDay(day: Day): { readonly year: number; readonly month: number; readonly day: number } {
  if (isPlainDay(day)) {
    const p = packedOfDay(day);
    return { year: Math.floor(p / 10_000), month: Math.floor(p / 100) % 100, day: p % 100 };
  }
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The day `months` calendar months later (or earlier), clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: Day, months: number): Day {
  if (Number.isNaN(day)) return Number.NaN;
  const p = partsOfDay(day);
  const index = p.year * 12 + (p.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return dayFromParts(year, month, Math.min(p.day, daysInMonth(year, month)));
}

/** The day `years` years later (or earlier); 29 February becomes 28 February in a common year. */
export function addYears(day: Day, years: number): Day {
  return addMonths(day, years * 12);
}

/** Age in whole years on a day, for a date of birth; NaN when either is unknown. */
export function ageOn(dob: Day, on: Day): number {
  if (Number.isNaN(dob) || Number.isNaN(on)) return Number.NaN;
  if (isPlainDay(dob) && isPlainDay(on)) {
    // yyyymmdd difference: whole years, less one when the birthday is not reached yet.
    return Math.floor((packedOfDay(on) - packedOfDay(dob)) / 10_000);
  }
  const b = partsOfDay(dob);
  const d = partsOfDay(on);
  const before = d.month < b.month || (d.month === b.month && d.day < b.day);
  return d.year - b.year - (before ? 1 : 0);
}

/** Formats a day as a return date, dd/mm/yyyy. */
export function dayToReturnDate(day: Day): string {
  const p = partsOfDay(day);
  return `${String(p.day).padStart(2, "0")}/${String(p.month).padStart(2, "0")}/${String(p.year)}`;
}

/** Formats a day as an ISO date, yyyy-mm-dd. */
export function dayToIsoDate(day: Day): string {
  const p = partsOfDay(day);
  return `${String(p.year)}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}
