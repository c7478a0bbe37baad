/** Cross-year rules on decisions to place for adoption against last year's return (559, 560, 561, 584). */
import type { Ssda903Context } from "../../context.ts";
import { defineRule } from "../../rule.ts";
import { blank } from "./shared.ts";

/** True when two filled dates differ: as days when both are valid, as text otherwise. */
function differ(ctx: Ssda903Context, row: number, lastRow: number): boolean {
  const now = ctx.days("PlacedAdoption", "DATE_PLACED")[row] ?? Number.NaN;
  const last = ctx.days("PlacedAdoption_last", "DATE_PLACED")[lastRow] ?? Number.NaN;
  if (!Number.isNaN(now) && !Number.isNaN(last)) return now !== last;
  return ctx.values("PlacedAdoption", "DATE_PLACED")[row] !== ctx.values("PlacedAdoption_last", "DATE_PLACED")[lastRow];
}

/** True when last year's decision had changed: its ceased date or reason is filled. */
function changedLastYear(ctx: Ssda903Context, lastRow: number): boolean {
  return !blank(ctx.values("PlacedAdoption_last", "DATE_PLACED_CEASED")[lastRow]) || !blank(ctx.values("PlacedAdoption_last", "REASON_PLACED_CEASED")[lastRow]);
}

/** This year's rows failing `test` against any of the same child's rows last year. */
function againstLastYear(ctx: Ssda903Context, test: (row: number, lastRow: number) => boolean): number[] {
  const lastByChild = ctx.rowsByChild("PlacedAdoption_last");
  const failing: number[] = [];
  for (const [child, rows] of ctx.rowsByChild("PlacedAdoption")) {
    const lastRows = lastByChild.get(child) ?? [];
    for (const r of rows) if (lastRows.some((l) => test(r, l))) failing.push(r);
  }
  return failing;
}

/** 559: a decision dated before this year must be in last year's return (a child absent from it fails too). */
export const rule559 = defineRule("559", ["PlacedAdoption", "PlacedAdoption_last"], (ctx) => {
  const placed = ctx.days("PlacedAdoption", "DATE_PLACED");
  const lastPlaced = ctx.values("PlacedAdoption_last", "DATE_PLACED");
  const reported = new Set<string>();
  ctx.values("PlacedAdoption_last", "CHILD").forEach((child, i) => {
    if (child !== null && !blank(lastPlaced[i])) reported.add(child);
  });
  const children = ctx.values("PlacedAdoption", "CHILD");
  const failing: number[] = [];
  placed.forEach((day, i) => {
    if (day < ctx.collectionStart && !reported.has(children[i] ?? "")) failing.push(i);
  });
  return { PlacedAdoption: failing };
});

/** 560: a decision still open last year keeps its DATE_PLACED this year. */
export const rule560 = defineRule("560", ["PlacedAdoption", "PlacedAdoption_last"], (ctx) => {
  const placed = ctx.values("PlacedAdoption", "DATE_PLACED");
  const lastPlaced = ctx.values("PlacedAdoption_last", "DATE_PLACED");
  const failing = againstLastYear(ctx, (r, l) => !blank(placed[r]) && !blank(lastPlaced[l]) && !changedLastYear(ctx, l) && differ(ctx, r, l));
  return { PlacedAdoption: failing };
});

/** 561: a decision that had ceased last year cannot come back with the same DATE_PLACED. */
export const rule561 = defineRule("561", ["PlacedAdoption", "PlacedAdoption_last"], (ctx) => {
  const placed = ctx.values("PlacedAdoption", "DATE_PLACED");
  const lastPlaced = ctx.values("PlacedAdoption_last", "DATE_PLACED");
  const failing = againstLastYear(ctx, (r, l) => !blank(placed[r]) && !blank(lastPlaced[l]) && changedLastYear(ctx, l) && !differ(ctx, r, l));
  return { PlacedAdoption: failing };
});

/**
 * 584: after last year's decision changed, this year's decision must be a new one, dated after
 * last year's DATE_PLACED; a blank DATE_PLACED this year fails (as in the reference's example).
 */
export const rule584 = defineRule("584", ["PlacedAdoption", "PlacedAdoption_last"], (ctx) => {
  const placed = ctx.days("PlacedAdoption", "DATE_PLACED");
  const lastPlaced = ctx.days("PlacedAdoption_last", "DATE_PLACED");
  const lastText = ctx.values("PlacedAdoption_last", "DATE_PLACED");
  const failing = againstLastYear(ctx, (r, l) => !blank(lastText[l]) && changedLastYear(ctx, l) && !((placed[r] ?? Number.NaN) > (lastPlaced[l] ?? Number.NaN)));
  return { PlacedAdoption: failing };
});
