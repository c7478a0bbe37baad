import type { IsoDate, IsoMonth } from "./measure-types.ts";

/**
 * The periods measures are read over. A period runs by whole months, from the month of its
 * first day to the month of its last; a trend splits it into financial years (1 April to
 * 31 March, "2024/25"), quarters ("2024/25 Q1" is April to June) or months ("Apr 2024").
 * Plain calendar arithmetic on YYYY-MM strings: no time zones.
 */

/** The steps of a trend. */
export const MEASURE_TREND_INTERVALS = ["year", "quarter", "month"] as const;
export type MeasureTrendInterval = (typeof MEASURE_TREND_INTERVALS)[number];

/** How many financial years the default period covers, the current one included. */
export const DEFAULT_PERIOD_YEARS = 5;

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

function parts(month: IsoMonth): [number, number] {
  return [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
}

function monthKey(year: number, month: number): IsoMonth {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
}

/** The month (YYYY-MM) a day falls in. */
export function monthOf(date: IsoDate): IsoMonth {
  return date.slice(0, 7);
}

/** The month n months after (or before, for negative n) the given one. */
export function addMonths(month: IsoMonth, n: number): IsoMonth {
  const [y, m] = parts(month);
  const index = y * 12 + (m - 1) + n;
  return monthKey(Math.floor(index / 12), (index % 12) + 1);
}

/** The first day of a month. */
export function monthStart(month: IsoMonth): IsoDate {
  return `${month}-01`;
}

/** The last day of a month (29 February in leap years). */
export function monthEnd(month: IsoMonth): IsoDate {
  const [y, m] = parts(month);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(days).padStart(2, "0")}`;
}

/** Every month from first to last inclusive, in order (empty when last is before first). */
export function monthsFrom(first: IsoMonth, last: IsoMonth): IsoMonth[] {
  const out: IsoMonth[] = [];
  for (let m = first; m <= last; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** The financial year (by the year it starts in) a month falls in: April 2024 to March 2025 is 2024. */
export function financialYearOf(month: IsoMonth): number {
  const [y, m] = parts(month);
  return m >= 4 ? y : y - 1;
}

/** "2024/25" for the financial year starting in April 2024. */
export function financialYearLabel(year: number): string {
  return `${String(year)}/${String((year + 1) % 100).padStart(2, "0")}`;
}

/** The quarter of the financial year a month falls in: 1 is April to June, 4 is January to March. */
export function financialQuarterOf(month: IsoMonth): 1 | 2 | 3 | 4 {
  const [, m] = parts(month);
  return (Math.floor(((m + 8) % 12) / 3) + 1) as 1 | 2 | 3 | 4;
}

/** "Apr 2024". */
export function monthLabel(month: IsoMonth): string {
  const [y, m] = parts(month);
  return `${MONTH_NAMES[m - 1] ?? "?"} ${String(y)}`;
}

/** A period read by whole months: its first and last day and month. */
export interface MeasurePeriod {
  from: IsoDate;
  to: IsoDate;
  firstMonth: IsoMonth;
  lastMonth: IsoMonth;
}

/**
 * The period a query asks for, widened to whole months. Without from: 1 April of the financial
 * year four years before the current one (five financial years with this one); without to: today.
 */
export function measurePeriod(from: IsoDate | undefined, to: IsoDate | undefined, today: IsoDate): MeasurePeriod {
  const firstMonth = from === undefined ? `${String(financialYearOf(monthOf(today)) - (DEFAULT_PERIOD_YEARS - 1))}-04` : monthOf(from);
  const lastMonth = monthOf(to ?? today);
  return { from: monthStart(firstMonth), to: monthEnd(lastMonth), firstMonth, lastMonth };
}

/** One step of a trend: its label and the months of the period it covers. */
export interface TrendInterval extends MeasurePeriod {
  label: string;
  /** The step has ended: its last day is before today. */
  complete: boolean;
}

/** The key and label of the step a month belongs to. */
function stepOf(month: IsoMonth, interval: MeasureTrendInterval): { key: string; label: string } {
  switch (interval) {
    case "year": {
      const label = financialYearLabel(financialYearOf(month));
      return { key: label, label };
    }
    case "quarter": {
      const label = `${financialYearLabel(financialYearOf(month))} Q${String(financialQuarterOf(month))}`;
      return { key: label, label };
    }
    case "month":
      return { key: month, label: monthLabel(month) };
  }
}

/**
 * The steps of a trend over a period, oldest first. A step the period only partly covers is cut
 * to the period's months (a period starting in June gives "2024/25" from June), keeping its label.
 */
export function trendIntervals(period: MeasurePeriod, interval: MeasureTrendInterval, today: IsoDate): TrendInterval[] {
  const out: TrendInterval[] = [];
  let current: { key: string; label: string; firstMonth: IsoMonth; lastMonth: IsoMonth } | null = null;
  const flush = () => {
    if (current === null) return;
    const to = monthEnd(current.lastMonth);
    out.push({ label: current.label, from: monthStart(current.firstMonth), to, firstMonth: current.firstMonth, lastMonth: current.lastMonth, complete: to < today });
  };
  for (const month of monthsFrom(period.firstMonth, period.lastMonth)) {
    const step = stepOf(month, interval);
    if (current !== null && current.key === step.key) current.lastMonth = month;
    else {
      flush();
      current = { ...step, firstMonth: month, lastMonth: month };
    }
  }
  flush();
  return out;
}
