/** Stage 1 checks on the social worker episode fields themselves: completeness, codes and date forms. */
import { dayFromReturnDate } from "../../../validation/day.ts";
import type { Ssda903Context } from "../../context.ts";
import { defineRule, rowsWhere } from "../../rule.ts";
import { SW_REASON_REQUIRED_FROM } from "./sw-shared.ts";

const SW_REASONS = new Set(["MANAGE", "FCONTA", "LEFTRL", "ORGRST", "TSPROC", "ABSENC", "CHCHAN", "PCCHAN", "SWDIED", "OTHERS"]);

/** SW01aSTG1: every episode has a start date; one starting before 1 April 2023 also a social worker ID. */
export const ruleSw01a = defineRule("SW01aSTG1", ["SWEpisodes"], (ctx) => {
  const start = ctx.values("SWEpisodes", "SW_DECOM");
  const startDay = ctx.days("SWEpisodes", "SW_DECOM");
  const id = ctx.values("SWEpisodes", "SW_ID");
  return {
    SWEpisodes: rowsWhere(start.length, (i) => start[i] == null || ((startDay[i] ?? Number.NaN) < SW_REASON_REQUIRED_FROM && id[i] == null)),
  };
});

/** SW01bSTG1: every episode has a start date; one starting on or after 1 April 2023 also an ID and a reason. */
export const ruleSw01b = defineRule("SW01bSTG1", ["SWEpisodes"], (ctx) => {
  const start = ctx.values("SWEpisodes", "SW_DECOM");
  const startDay = ctx.days("SWEpisodes", "SW_DECOM");
  const id = ctx.values("SWEpisodes", "SW_ID");
  const reason = ctx.values("SWEpisodes", "SW_REASON");
  return {
    SWEpisodes: rowsWhere(start.length, (i) => start[i] == null || ((startDay[i] ?? Number.NaN) >= SW_REASON_REQUIRED_FROM && (id[i] == null || reason[i] == null))),
  };
});

/** SW02STG1: a social worker ID begins with SW or XX (capitals, as the examples require); a blank ID is SW01's concern. */
export const ruleSw02 = defineRule("SW02STG1", ["SWEpisodes"], (ctx) => {
  const id = ctx.values("SWEpisodes", "SW_ID");
  return { SWEpisodes: rowsWhere(id.length, (i) => { const v = id[i]; return v != null && !v.startsWith("SW") && !v.startsWith("XX"); }) };
});

/**
 * The reference only checks that a date has the dd/mm/yyyy shape: its examples accept the
 * placeholders ZZ/ZZ/ZZZZ and 01/01/ZZZZ and reject "zz". A real date with single-digit day or
 * month (1/4/2020) is accepted too, as everywhere in the engine.
 */
const DATE_SHAPE = /^[^/]{2}\/[^/]{2}\/[^/]{4}$/;

function notADate(ctx: Ssda903Context, column: string): number[] {
  const values = ctx.values("SWEpisodes", column);
  return rowsWhere(values.length, (i) => {
    const v = values[i];
    return v != null && !DATE_SHAPE.test(v) && Number.isNaN(dayFromReturnDate(v));
  });
}

/** SW04STG1: SW_DECOM, where given, is a date. */
export const ruleSw04 = defineRule("SW04STG1", ["SWEpisodes"], (ctx) => ({ SWEpisodes: notADate(ctx, "SW_DECOM") }));

/** SW05STG1: SW_DEC, where given, is a date. */
export const ruleSw05 = defineRule("SW05STG1", ["SWEpisodes"], (ctx) => ({ SWEpisodes: notADate(ctx, "SW_DEC") }));

/** SW13STG1: the reason for the change of social worker is a listed code; it may be blank only for an episode starting before 1 April 2023. */
export const ruleSw13 = defineRule("SW13STG1", ["SWEpisodes"], (ctx) => {
  const reason = ctx.values("SWEpisodes", "SW_REASON");
  const startDay = ctx.days("SWEpisodes", "SW_DECOM");
  return {
    SWEpisodes: rowsWhere(reason.length, (i) => {
      const v = reason[i];
      return v == null ? (startDay[i] ?? Number.NaN) >= SW_REASON_REQUIRED_FROM : !SW_REASONS.has(v);
    }),
  };
});
