import { collectionYearSpan, todayIso } from "@family-story/domain";

/** Years of Table A (looked after at 31 March each year). */
export const TABLE_A_YEARS = 5;
/** Years of the other series (Tables B and F, stability). */
export const TREND_YEARS = 3;

/** A collection year: 1 April of `year` to 31 March of the next. */
export interface ReportYear {
  year: number;
  /** "2018/19" */
  label: string;
  from: string;
  to: string;
  /** The year has ended (31 March is before today). */
  complete: boolean;
}

/** "2018/19" for 2018. */
export function yearLabel(year: number): string {
  return `${String(year)}/${String((year + 1) % 100).padStart(2, "0")}`;
}

/** The collection year starting 1 April `year`. */
export function reportYear(year: number, today: string = todayIso()): ReportYear {
  const { from, to } = collectionYearSpan(year);
  return { year, label: yearLabel(year), from, to, complete: to < today };
}

/** The years from `year - count + 1` to `year`, oldest first. */
export function yearsEndingWith(year: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => year - count + 1 + i);
}

/** "31 March 2019" for the year 2018/19. */
export function yearEndLabel(year: number): string {
  return `31 March ${String(year + 1)}`;
}
