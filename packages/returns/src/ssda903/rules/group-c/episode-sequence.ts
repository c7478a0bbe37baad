/**
 * Rules on how a child's episodes follow one another: the reason a new episode began against the
 * episode before it, and the reason an episode ceased against the episode after it. Episodes are
 * taken in DECOM order within each child.
 */
import type { Ssda903Context } from "../../context.ts";
import { defineRule, rowsWhere, type Ssda903Rule } from "../../rule.ts";
import { episodesInStartOrder } from "./episode-views.ts";

/**
 * Episodes whose pair with the episode before fails the test, over each child's consecutive
 * episodes in start order.
 */
function pairsWhere(ctx: Ssda903Context, failing: (previous: number, current: number) => boolean): number[] {
  const { children, start, rows } = episodesInStartOrder(ctx);
  const out: number[] = [];
  for (const c of children) {
    const to = start[c + 1] ?? 0;
    for (let k = (start[c] ?? 0) + 1; k < to; k++) {
      const current = rows[k] ?? -1;
      if (failing(rows[k - 1] ?? -1, current)) out.push(current);
    }
  }
  return out;
}

/** 385: DEC after the end of the collection year. */
export const rule385 = defineRule("385", ["Episodes"], (ctx) => {
  const dec = ctx.days("Episodes", "DEC");
  return { Episodes: rowsWhere(dec.length, (i) => (dec[i] ?? Number.NaN) > ctx.collectionEnd) };
});

/**
 * 388: the reason ceased and the next episode disagree: REC X1 (new episode begins) without a
 * next episode starting on its DEC, or another reason with one. An open X1 episode is flagged.
 */
export const rule388 = defineRule("388", ["Episodes"], (ctx) => {
  const rec = ctx.values("Episodes", "REC");
  const decom = ctx.days("Episodes", "DECOM");
  const dec = ctx.days("Episodes", "DEC");
  const { children, start, rows } = episodesInStartOrder(ctx);
  const out: number[] = [];
  for (const c of children) {
    const to = start[c + 1] ?? 0;
    for (let k = start[c] ?? 0; k < to; k++) {
      const r = rows[k] ?? -1;
      const continues = k + 1 < to && decom[rows[k + 1] ?? -1] === dec[r];
      if (rec[r] === "X1" ? !continues : rec[r] !== null && continues) out.push(r);
    }
  }
  return { Episodes: out };
});

/**
 * 431: started to be looked after (RNE S) while the episode before had not ended before this
 * one began (its DEC on or after this DECOM), as the reference reads "ended on the same day".
 */
export const rule431 = defineRule("431", ["Episodes"], (ctx) => {
  const rne = ctx.values("Episodes", "RNE");
  const decom = ctx.days("Episodes", "DECOM");
  const dec = ctx.days("Episodes", "DEC");
  return { Episodes: pairsWhere(ctx, (p, c) => rne[c] === "S" && (dec[p] ?? Number.NaN) >= (decom[c] ?? Number.NaN)) };
});

/** 432: the episode before ended care (REC other than X1) but this one is not a new start (RNE S). */
export const rule432 = defineRule("432", ["Episodes"], (ctx) => {
  const rne = ctx.values("Episodes", "RNE");
  const rec = ctx.values("Episodes", "REC");
  return { Episodes: pairsWhere(ctx, (p, c) => rne[c] !== "S" && rec[p] !== null && rec[p] !== "X1") };
});

const CONTINUATIONS = new Set(["L", "P", "T", "U", "B"]);

/** 433: a continuation episode (RNE other than S) that does not start on the DEC of the episode before. */
export const rule433 = defineRule("433", ["Episodes"], (ctx) => {
  const rne = ctx.values("Episodes", "RNE");
  const decom = ctx.days("Episodes", "DECOM");
  const dec = ctx.days("Episodes", "DEC");
  return { Episodes: pairsWhere(ctx, (p, c) => CONTINUATIONS.has(rne[c] ?? "") && decom[c] !== dec[p]) };
});

/** The fields that describe the placement; blank equals blank when comparing episodes. */
const PLACEMENT_FIELDS = ["PLACE", "PL_POST", "URN", "PLACE_PROVIDER"] as const;

/** Compares consecutive episodes' legal status and placement. */
function changes(ctx: Ssda903Context): { legalStatus: (p: number, c: number) => boolean; placement: (p: number, c: number) => boolean } {
  const ls = ctx.values("Episodes", "LS");
  const fields = PLACEMENT_FIELDS.map((f) => ctx.values("Episodes", f));
  return {
    legalStatus: (p, c) => ls[p] !== ls[c],
    placement: (p, c) => fields.some((values) => values[p] !== values[c]),
  };
}

/** 434: legal status change only (RNE L) but the legal status is unchanged or the placement changed. */
export const rule434 = defineRule("434", ["Episodes"], (ctx) => {
  const rne = ctx.values("Episodes", "RNE");
  const changed = changes(ctx);
  return { Episodes: pairsWhere(ctx, (p, c) => rne[c] === "L" && (!changed.legalStatus(p, c) || changed.placement(p, c))) };
});

/**
 * 435: placement change only but the legal status changed or the placement did not. The
 * reference applies this to RNE P and T alike.
 */
export const rule435 = defineRule("435", ["Episodes"], (ctx) => {
  const rne = ctx.values("Episodes", "RNE");
  const changed = changes(ctx);
  return {
    Episodes: pairsWhere(ctx, (p, c) => (rne[c] === "P" || rne[c] === "T") && (changed.legalStatus(p, c) || !changed.placement(p, c))),
  };
});

/**
 * 436: placement and legal status both changed but one of them did not. The reference applies
 * this to RNE B and U.
 */
export const rule436 = defineRule("436", ["Episodes"], (ctx) => {
  const rne = ctx.values("Episodes", "RNE");
  const changed = changes(ctx);
  return {
    Episodes: pairsWhere(ctx, (p, c) => (rne[c] === "B" || rne[c] === "U") && (!changed.legalStatus(p, c) || !changed.placement(p, c))),
  };
});

/** 437: the child died (E2) or reached 18 (E15) but has later episodes; the ceased episode is flagged. */
export const rule437 = defineRule("437", ["Episodes"], (ctx) => {
  const rec = ctx.values("Episodes", "REC");
  const { children, start, rows } = episodesInStartOrder(ctx);
  const out: number[] = [];
  for (const c of children) {
    // Every episode but the child's last has a later one.
    const to = (start[c + 1] ?? 0) - 1;
    for (let k = start[c] ?? 0; k < to; k++) {
      const p = rows[k] ?? -1;
      if (rec[p] === "E2" || rec[p] === "E15") out.push(p);
    }
  }
  return { Episodes: out };
});

/** All the rules of this file. */
export const EPISODE_SEQUENCE_RULES: readonly Ssda903Rule[] = [rule385, rule388, rule431, rule432, rule433, rule434, rule435, rule436, rule437];
