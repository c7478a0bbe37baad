/** Rules on placement types against legal status and the episode sequence: temporary, respite, adoption. */
import { defineRule, rowsWhere, type Ssda903Rule } from "../../rule.ts";
import { dayFromParts } from "../../../validation/day.ts";
import { RESPITE_LS, TEMPORARY_PLACES, episodesByChild, episodesInStartOrder } from "./episode-views.ts";

const isTemporary = (place: string | null): boolean => place !== null && TEMPORARY_PLACES.has(place);
const isRespite = (ls: string | null): boolean => ls !== null && RESPITE_LS.has(ls);

/**
 * 377: more than two temporary placements for the foster carers' holiday (T3): every T3 episode
 * of the child is flagged. The reference counts all of the child's T3 episodes in the return.
 */
export const rule377 = defineRule("377", ["Episodes"], (ctx) => {
  const place = ctx.values("Episodes", "PLACE");
  const { children, start, rows } = episodesByChild(ctx);
  const out: number[] = [];
  for (const c of children) {
    const from = start[c] ?? 0;
    const to = start[c + 1] ?? 0;
    let holidays = 0;
    for (let k = from; k < to; k++) if (place[rows[k] ?? -1] === "T3") holidays++;
    if (holidays > 2) for (let k = from; k < to; k++) if (place[rows[k] ?? -1] === "T3") out.push(rows[k] ?? -1);
  }
  return { Episodes: out };
});

/** 378: placed with parents (P1) under a single period of accommodation (V2). */
export const rule378 = defineRule("378", ["Episodes"], (ctx) => {
  const place = ctx.values("Episodes", "PLACE");
  const ls = ctx.values("Episodes", "LS");
  return { Episodes: rowsWhere(place.length, (i) => place[i] === "P1" && ls[i] === "V2") };
});

const PERIOD_STARTS = new Set(["S", "L", "T", "U"]);

/**
 * 380: a temporary placement starting a period of care. The reference treats RNE S, L, T and U
 * as a start here, but not P or B.
 */
export const rule380 = defineRule("380", ["Episodes"], (ctx) => {
  const place = ctx.values("Episodes", "PLACE");
  const rne = ctx.values("Episodes", "RNE");
  return { Episodes: rowsWhere(place.length, (i) => isTemporary(place[i] ?? null) && PERIOD_STARTS.has(rne[i] ?? "")) };
});

/** 381: a temporary placement ending a period of care (REC other than X1). */
export const rule381 = defineRule("381", ["Episodes"], (ctx) => {
  const place = ctx.values("Episodes", "PLACE");
  const rec = ctx.values("Episodes", "REC");
  return { Episodes: rowsWhere(place.length, (i) => isTemporary(place[i] ?? null) && rec[i] !== null && rec[i] !== "X1") };
});

/** 382: respite care (V3, V4) in a temporary placement. */
export const rule382 = defineRule("382", ["Episodes"], (ctx) => {
  const place = ctx.values("Episodes", "PLACE");
  const ls = ctx.values("Episodes", "LS");
  return { Episodes: rowsWhere(place.length, (i) => isTemporary(place[i] ?? null) && isRespite(ls[i] ?? null)) };
});

/**
 * 383: after a temporary placement the child must go back to the placement before it: the
 * episode after it must be a change of placement only (RNE P) with the same PLACE and PL_POST as
 * the episode before it. The episode after is flagged; blank equals blank.
 */
export const rule383 = defineRule("383", ["Episodes"], (ctx) => {
  const place = ctx.values("Episodes", "PLACE");
  const rne = ctx.values("Episodes", "RNE");
  const postcode = ctx.values("Episodes", "PL_POST");
  const { children, start, rows } = episodesInStartOrder(ctx);
  const out: number[] = [];
  for (const c of children) {
    const to = start[c + 1] ?? 0;
    for (let k = (start[c] ?? 0) + 1; k + 1 < to; k++) {
      const before = rows[k - 1] ?? -1;
      const temporary = rows[k] ?? -1;
      const after = rows[k + 1] ?? -1;
      if (!isTemporary(place[temporary] ?? null)) continue;
      if (rne[after] !== "P" || place[after] !== place[before] || postcode[after] !== postcode[before]) out.push(after);
    }
  }
  return { Episodes: out };
});

/** 384: respite care (V3, V4) in a long-term foster placement (U1, U4). */
export const rule384 = defineRule("384", ["Episodes"], (ctx) => {
  const place = ctx.values("Episodes", "PLACE");
  const ls = ctx.values("Episodes", "LS");
  return { Episodes: rowsWhere(place.length, (i) => (place[i] === "U1" || place[i] === "U4") && isRespite(ls[i] ?? null)) };
});

const ADOPTION_PLACES = new Set(["A3", "A4", "A5", "A6"]);

/**
 * 390: adopted (E11, E12) from an episode that is not a placement for adoption (A3–A6). The
 * reference looks only at the ceasing episode's own placement, not the child's earlier ones.
 */
export const rule390 = defineRule("390", ["Episodes"], (ctx) => {
  const place = ctx.values("Episodes", "PLACE");
  const rec = ctx.values("Episodes", "REC");
  return { Episodes: rowsWhere(place.length, (i) => (rec[i] === "E11" || rec[i] === "E12") && !ADOPTION_PLACES.has(place[i] ?? "")) };
});

/** 408: placed for adoption with a placement order (A5, A6) but the legal status is not a placement order (E1). */
export const rule408 = defineRule("408", ["Episodes"], (ctx) => {
  const place = ctx.values("Episodes", "PLACE");
  const ls = ctx.values("Episodes", "LS");
  return { Episodes: rowsWhere(place.length, (i) => (place[i] === "A5" || place[i] === "A6") && ls[i] !== "E1") };
});

/** 426: a child with both V3 and V4 episodes: all of them are flagged. */
export const rule426 = defineRule("426", ["Episodes"], (ctx) => {
  const ls = ctx.values("Episodes", "LS");
  const { children, start, rows } = episodesByChild(ctx);
  const out: number[] = [];
  for (const c of children) {
    const from = start[c] ?? 0;
    const to = start[c + 1] ?? 0;
    let v3 = false;
    let v4 = false;
    for (let k = from; k < to; k++) {
      const v = ls[rows[k] ?? -1];
      if (v === "V3") v3 = true;
      else if (v === "V4") v4 = true;
    }
    if (v3 && v4) for (let k = from; k < to; k++) if (isRespite(ls[rows[k] ?? -1] ?? null)) out.push(rows[k] ?? -1);
  }
  return { Episodes: out };
});

const PLACEMENT_ORDERS_BEGAN = dayFromParts(2005, 12, 1);

/** 446: a placement order (E1) on an episode starting before 1 December 2005. */
export const rule446 = defineRule("446", ["Episodes"], (ctx) => {
  const ls = ctx.values("Episodes", "LS");
  const decom = ctx.days("Episodes", "DECOM");
  return { Episodes: rowsWhere(ls.length, (i) => ls[i] === "E1" && (decom[i] ?? Number.NaN) < PLACEMENT_ORDERS_BEGAN) };
});

/** All the rules of this file. */
export const PLACEMENT_TYPE_RULES: readonly Ssda903Rule[] = [rule377, rule378, rule380, rule381, rule382, rule383, rule384, rule390, rule408, rule426, rule446];
