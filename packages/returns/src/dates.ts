/**
 * Dates as the SSDA903 return writes them: dd/mm/yyyy, two-digit day and month, four-digit year.
 * Parsing is strict because the DfE rules treat anything else ("1/2/17", "31/02/2017") as an
 * invalid date, and a lenient reader would hide that from the validation built on top.
 */

const RETURN_DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when day/month/year names a real day of the Gregorian calendar. */
function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= (lengths[month - 1] ?? 0);
}

/**
 * Parses a return date ("27/03/2008") to an ISO date ("2008-03-27"). Returns null for anything
 * that is not exactly dd/mm/yyyy naming a real day (surrounding spaces are allowed).
 */
export function parseReturnDate(value: string | null | undefined): string | null {
  const match = RETURN_DATE.exec(value?.trim() ?? "");
  if (match === null) return null;
  const [, dd = "", mm = "", yyyy = ""] = match;
  if (!isCalendarDate(Number(yyyy), Number(mm), Number(dd))) return null;
  return `${yyyy}-${mm}-${dd}`;
}

/** True when the value is a valid return date (dd/mm/yyyy, a real day). */
export function isReturnDate(value: string | null | undefined): boolean {
  return parseReturnDate(value) !== null;
}

/**
 * Formats an ISO date ("2008-03-27") as a return date ("27/03/2008").
 * Throws RangeError when the value is not a real ISO calendar date.
 */
export function formatReturnDate(iso: string): string {
  const match = ISO_DATE.exec(iso);
  const [, yyyy = "", mm = "", dd = ""] = match ?? [];
  if (match === null || !isCalendarDate(Number(yyyy), Number(mm), Number(dd))) {
    throw new RangeError(`"${iso}" is not an ISO calendar date (yyyy-mm-dd)`);
  }
  return `${dd}/${mm}/${yyyy}`;
}
