/**
 * The day arithmetic reads and turns dates by hand (no Date object per cell); these check it
 * against the Date-based definitions it replaces, across every day a return can hold.
 */
import { describe, expect, it } from "vitest";
import { addMonths, addYears, ageOn, dayFromParts, dayFromReturnDate, daysInMonth, partsOfDay } from "./day.ts";

const MS_PER_DAY = 86_400_000;
const viaDate = (day: number): { year: number; month: number; day: number } => {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};

describe("day arithmetic", () => {
  it("gives every day from 1890 to 2110 the calendar date Date gives it, and back", () => {
    const wrong: number[] = [];
    for (let day = dayFromParts(1890, 1, 1); day <= dayFromParts(2110, 12, 31); day++) {
      const parts = viaDate(day);
      const mine = partsOfDay(day);
      const same = mine.year === parts.year && mine.month === parts.month && mine.day === parts.day;
      if (!same || dayFromParts(parts.year, parts.month, parts.day) !== day) wrong.push(day);
    }
    expect(wrong).toEqual([]);
  });

  it("reads d/m/yyyy and dd/mm/yyyy by hand as the pattern did, NaN for anything else", () => {
    expect(dayFromReturnDate("01/04/2017")).toBe(Date.UTC(2017, 3, 1) / MS_PER_DAY);
    expect(dayFromReturnDate("1/4/2017")).toBe(Date.UTC(2017, 3, 1) / MS_PER_DAY);
    expect(dayFromReturnDate(" 01/04/2017 ")).toBe(Date.UTC(2017, 3, 1) / MS_PER_DAY);
    expect(dayFromReturnDate("29/02/2016")).toBe(Date.UTC(2016, 1, 29) / MS_PER_DAY);
    // Date.UTC reads years 0–99 as 1900–1999; the hand reading keeps that.
    expect(dayFromReturnDate("01/01/0050")).toBe(Date.UTC(1950, 0, 1) / MS_PER_DAY);
    for (const bad of ["29/02/2017", "29/02/1900", "31/04/2017", "00/01/2017", "01/13/2017", "001/01/2017", "01/01/17", "01-01-2017", "1//2017", "+1/1/2017", "01/01/2017x", "", " ", null, undefined]) {
      expect(dayFromReturnDate(bad), String(bad)).toBeNaN();
    }
  });

  it("counts month lengths, leap years and years 0–99 as Date.UTC does", () => {
    for (const year of [0, 4, 99, 100, 1900, 2000, 2016, 2017, 2100, 2400]) {
      for (let month = 1; month <= 12; month++) expect(daysInMonth(year, month), `${String(year)}-${String(month)}`).toBe(new Date(Date.UTC(year, month, 0)).getUTCDate());
    }
  });

  it("works out ages and anniversaries as from the calendar dates", () => {
    const day = (y: number, m: number, d: number): number => dayFromParts(y, m, d);
    expect(ageOn(day(2004, 2, 29), day(2022, 2, 28))).toBe(17);
    expect(ageOn(day(2004, 2, 29), day(2022, 3, 1))).toBe(18);
    expect(ageOn(day(2010, 6, 15), day(2010, 6, 14))).toBe(-1);
    expect(ageOn(day(1950, 1, 1), day(1969, 12, 31))).toBe(19);
    expect(ageOn(Number.NaN, day(2017, 4, 1))).toBeNaN();
    expect(addYears(day(2004, 2, 29), 18)).toBe(day(2022, 2, 28));
    expect(addMonths(day(2017, 1, 31), 1)).toBe(day(2017, 2, 28));
    expect(addMonths(day(2017, 3, 31), -1)).toBe(day(2017, 2, 28));
    // Beyond the hand-worked range, or between whole days, Date still decides.
    expect(partsOfDay(-800_000)).toEqual(viaDate(-800_000));
    expect(partsOfDay(17_000.5)).toEqual(viaDate(17_000.5));
  });
});
