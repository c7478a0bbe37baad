/** Rules on the Reviews table and on the date UASC status ceased. */
import { defineRule, rowsWhere } from "../../rule.ts";
import { dateRule, filled } from "./helpers.ts";

/**
 * 104: the date UASC status ceased must be a real date when given. The reference also fails a
 * date before the collection year began, which the message does not say; matched.
 */
export const rule104 = defineRule("104", ["UASC"], (ctx) => {
  const duc = ctx.values("UASC", "DUC");
  const days = ctx.days("UASC", "DUC");
  return { UASC: rowsWhere(duc.length, (i) => filled(duc[i]) && (Number.isNaN(days[i]) || (days[i] ?? 0) < ctx.collectionStart)) };
});

/** 166: every review needs a real date (a blank fails). */
export const rule166 = dateRule("166", "Reviews", "REVIEW", "invalid");

const PARTICIPATION = new Set(["PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"]);

/** 167: a dated review needs a participation code PN0–PN7. */
export const rule167 = defineRule("167", ["Reviews"], (ctx) => {
  const review = ctx.values("Reviews", "REVIEW");
  const code = ctx.values("Reviews", "REVIEW_CODE");
  return { Reviews: rowsWhere(review.length, (i) => filled(review[i]) && !PARTICIPATION.has(code[i] ?? "")) };
});
