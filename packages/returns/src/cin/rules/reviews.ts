/** Rules on the Reviews module. */
import { defineCinRule, type CinRule } from "../rule.ts";

/**
 * 4003: a protection plan review cannot be held while one of the child's CIN plans is open:
 * strictly after the plan's start and before its end (a blank end is still open). The review
 * and the open plans are flagged.
 */
const rule4003 = defineCinRule("4003", ["Reviews", "CINplanDates"], { Reviews: ["CPPreviewDate"], CINplanDates: ["CINPlanStartDate", "CINPlanEndDate"] }, (ctx) => {
  const plans = ctx.rowsByChild("CINplanDates");
  const start = ctx.days("CINplanDates", "CINPlanStartDate");
  const end = ctx.days("CINplanDates", "CINPlanEndDate");
  const review = ctx.days("Reviews", "CPPreviewDate");
  const reviews: number[] = [];
  const open = new Set<number>();
  ctx.values("Reviews", "LAchildID").forEach((child, r) => {
    const day = review[r] ?? NaN;
    if (child === null || Number.isNaN(day)) return;
    let hit = false;
    for (const p of plans.get(child) ?? []) {
      const e = end[p] ?? NaN;
      if ((start[p] ?? NaN) < day && (Number.isNaN(e) || day < e)) {
        hit = true;
        open.add(p);
      }
    }
    if (hit) reviews.push(r);
  });
  return { Reviews: reviews, CINplanDates: open };
});

/** The Reviews rules. */
export const REVIEW_RULES: readonly CinRule[] = [rule4003];
