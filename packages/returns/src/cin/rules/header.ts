/** Rules on the Header module. */
import { partsOfDay } from "../../validation/day.ts";
import { cinDay } from "../context.ts";
import { defineCinRule, rowsWhere, type CinRule } from "../rule.ts";

/**
 * 100: the reference date must be a real date in the collection year. The DfE rule asks for
 * 31 March; the reference accepts any date in the calendar year named by Year (its synthetic
 * file, Year 2022 with ReferenceDate 2022-07-21, passes), and so do we.
 */
const rule100 = defineCinRule("100", ["Header"], {}, (ctx) => {
  const years = ctx.values("Header", "Year");
  const dates = ctx.values("Header", "ReferenceDate");
  return {
    Header: rowsWhere(dates.length, (i) => {
      const day = cinDay(dates[i]);
      if (Number.isNaN(day)) return true;
      const year = years[i] ?? null;
      return year !== null && String(partsOfDay(day).year) !== year;
    }),
  };
});

/** The Header rules. */
export const HEADER_RULES: readonly CinRule[] = [rule100];
