/** Rules on the Header, Reviews and OC3 fields against the child's age and legal status. */
import type { Ssda903Context } from "../../context.ts";
import { defineRule, rowsWhere, type Ssda903Rule } from "../../rule.ts";
import { ageOn } from "../../../validation/day.ts";
import { LOOKED_AFTER, RESPITE_LS, RESPITE_ONLY, episodesByChild, respiteByChild } from "./episode-views.ts";

/**
 * 391: care leaver outcomes (IN_TOUCH, ACTIV or ACCOM given) for a young person not aged 17 to 21
 * at the end of the collection year.
 */
export const rule391 = defineRule("391", ["OC3"], (ctx) => {
  const dob = ctx.days("OC3", "DOB");
  const fields = ["IN_TOUCH", "ACTIV", "ACCOM"].map((c) => ctx.values("OC3", c));
  return {
    OC3: rowsWhere(dob.length, (i) => {
      if (!fields.some((values) => values[i] !== null)) return false;
      const age = ageOn(dob[i] ?? Number.NaN, ctx.collectionEnd);
      return age < 17 || age > 21;
    }),
  };
});

/**
 * 393: a girl looked after other than under V3/V4 without the mother field. The reference
 * recognises only SEX "F" (not the numeric code 2) and reads legal status case-insensitively.
 */
export const rule393 = defineRule("393", ["Header", "Episodes"], (ctx) => {
  const ls = ctx.values("Episodes", "LS");
  const episodeChild = ctx.childIndex("Episodes");
  const lookedAfter = new Uint8Array(ctx.childCount);
  for (let i = 0; i < episodeChild.length; i++) {
    const id = episodeChild[i] ?? -1;
    const v = ls[i] ?? "";
    if (id >= 0 && v !== "V3" && v !== "V4" && !RESPITE_LS.has(v.toUpperCase())) lookedAfter[id] = 1;
  }
  const child = ctx.childIndex("Header");
  const sex = ctx.values("Header", "SEX");
  const mother = ctx.values("Header", "MOTHER");
  return { Header: rowsWhere(child.length, (i) => sex[i] === "F" && mother[i] === null && lookedAfter[child[i] ?? -1] === 1) };
});

/**
 * 399: a child only ever under respite care (every episode V3/V4) with the mother field or a
 * review recorded. The child's Header rows, its reviews that have a date or participation code and
 * all its episodes are flagged.
 */
export const rule399 = defineRule("399", ["Episodes", "Header"], (ctx) => {
  const respite = respiteByChild(ctx);
  const isFlagged = new Uint8Array(ctx.childCount);
  // Flagged children in the order the findings list them: those with a review first.
  const flagged: number[] = [];
  const reviewRows: number[] = [];
  if (ctx.has("Reviews")) {
    const review = ctx.values("Reviews", "REVIEW");
    const code = ctx.values("Reviews", "REVIEW_CODE");
    const reviewChild = ctx.childIndex("Reviews");
    for (let i = 0; i < reviewChild.length; i++) {
      const id = reviewChild[i] ?? -1;
      if (id < 0 || respite[id] !== RESPITE_ONLY || (review[i] === null && code[i] === null)) continue;
      reviewRows.push(i);
      if (isFlagged[id] === 1) continue;
      isFlagged[id] = 1;
      flagged.push(id);
    }
  }
  const mother = ctx.values("Header", "MOTHER");
  const header = ctx.rowsByChildIndex("Header");
  const episodes = episodesByChild(ctx);
  for (const id of episodes.children) {
    if (respite[id] !== RESPITE_ONLY || isFlagged[id] === 1) continue;
    const to = header.start[id + 1] ?? 0;
    for (let k = header.start[id] ?? 0; k < to; k++) {
      if (mother[header.rows[k] ?? -1] === null) continue;
      isFlagged[id] = 1;
      flagged.push(id);
      break;
    }
  }
  // A child's qualifying reviews, grouped in row order, as the flagged children list them.
  const reviewsOf = new Map<number, number[]>();
  const reviewChild = ctx.childIndex("Reviews");
  for (const i of reviewRows) {
    const id = reviewChild[i] ?? -1;
    const list = reviewsOf.get(id);
    if (list === undefined) reviewsOf.set(id, [i]);
    else list.push(i);
  }
  const out = { Header: [] as number[], Reviews: [] as number[], Episodes: [] as number[] };
  for (const id of flagged) {
    appendRows(out.Header, header.start, header.rows, id);
    for (const r of reviewsOf.get(id) ?? []) out.Reviews.push(r);
    appendRows(out.Episodes, episodes.start, episodes.rows, id);
  }
  return out;
});

/** Appends the grouped rows of one child number. */
function appendRows(out: number[], start: Int32Array, rows: Int32Array, id: number): void {
  const to = start[id + 1] ?? 0;
  for (let k = start[id] ?? 0; k < to; k++) out.push(rows[k] ?? -1);
}

/** Participation codes for a child aged 4 or over at the review. */
const OLDER_CHILD_CODES = new Set(["PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"]);

/** The child's age at each review, from the Reviews table's own DOB. */
function ageAtReview(ctx: Ssda903Context): (row: number) => number {
  const dob = ctx.days("Reviews", "DOB");
  const review = ctx.days("Reviews", "REVIEW");
  return (i) => ageOn(dob[i] ?? Number.NaN, review[i] ?? Number.NaN);
}

/** 440: participation code PN0 (under 4) but the child was 4 or over at the review. */
export const rule440 = defineRule("440", ["Reviews"], (ctx) => {
  const code = ctx.values("Reviews", "REVIEW_CODE");
  const age = ageAtReview(ctx);
  return { Reviews: rowsWhere(code.length, (i) => code[i] === "PN0" && age(i) >= 4) };
});

/** 441: participation code PN1–PN7 (4 or over) but the child was under 4 at the review. */
export const rule441 = defineRule("441", ["Reviews"], (ctx) => {
  const code = ctx.values("Reviews", "REVIEW_CODE");
  const age = ageAtReview(ctx);
  return { Reviews: rowsWhere(code.length, (i) => OLDER_CHILD_CODES.has(code[i] ?? "") && age(i) < 4) };
});

/** 442: no UPN for a child looked after other than only under respite care (V3, V4). */
export const rule442 = defineRule("442", ["Header", "Episodes"], (ctx) => {
  const respite = respiteByChild(ctx);
  const child = ctx.childIndex("Header");
  const upn = ctx.values("Header", "UPN");
  return { Header: rowsWhere(child.length, (i) => upn[i] === null && respite[child[i] ?? -1] === LOOKED_AFTER) };
});

/** The codes that stand for an unknown UPN (UN1–UN7); these may repeat. */
const UNKNOWN_UPN = /^UN[1-7]$/;

/** 444: a UPN given for more than one Header row; every such row is flagged. */
export const rule444 = defineRule("444", ["Header"], (ctx) => {
  const upn = ctx.values("Header", "UPN");
  const counts = new Map<string, number>();
  for (const u of upn) if (u !== null && !UNKNOWN_UPN.test(u)) counts.set(u, (counts.get(u) ?? 0) + 1);
  return { Header: rowsWhere(upn.length, (i) => (counts.get(upn[i] ?? "") ?? 0) > 1) };
});

/** All the rules of this file. */
export const CHILD_DETAIL_RULES: readonly Ssda903Rule[] = [rule391, rule393, rule399, rule440, rule441, rule442, rule444];
