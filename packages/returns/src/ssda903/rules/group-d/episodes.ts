/** Rules on the order and continuity of a child's episodes within this year (501, 504). */
import { defineRule } from "../../rule.ts";
import { orderByDay } from "./shared.ts";

/** 501: an episode must not start before the previous episode (in DECOM order) ended. */
export const rule501 = defineRule("501", ["Episodes"], (ctx) => {
  const decom = ctx.days("Episodes", "DECOM");
  const dec = ctx.days("Episodes", "DEC");
  const failing: number[] = [];
  for (const rows of ctx.rowsByChild("Episodes").values()) {
    const ordered = orderByDay(rows, decom);
    for (let i = 1; i < ordered.length; i++) {
      const row = ordered[i] ?? 0;
      const previous = ordered[i - 1] ?? 0;
      if ((decom[row] ?? Number.NaN) < (dec[previous] ?? Number.NaN)) failing.push(row);
    }
  }
  return { Episodes: failing };
});

/**
 * 504: within a period of care the category of need must stay what it was at the period's start.
 * A period continues while the previous episode ceased X1 and this one starts on the day it ended.
 */
export const rule504 = defineRule("504", ["Episodes"], (ctx) => {
  const decom = ctx.days("Episodes", "DECOM");
  const dec = ctx.days("Episodes", "DEC");
  const cin = ctx.values("Episodes", "CIN");
  const rec = ctx.values("Episodes", "REC");
  const failing: number[] = [];
  for (const rows of ctx.rowsByChild("Episodes").values()) {
    const ordered = orderByDay(rows, decom);
    let startNeed: string | null = null;
    ordered.forEach((row, i) => {
      const previous = i > 0 ? ordered[i - 1] : undefined;
      const continues = previous !== undefined && rec[previous] === "X1" && decom[row] === dec[previous];
      if (!continues) startNeed = cin[row] ?? null;
      else if ((cin[row] ?? null) !== startNeed) failing.push(row);
    });
  }
  return { Episodes: failing };
});
