/**
 * Turns a partial or approximate date of birth into a range: "2015" is the whole year,
 * "2015-04" the month, "~2015-04-23" a year either side, "~2015" the years 2014 to 2016.
 */
export interface DobRange {
  from: string;
  to: string;
  /** The full date asked for, when one was (approximate or not). */
  exact: string | null;
  approximate: boolean;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function shiftYears(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  const shifted = `${String(y).padStart(4, "0")}${iso.slice(4)}`;
  // 29 February a year away is 28 February (or 1 March at the far end of a range).
  if (shifted.endsWith("-02-29") && lastDayOfMonth(y, 2) === 28) return years < 0 ? shifted.replace(/-02-29$/, "-02-28") : shifted.replace(/-02-29$/, "-03-01");
  return shifted;
}

const DAY_MS = 86_400_000;

/** Whole days between two ISO dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/**
 * The dates a partial or approximate date of birth could mean, or null when it names a day
 * that does not exist (2015-02-30, month 13), so callers can answer 400 rather than search.
 */
export function dobRange(input: string): DobRange | null {
  const approximate = input.startsWith("~");
  const value = approximate ? input.slice(1) : input;
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) return null;
  const [y, m, d] = value.split("-").map(Number) as [number, number | undefined, number | undefined];
  if (y < 1850) return null;
  if (m !== undefined && (m < 1 || m > 12)) return null;
  if (m !== undefined && d !== undefined && (d < 1 || d > lastDayOfMonth(y, m))) return null;
  let from: string;
  let to: string;
  if (m === undefined) {
    from = `${value}-01-01`;
    to = `${value}-12-31`;
  } else if (d === undefined) {
    from = `${value}-01`;
    to = `${value}-${String(lastDayOfMonth(y, m)).padStart(2, "0")}`;
  } else {
    from = value;
    to = value;
  }
  if (approximate) {
    from = shiftYears(from, -1);
    to = shiftYears(to, 1);
  }
  return { from, to, exact: m !== undefined && d !== undefined ? value : null, approximate };
}

/**
 * How well a recorded date of birth fits what was asked, from 0 to 1: 1 for the exact day
 * (or anywhere in a partial date), less the further it is from the day asked about, and a
 * day/month swap (04-11 for 11-04) counted as close.
 */
export function dobCloseness(range: DobRange, dob: string): number {
  if (dob < range.from || dob > range.to) return 0;
  if (!range.exact) return 1;
  if (dob === range.exact) return 1;
  const swapped = `${range.exact.slice(0, 4)}-${range.exact.slice(8, 10)}-${range.exact.slice(5, 7)}`;
  if (dob === swapped) return 0.8;
  const days = Math.abs(daysBetween(range.exact, dob));
  return Math.max(0.3, 1 - days / 400);
}
