/** SW12: social worker episodes must be reported around a child's periods of care. */
import { addYears } from "../../../validation/day.ts";
import { defineRule } from "../../rule.ts";

/** Short-break legal statuses: the child is not looked after in the usual sense. */
const SHORT_BREAKS = new Set(["V3", "V4"]);

/**
 * SW12STG2: an episode that starts a period of care (RNE S) or ends one (REC other than X1,
 * or blank), outside short breaks, that is open or ended between 1 April of the year before
 * the collection year and 31 March, needs a social worker episode of the child starting on or
 * after the episode's start. The episode is flagged (in Episodes).
 *
 * What the reference does is pinned down only partly: on its 2017/18 findings exactly the
 * episodes above are flagged (no child there has SW episodes), ends on 1 April 2018 are not;
 * its example leaves an end a year before the previous year alone and accepts a social worker
 * episode starting on (not before) the episode's start.
 */
export const ruleSw12 = defineRule("SW12STG2", ["Episodes", "SWEpisodes"], (ctx) => {
  const rne = ctx.values("Episodes", "RNE");
  const rec = ctx.values("Episodes", "REC");
  const ls = ctx.values("Episodes", "LS");
  const children = ctx.values("Episodes", "CHILD");
  const decom = ctx.days("Episodes", "DECOM");
  const dec = ctx.days("Episodes", "DEC");
  const decValue = ctx.values("Episodes", "DEC");
  const swStart = ctx.days("SWEpisodes", "SW_DECOM");
  const from = addYears(ctx.collectionStart, -1);
  const to = ctx.collectionEnd;

  // The latest SW episode start of each child: "some episode starts on or after d" is "latest >= d".
  const latestSwStart = new Map<string, number>();
  for (const [child, rows] of ctx.rowsByChild("SWEpisodes")) {
    let latest = Number.NEGATIVE_INFINITY;
    for (const r of rows) {
      const s = swStart[r] ?? Number.NaN;
      if (s > latest) latest = s;
    }
    latestSwStart.set(child, latest);
  }

  const out: number[] = [];
  for (let i = 0; i < children.length; i++) {
    const boundary = rne[i] === "S" || rec[i] !== "X1";
    if (!boundary || SHORT_BREAKS.has(ls[i] ?? "")) continue;
    const end = dec[i] ?? Number.NaN;
    const inYear = decValue[i] == null || (end >= from && end <= to);
    if (!inYear) continue;
    const child = children[i];
    const latest = child == null ? undefined : latestSwStart.get(child);
    if (latest === undefined || !(latest >= (decom[i] ?? Number.NaN))) out.push(i);
  }
  return { Episodes: out };
});
