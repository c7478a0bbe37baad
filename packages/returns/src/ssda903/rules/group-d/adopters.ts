/** Rules on the adopters (AD1) and their dates against placements and decisions (511–525, 582). */
import { defineRule, rowsWhere, type Ssda903Rule } from "../../rule.ts";
import { ADOPTED, ADOPTION_PLACEMENTS, blank, childPairs } from "./shared.ts";

/** 511: two adopters must be recorded as MM, FF or MF (a blank SEX_ADOPTR is left to other rules, as the reference does). */
export const rule511 = defineRule("511", ["AD1"], (ctx) => {
  const number = ctx.values("AD1", "NB_ADOPTR");
  const sex = ctx.values("AD1", "SEX_ADOPTR");
  const couples = new Set(["MM", "FF", "MF"]);
  return { AD1: rowsWhere(sex.length, (i) => number[i] === "2" && sex[i] !== null && !couples.has(sex[i] ?? "")) };
});

/** A rule that adopters of a legal status must have one of the given genders (a blank gender fails). */
function statusGenders(code: string, status: string, genders: readonly string[]): Ssda903Rule {
  const allowed = new Set(genders);
  return defineRule(code, ["AD1"], (ctx) => {
    const ls = ctx.values("AD1", "LS_ADOPTR");
    const sex = ctx.values("AD1", "SEX_ADOPTR");
    return { AD1: rowsWhere(ls.length, (i) => ls[i] === status && !allowed.has(sex[i] ?? "")) };
  });
}

/** 514: a single adopter (L0) must be M1 or F1. */
export const rule514 = statusGenders("514", "L0", ["M1", "F1"]);
/** 517: L3 adopters must be MF. */
export const rule517 = statusGenders("517", "L3", ["MF"]);
/** 518: L4 adopters must be MM or FF. */
export const rule518 = statusGenders("518", "L4", ["MM", "FF"]);
/** 519: a civil partnership couple (L2) must be a couple. */
export const rule519 = statusGenders("519", "L2", ["MM", "FF", "MF"]);
/** 524: L12 adopters must be MM or FF. */
export const rule524 = statusGenders("524", "L12", ["MM", "FF"]);

/** 520: a different-gender married couple (L11) must be MF. */
export const rule520 = statusGenders("520", "L11", ["MF"]);

/** 521: each placement for adoption (A3–A6) must start on or after the adoption decision (DATE_INT); both rows fail. */
export const rule521 = defineRule("521", ["Episodes", "AD1"], (ctx) => {
  const place = ctx.values("Episodes", "PLACE");
  const decom = ctx.days("Episodes", "DECOM");
  const dateInt = ctx.days("AD1", "DATE_INT");
  const episodes: number[] = [];
  const adopters = new Set<number>();
  for (const [, rows, adRows] of childPairs(ctx, "Episodes", "AD1")) {
    for (const r of rows) {
      if (!ADOPTION_PLACEMENTS.has(place[r] ?? "")) continue;
      const early = adRows.filter((a) => (decom[r] ?? Number.NaN) < (dateInt[a] ?? Number.NaN));
      if (early.length === 0) continue;
      episodes.push(r);
      for (const a of early) adopters.add(a);
    }
  }
  return { Episodes: episodes, AD1: adopters };
});

/** 523: the decision to place for adoption (DATE_PLACED) must be the date adoption was decided best (DATE_INT); both valid dates. */
export const rule523 = defineRule("523", ["PlacedAdoption", "AD1"], (ctx) => {
  const placed = ctx.days("PlacedAdoption", "DATE_PLACED");
  const decided = ctx.days("AD1", "DATE_INT");
  const pa = new Set<number>();
  const ad = new Set<number>();
  for (const [, paRows, adRows] of childPairs(ctx, "PlacedAdoption", "AD1")) {
    for (const p of paRows) {
      for (const a of adRows) {
        const x = placed[p] ?? Number.NaN;
        const y = decided[a] ?? Number.NaN;
        if (Number.isNaN(x) || Number.isNaN(y) || x === y) continue;
        pa.add(p);
        ad.add(a);
      }
    }
  }
  return { PlacedAdoption: pa, AD1: ad };
});

const AD1_DETAILS = ["DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"] as const;

/** 525: a child whose decision to be placed for adoption ceased cannot have adoption details; both rows fail. */
export const rule525 = defineRule("525", ["PlacedAdoption", "AD1"], (ctx) => {
  const ceased = ctx.values("PlacedAdoption", "DATE_PLACED_CEASED");
  const details = AD1_DETAILS.map((c) => ctx.values("AD1", c));
  const pa: number[] = [];
  const ad: number[] = [];
  for (const [, paRows, adRows] of childPairs(ctx, "PlacedAdoption", "AD1")) {
    const ceasedRows = paRows.filter((r) => !blank(ceased[r]));
    const detailRows = adRows.filter((r) => details.some((column) => !blank(column[r])));
    if (ceasedRows.length === 0 || detailRows.length === 0) continue;
    pa.push(...ceasedRows);
    ad.push(...detailRows);
  }
  return { PlacedAdoption: pa, AD1: ad };
});

/** 582: an adoption (REC E11/E12) should not be dated the day the child was matched with the adopters. */
export const rule582 = defineRule("582", ["Episodes", "AD1"], (ctx) => {
  const rec = ctx.values("Episodes", "REC");
  const dec = ctx.days("Episodes", "DEC");
  const match = ctx.days("AD1", "DATE_MATCH");
  const failing: number[] = [];
  for (const [, rows, adRows] of childPairs(ctx, "Episodes", "AD1")) {
    for (const r of rows) {
      if (ADOPTED.has(rec[r] ?? "") && adRows.some((a) => match[a] === dec[r])) failing.push(r);
    }
  }
  return { Episodes: failing };
});
