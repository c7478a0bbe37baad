/** Rules comparing this year's header with the one sent last year (202–208) and care leavers with last year's (348). */
import type { Ssda903Context } from "../../context.ts";
import { defineRule, rowsWhere } from "../../rule.ts";
import { dayAt } from "./shared.ts";

type Value = string | null;

/**
 * Header rows conflicting with any of last year's header rows for the same child, by a test on
 * this year's and last year's row positions (only children flagged in `onlyChildren`, by child
 * number, when given).
 */
function conflictingRows(ctx: Ssda903Context, conflicts: (row: number, lastRow: number) => boolean, onlyChildren?: Uint8Array): number[] {
  // Joined by child number (ctx.childIndex), not by Map lookups of each child's id.
  const { start, rows: lastRows } = ctx.rowsByChildIndex("Header_last");
  const children = ctx.childIndex("Header");
  return rowsWhere(children.length, (i) => {
    const child = children[i] ?? -1;
    if (child < 0 || (onlyChildren !== undefined && onlyChildren[child] !== 1)) return false;
    for (let k = start[child] ?? 0; k < (start[child + 1] ?? 0); k++) if (conflicts(i, lastRows[k] ?? 0)) return true;
    return false;
  });
}

/** Header rows whose value of `column` conflicts with last year's by a test on the two values. */
function conflictsWithLastYear(ctx: Ssda903Context, column: string, conflicts: (now: Value, last: Value) => boolean, onlyChildren?: Uint8Array): number[] {
  const now = ctx.values("Header", column);
  const last = ctx.values("Header_last", column);
  return conflictingRows(ctx, (i, r) => conflicts(now[i] ?? null, last[r] ?? null), onlyChildren);
}

const upper = (v: Value): Value => v?.toUpperCase() ?? null;
const isUnknownUpn = (upn: string): boolean => upn.startsWith("UN");

/** 202: sex must match last year's (a blank on one side only is a conflict). */
export const rule202 = defineRule("202", ["Header", "Header_last"], (ctx) => ({
  Header: conflictsWithLastYear(ctx, "SEX", (now, last) => now !== last),
}));

/** 203: date of birth must match last year's: the same text, or the same valid date spelt differently (leading zeros are optional). */
export const rule203 = defineRule("203", ["Header", "Header_last"], (ctx) => {
  const now = ctx.values("Header", "DOB");
  const last = ctx.values("Header_last", "DOB");
  const nowDay = ctx.days("Header", "DOB");
  const lastDay = ctx.days("Header_last", "DOB");
  return {
    Header: conflictingRows(ctx, (i, r) => {
      if (now[i] === last[r]) return false;
      const day = dayAt(nowDay, i);
      return Number.isNaN(day) || day !== dayAt(lastDay, r);
    }),
  };
});

/** 204: ethnic origin must match last year's (case does not matter). */
export const rule204 = defineRule("204", ["Header", "Header_last"], (ctx) => ({
  Header: conflictsWithLastYear(ctx, "ETHNIC", (now, last) => upper(now) !== upper(last)),
}));

/**
 * 207: a child recorded last year as a mother (MOTHER = 1) must still be one; becoming a mother
 * is no conflict. Only children with episodes this year are checked, as in the reference.
 */
export const rule207 = defineRule("207", ["Header", "Header_last", "Episodes"], (ctx) => {
  const looked = ctx.childPresent("Episodes");
  return { Header: conflictsWithLastYear(ctx, "MOTHER", (now, last) => last === "1" && now !== "1", looked) };
});

/**
 * 208: the UPN must match last year's (case does not matter), except that a UPN may become known
 * after an unknown code or a blank, and UN2/UN4 may be given whatever was sent before (the
 * reference's examples accept those changes and reject every other one, e.g. UN4 to UN3).
 */
export const rule208 = defineRule("208", ["Header", "Header_last"], (ctx) => ({
  Header: conflictsWithLastYear(ctx, "UPN", (nowRaw, lastRaw) => {
    const now = upper(nowRaw);
    const last = upper(lastRaw);
    if (now === last || now === "UN2" || now === "UN4") return false;
    const nowKnown = now !== null && !isUnknownUpn(now);
    const lastUnknown = last === null || isUnknownUpn(last);
    return !(nowKnown && lastUnknown);
  }),
}));

/** 348: a care leaver reported last year as having died must not be reported otherwise now. */
export const rule348 = defineRule("348", ["OC3", "OC3_last"], (ctx) => {
  const lastInTouch = ctx.values("OC3_last", "IN_TOUCH");
  const died = new Set<string>();
  ctx.values("OC3_last", "CHILD").forEach((child, i) => {
    if (child !== null && lastInTouch[i]?.toUpperCase() === "DIED") died.add(child);
  });
  const children = ctx.values("OC3", "CHILD");
  const inTouch = ctx.values("OC3", "IN_TOUCH");
  return { OC3: rowsWhere(children.length, (i) => died.has(children[i] ?? "") && inTouch[i]?.toUpperCase() !== "DIED") };
});
