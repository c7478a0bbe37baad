/** Rules on episode dates and the child's age at them (302, 352–359). */
import { addYears, ageOn, dayFromParts } from "../../../validation/day.ts";
import { defineRule, rowsWhere } from "../../rule.ts";
import { dayAt, episodesInStartOrder, firstDayLookup, rowsOfChildren } from "./shared.ts";

/** 302: the child's first episode (earliest start) must not start before the date of birth. */
export const rule302 = defineRule("302", ["Header", "Episodes"], (ctx) => {
  const dob = firstDayLookup(ctx, "Header", "DOB");
  const decom = ctx.days("Episodes", "DECOM");
  const episodes: number[] = [];
  const failing = new Set<string>();
  for (const [child, rows] of episodesInStartOrder(ctx)) {
    const earliest = rows[0];
    if (earliest === undefined) continue;
    const first = dayAt(decom, earliest);
    if (!(first < dob(child))) continue;
    failing.add(child);
    episodes.push(...rows.filter((r) => dayAt(decom, r) === first));
  }
  return { Episodes: episodes, Header: rowsOfChildren(ctx, "Header", failing) };
});

/** 352: a child starting to be looked after (RNE S) must be under 18 then. */
export const rule352 = defineRule("352", ["Header", "Episodes"], (ctx) => {
  const dob = firstDayLookup(ctx, "Header", "DOB");
  const children = ctx.values("Episodes", "CHILD");
  const rne = ctx.values("Episodes", "RNE");
  const decom = ctx.days("Episodes", "DECOM");
  return { Episodes: rowsWhere(children.length, (i) => rne[i] === "S" && ageOn(dob(children[i]), dayAt(decom, i)) >= 18) };
});

const EARLIEST_EPISODE = dayFromParts(1991, 10, 14);

/** 353: no episode starts before 14 October 1991 (the Children Act 1989 came into force). */
export const rule353 = defineRule("353", ["Episodes"], (ctx) => {
  const decom = ctx.days("Episodes", "DECOM");
  return { Episodes: rowsWhere(decom.length, (i) => dayAt(decom, i) < EARLIEST_EPISODE) };
});

/** 354: the reference checks the episode's start (DECOM), not its end, against the collection year's end; we match it. */
export const rule354 = defineRule("354", ["Episodes"], (ctx) => {
  const decom = ctx.days("Episodes", "DECOM");
  return { Episodes: rowsWhere(decom.length, (i) => dayAt(decom, i) > ctx.collectionEnd) };
});

/** 355: an episode ending the day it started. */
export const rule355 = defineRule("355", ["Episodes"], (ctx) => {
  const decom = ctx.days("Episodes", "DECOM");
  const dec = ctx.days("Episodes", "DEC");
  return { Episodes: rowsWhere(decom.length, (i) => dayAt(dec, i) === dayAt(decom, i)) };
});

/** 356: an episode ending before it started. */
export const rule356 = defineRule("356", ["Episodes"], (ctx) => {
  const decom = ctx.days("Episodes", "DECOM");
  const dec = ctx.days("Episodes", "DEC");
  return { Episodes: rowsWhere(decom.length, (i) => dayAt(dec, i) < dayAt(decom, i)) };
});

/** 357: a child's first episode, when it starts in the collection year, must have reason S (a new period of care). */
export const rule357 = defineRule("357", ["Episodes"], (ctx) => {
  const rne = ctx.values("Episodes", "RNE");
  const decom = ctx.days("Episodes", "DECOM");
  const out: number[] = [];
  for (const rows of episodesInStartOrder(ctx).values()) {
    const first = rows[0];
    if (first !== undefined && dayAt(decom, first) >= ctx.collectionStart && rne[first] !== "S") out.push(first);
  }
  return { Episodes: out };
});

/** Youth justice legal statuses (J1–J3). */
const YOUTH_JUSTICE = new Set(["J1", "J2", "J3"]);

/** 358: a child on a youth justice legal status must be 10 or over when the episode starts. */
export const rule358 = defineRule("358", ["Header", "Episodes"], (ctx) => {
  const dob = firstDayLookup(ctx, "Header", "DOB");
  const children = ctx.values("Episodes", "CHILD");
  const ls = ctx.values("Episodes", "LS");
  const decom = ctx.days("Episodes", "DECOM");
  const failing = new Set<string>();
  const episodes = rowsWhere(children.length, (i) => {
    const child = children[i];
    if (child == null || !YOUTH_JUSTICE.has(ls[i] ?? "") || !(ageOn(dob(child), dayAt(decom, i)) < 10)) return false;
    failing.add(child);
    return true;
  });
  return { Episodes: episodes, Header: rowsOfChildren(ctx, "Header", failing) };
});

/**
 * 359: a young person 18 or over at the end of the collection year whose episode is still open
 * must be accommodated under section 20(5) (LS V2) in a children's home (PLACE K2).
 */
export const rule359 = defineRule("359", ["Header", "Episodes"], (ctx) => {
  const dob = firstDayLookup(ctx, "Header", "DOB");
  const children = ctx.values("Episodes", "CHILD");
  const dec = ctx.values("Episodes", "DEC");
  const ls = ctx.values("Episodes", "LS");
  const place = ctx.values("Episodes", "PLACE");
  return {
    Episodes: rowsWhere(children.length, (i) => {
      if (dec[i] != null || (ls[i] === "V2" && place[i] === "K2")) return false;
      return addYears(dob(children[i]), 18) <= ctx.collectionEnd;
    }),
  };
});
