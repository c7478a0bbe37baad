/** Rules on the previous permanence option (PrevPerm): 630–635. */
import { dayFromReturnDate } from "../../../validation/day.ts";
import { defineRule, rowsWhere } from "../../rule.ts";
import { LA_PERM_CODES } from "./la-codes.ts";
import { firstRowByChild } from "./shared.ts";

/** PREV_PERM: adoption, special guardianship, child arrangements/residence order, and none/unknown. */
const PREV_PERM_CODES: ReadonlySet<string> = new Set(["P1", "P2", "P3", "P4", "Z1"]);
const PERM_FIELDS = ["PREV_PERM", "LA_PERM", "DATE_PERM"] as const;

/**
 * 630: a child starting a new period of care this year (RNE S, DECOM on or after 1 April) needs
 * PREV_PERM and, unless it is Z1 (none), LA_PERM and DATE_PERM.
 */
export const rule630 = defineRule("630", ["Episodes", "PrevPerm"], (ctx) => {
  const prev = ctx.values("PrevPerm", "PREV_PERM");
  const la = ctx.values("PrevPerm", "LA_PERM");
  const date = ctx.values("PrevPerm", "DATE_PERM");
  const perm = firstRowByChild(ctx, "PrevPerm");
  const child = ctx.values("Episodes", "CHILD");
  const rne = ctx.values("Episodes", "RNE");
  const decom = ctx.days("Episodes", "DECOM");
  return {
    Episodes: rowsWhere(child.length, (e) => {
      if (rne[e] !== "S" || !((decom[e] ?? Number.NaN) >= ctx.collectionStart)) return false;
      const p = perm.get(child[e] ?? "");
      if (p === undefined) return true;
      const option = prev[p] ?? null;
      if (option === null) return true;
      return option !== "Z1" && ((la[p] ?? null) === null || (date[p] ?? null) === null);
    }),
  };
});

/** 631: PREV_PERM must be one of the codes. */
export const rule631 = defineRule("631", ["PrevPerm"], (ctx) => {
  const prev = ctx.values("PrevPerm", "PREV_PERM");
  return { PrevPerm: rowsWhere(prev.length, (i) => { const v = prev[i] ?? null; return v !== null && !PREV_PERM_CODES.has(v); }) };
});

/** A DATE_PERM with an unknown day and/or month (ZZ/MM/YYYY, ZZ/ZZ/YYYY …), which the guide allows. */
const PARTIAL_DATE = /^(\d{1,2}|ZZ)\/(\d{1,2}|ZZ)\/(\d{4}|ZZZZ)$/;

/**
 * 632: DATE_PERM must be a valid date (or a partial one with ZZ for what is unknown) and before
 * the child's DECOM. Flags the PrevPerm row and the episodes it fails against: every episode of
 * the child when the date is invalid; those starting on or before it otherwise.
 */
export const rule632 = defineRule("632", ["Episodes", "PrevPerm"], (ctx) => {
  const text = ctx.values("PrevPerm", "DATE_PERM");
  const decom = ctx.days("Episodes", "DECOM");
  const episodesByChild = ctx.rowsByChild("Episodes");
  const child = ctx.values("PrevPerm", "CHILD");
  const perm: number[] = [];
  const episodes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const value = text[i] ?? null;
    if (value === null) continue;
    const rows = episodesByChild.get(child[i] ?? "") ?? [];
    const day = dayFromReturnDate(value);
    const invalid = Number.isNaN(day) && !(value.includes("Z") && PARTIAL_DATE.test(value));
    // A partial date is accepted as it stands: there is no day to compare with DECOM.
    const failing = invalid ? rows : rows.filter((e) => day >= (decom[e] ?? Number.NaN));
    if (invalid || failing.length > 0) {
      perm.push(i);
      episodes.push(...failing);
    }
  }
  return { PrevPerm: perm, Episodes: episodes };
});

/** 633: LA_PERM must be a local authority code (or NIR, SCO, WAL, NUK). */
export const rule633 = defineRule("633", ["PrevPerm"], (ctx) => {
  const la = ctx.values("PrevPerm", "LA_PERM");
  return { PrevPerm: rowsWhere(la.length, (i) => { const v = la[i] ?? null; return v !== null && !LA_PERM_CODES.has(v); }) };
});

/**
 * 634: previous permanence details belong to children who started to be looked after this year.
 * A child with any PrevPerm field whose latest DECOM is before the collection year is flagged on
 * the PrevPerm row and every episode. The reference compares with the collection start, not the
 * fixed 1 April 2016 of the message (its fixture findings fit only that).
 */
export const rule634 = defineRule("634", ["Episodes", "PrevPerm"], (ctx) => {
  const fields = PERM_FIELDS.map((f) => ctx.values("PrevPerm", f));
  const decom = ctx.days("Episodes", "DECOM");
  const episodesByChild = ctx.rowsByChild("Episodes");
  const perm: number[] = [];
  const episodes: number[] = [];
  for (const [child, rows] of ctx.rowsByChild("PrevPerm")) {
    const filled = rows.filter((p) => fields.some((col) => (col[p] ?? null) !== null));
    if (filled.length === 0) continue;
    const own = episodesByChild.get(child);
    if (own === undefined) continue;
    let latest = Number.NaN;
    for (const e of own) {
      const d = decom[e] ?? Number.NaN;
      if (!Number.isNaN(d) && !(d <= latest)) latest = d;
    }
    if (latest < ctx.collectionStart) {
      perm.push(...filled);
      episodes.push(...own);
    }
  }
  return { PrevPerm: perm, Episodes: episodes };
});

/** 635: LA_PERM or DATE_PERM given without PREV_PERM. */
export const rule635 = defineRule("635", ["PrevPerm"], (ctx) => {
  const prev = ctx.values("PrevPerm", "PREV_PERM");
  const la = ctx.values("PrevPerm", "LA_PERM");
  const date = ctx.values("PrevPerm", "DATE_PERM");
  return { PrevPerm: rowsWhere(prev.length, (i) => (prev[i] ?? null) === null && ((la[i] ?? null) !== null || (date[i] ?? null) !== null)) };
});
