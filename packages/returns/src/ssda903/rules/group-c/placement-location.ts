/**
 * Rules on postcodes and the placement fields derived from them (PL_LA, PL_LOCATION,
 * PL_DISTANCE; see postcode-distance.ts). The derived fields are present only when the Episodes
 * were given with the ONS Postcode Directory; without it they read as blank.
 */
import { isPlausiblePostcode, normalisePostcode } from "@family-story/domain";
import type { Ssda903Context } from "../../context.ts";
import { defineRule, rowsWhere, type Ssda903Rule } from "../../rule.ts";
import { upperTierAuthority } from "../../../postcode-distance.ts";
import { RESPITE_LS, uascChildren } from "./episode-views.ts";

const countedCache = new WeakMap<Ssda903Context, Uint8Array>();

/**
 * Per Episodes row, 1 for children looked after other than under respite care (V3, V4) who are
 * not (and were not) UASC; built once per validation for 392a and 392b.
 */
function lookedAfterNonUasc(ctx: Ssda903Context): Uint8Array {
  let out = countedCache.get(ctx);
  if (out === undefined) {
    const uasc = uascChildren(ctx);
    const index = ctx.childIndex("Episodes");
    const ls = ctx.values("Episodes", "LS");
    out = new Uint8Array(index.length);
    for (let i = 0; i < index.length; i++) {
      const id = index[i] ?? -1;
      if (!RESPITE_LS.has(ls[i] ?? "") && (id < 0 || uasc[id] !== 1)) out[i] = 1;
    }
    countedCache.set(ctx, out);
  }
  return out;
}

/** 392a: looked after (not V3/V4, not UASC) but no placement distance. */
export const rule392a = defineRule("392a", ["Episodes"], (ctx) => {
  const counted = lookedAfterNonUasc(ctx);
  const distance = ctx.values("Episodes", "PL_DISTANCE");
  return { Episodes: rowsWhere(distance.length, (i) => distance[i] === null && counted[i] === 1) };
});

/** 392b: looked after (not V3/V4, not UASC) but the home or placement postcode is blank. */
export const rule392b = defineRule("392b", ["Episodes"], (ctx) => {
  const counted = lookedAfterNonUasc(ctx);
  const home = ctx.values("Episodes", "HOME_POST");
  const placement = ctx.values("Episodes", "PL_POST");
  return { Episodes: rowsWhere(home.length, (i) => (home[i] === null || placement[i] === null) && counted[i] === 1) };
});

/** The shape isPlausiblePostcode accepts once normalised. */
const NORMAL_POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}$/;

/**
 * isPlausiblePostcode, quicker for most postcodes: one already in that normal shape is unchanged
 * by normalising, so it is plausible without normalising it; any other is checked in full.
 */
function plausible(value: string): boolean {
  return NORMAL_POSTCODE.test(value) || isPlausiblePostcode(value);
}

/**
 * 392c: a postcode that is not a real one. With the derived fields, a placement postcode is
 * unknown when it gave no PL_LA, and a home postcode when a known placement postcode gave no
 * distance. Without them (no directory), or for a home postcode beside a blank placement one,
 * only the shape of the postcode can be checked.
 */
export const rule392c = defineRule("392c", ["Episodes"], (ctx) => {
  const home = ctx.values("Episodes", "HOME_POST");
  const placement = ctx.values("Episodes", "PL_POST");
  const derived = ctx.hasColumn("Episodes", "PL_LA") && ctx.hasColumn("Episodes", "PL_DISTANCE");
  const plLa = ctx.values("Episodes", "PL_LA");
  const distance = ctx.values("Episodes", "PL_DISTANCE");
  const out: number[] = [];
  for (let i = 0; i < home.length; i++) {
    const h = home[i] ?? null;
    const p = placement[i] ?? null;
    let failing: boolean;
    if (!derived) failing = (h !== null && !plausible(h)) || (p !== null && !plausible(p));
    else if (p !== null && plLa[i] === null) failing = true;
    else if (h === null) failing = false;
    else failing = p === null ? !plausible(h) : distance[i] === null;
    if (failing) out.push(i);
  }
  return { Episodes: out };
});

/** 392d: home and placement postcodes are the same but the placement is not with parents (P1). */
export const rule392d = defineRule("392d", ["Episodes"], (ctx) => {
  const home = ctx.values("Episodes", "HOME_POST");
  const placement = ctx.values("Episodes", "PL_POST");
  const place = ctx.values("Episodes", "PLACE");
  return {
    Episodes: rowsWhere(home.length, (i) => {
      const h = home[i] ?? null;
      const p = placement[i] ?? null;
      if (h === null || p === null || place[i] === "P1") return false;
      // Cheap test first: postcodes whose last letters differ cannot match once normalised.
      if (h === p) return true;
      if (h.charAt(h.length - 1).toUpperCase() !== p.charAt(p.length - 1).toUpperCase()) return false;
      return normalisePostcode(h) === normalisePostcode(p);
    }),
  };
});

/** 398: a home or placement postcode given for respite care (V3, V4), which has no distance. */
export const rule398 = defineRule("398", ["Episodes"], (ctx) => {
  const ls = ctx.values("Episodes", "LS");
  const home = ctx.values("Episodes", "HOME_POST");
  const placement = ctx.values("Episodes", "PL_POST");
  return { Episodes: rowsWhere(ls.length, (i) => RESPITE_LS.has(ls[i] ?? "") && (home[i] !== null || placement[i] !== null)) };
});

/** 406: a placement distance for a child who is or was UASC. */
export const rule406 = defineRule("406", ["Episodes"], (ctx) => {
  const uasc = uascChildren(ctx);
  const index = ctx.childIndex("Episodes");
  const distance = ctx.values("Episodes", "PL_DISTANCE");
  return { Episodes: rowsWhere(index.length, (i) => distance[i] !== null && uasc[index[i] ?? -1] === 1) };
});

/**
 * 411: placement location IN but the placement's authority is not the returning one. As in the
 * reference, OUT with the returning authority is not flagged.
 */
export const rule411 = defineRule("411", ["Episodes"], (ctx) => {
  const la = ctx.metadata.localAuthority;
  if (la === null) return {};
  const returning = upperTierAuthority(la) ?? la;
  const plLa = ctx.values("Episodes", "PL_LA");
  const location = ctx.values("Episodes", "PL_LOCATION");
  return { Episodes: rowsWhere(plLa.length, (i) => location[i] === "IN" && plLa[i] !== returning) };
});

/** 420: an authority of placement for respite care (V3, V4). */
export const rule420 = defineRule("420", ["Episodes"], (ctx) => {
  const ls = ctx.values("Episodes", "LS");
  const plLa = ctx.values("Episodes", "PL_LA");
  return { Episodes: rowsWhere(ls.length, (i) => RESPITE_LS.has(ls[i] ?? "") && plLa[i] !== null) };
});

/** A placement distance as a number (NaN when blank or not a number). */
const miles = (value: string | null | undefined): number => (value == null ? Number.NaN : Number(value));

/**
 * Each child's first episode this year (earliest DECOM) whose `column` differs from the child's
 * last episode of the previous year (latest DECOM). Blank against blank is no contradiction.
 */
function contradictsLastYear(ctx: Ssda903Context, column: string, same: (a: string | null, b: string | null) => boolean): number[] {
  const lastYear = new Map<string, number>();
  const lastDecom = ctx.days("Episodes_last", "DECOM");
  for (const [child, rows] of ctx.rowsByChild("Episodes_last")) {
    const latest = rows.reduce((best, r) => ((lastDecom[r] ?? -Infinity) > (lastDecom[best] ?? -Infinity) ? r : best));
    lastYear.set(child, latest);
  }
  const decom = ctx.days("Episodes", "DECOM");
  const current = ctx.values("Episodes", column);
  const previous = ctx.values("Episodes_last", column);
  const out: number[] = [];
  for (const [child, rows] of ctx.rowsByChild("Episodes")) {
    const last = lastYear.get(child);
    if (last === undefined) continue;
    const first = rows.reduce((best, r) => ((decom[r] ?? Infinity) < (decom[best] ?? Infinity) ? r : best));
    const a = current[first] ?? null;
    const b = previous[last] ?? null;
    if (!(a === null && b === null) && !same(a, b)) out.push(first);
  }
  return out;
}

/** 452: the authority of placement changed between last year's last episode and this year's first. */
export const rule452 = defineRule("452", ["Episodes", "Episodes_last"], (ctx) => ({
  Episodes: contradictsLastYear(ctx, "PL_LA", (a, b) => a === b),
}));

/** 453: the placement distance changed between last year's last episode and this year's first (compared as numbers). */
export const rule453 = defineRule("453", ["Episodes", "Episodes_last"], (ctx) => ({
  Episodes: contradictsLastYear(ctx, "PL_DISTANCE", (a, b) => miles(a) === miles(b)),
}));

/** 454: a placement distance over 350 miles (999.9 stands for a placement abroad), for a child not UASC. */
export const rule454 = defineRule("454", ["Episodes"], (ctx) => {
  const uasc = uascChildren(ctx);
  const index = ctx.childIndex("Episodes");
  const distance = ctx.values("Episodes", "PL_DISTANCE");
  return {
    Episodes: rowsWhere(distance.length, (i) => {
      const d = miles(distance[i]);
      return d > 350 && d !== 999.9 && uasc[index[i] ?? -1] !== 1;
    }),
  };
});

/** All the rules of this file. */
export const PLACEMENT_LOCATION_RULES: readonly Ssda903Rule[] = [
  rule392a,
  rule392b,
  rule392c,
  rule392d,
  rule398,
  rule406,
  rule411,
  rule420,
  rule452,
  rule453,
  rule454,
];
