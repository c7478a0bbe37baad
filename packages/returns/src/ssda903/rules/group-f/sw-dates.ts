/** Stage 2 checks on one social worker episode's dates against the collection year and each other. */
import { defineRule, rowsWhere } from "../../rule.ts";

/**
 * SW06STG2: an episode does not start after the collection year ends. Episodes may start
 * before the year (one open on 1 April began earlier), so there is no lower bound.
 */
export const ruleSw06 = defineRule("SW06STG2", ["SWEpisodes"], (ctx) => {
  const start = ctx.days("SWEpisodes", "SW_DECOM");
  const end = ctx.collectionEnd;
  return { SWEpisodes: rowsWhere(start.length, (i) => (start[i] ?? Number.NaN) > end) };
});

/** SW07STG2: an episode's end date falls within the collection year (1 April to 31 March, both included). */
export const ruleSw07 = defineRule("SW07STG2", ["SWEpisodes"], (ctx) => {
  const end = ctx.days("SWEpisodes", "SW_DEC");
  const { collectionStart, collectionEnd } = ctx;
  return {
    SWEpisodes: rowsWhere(end.length, (i) => {
      const day = end[i] ?? Number.NaN;
      return day < collectionStart || day > collectionEnd;
    }),
  };
});

/**
 * SW09STG2: an episode ending the day it started. An end before the start is not flagged here
 * (the reference's example leaves it alone).
 */
export const ruleSw09 = defineRule("SW09STG2", ["SWEpisodes"], (ctx) => {
  const start = ctx.days("SWEpisodes", "SW_DECOM");
  const end = ctx.days("SWEpisodes", "SW_DEC");
  return { SWEpisodes: rowsWhere(start.length, (i) => { const s = start[i] ?? Number.NaN; return !Number.isNaN(s) && s === end[i]; }) };
});
