/** Rules on adoption: the AD1 table and decisions that a child should (no longer) be placed for adoption. */
import { defineRule, rowsWhere } from "../../rule.ts";
import { allFilled, anyFilled, codeRule, columnsOf, dateRule, filled, firstByChild, SHORT_BREAK_LS } from "./helpers.ts";
import { dayFromReturnDate } from "../../../validation/day.ts";

/** 112: date it was decided the child should be placed for adoption, when given. */
export const rule112 = dateRule("112", "AD1", "DATE_INT", "valid");
/** 113: date the child was matched with the adopters, when given. */
export const rule113 = dateRule("113", "AD1", "DATE_MATCH", "valid");
/** 114: whether the adopters were the child's foster carers, 0 or 1. */
export const rule114 = codeRule("114", "AD1", "FOSTER_CARE", new Set(["0", "1"]), "valid");
/** 115: date of the decision to place for adoption, when given. */
export const rule115 = dateRule("115", "PlacedAdoption", "DATE_PLACED", "valid");
/** 116: date of the decision no longer to place for adoption, when given. */
export const rule116 = dateRule("116", "PlacedAdoption", "DATE_PLACED_CEASED", "valid");
/** 120: reason the decision to place for adoption was reversed, RD1–RD4. */
export const rule120 = codeRule("120", "PlacedAdoption", "REASON_PLACED_CEASED", new Set(["RD1", "RD2", "RD3", "RD4"]), "valid");
/** 175: number of adopters, 1 or 2. */
export const rule175 = codeRule("175", "AD1", "NB_ADOPTR", new Set(["1", "2"]), "valid");
/** 176: gender of the adopters. */
export const rule176 = codeRule("176", "AD1", "SEX_ADOPTR", new Set(["M1", "F1", "MM", "FF", "MF"]), "valid");
/** 177: legal status of the adopters. */
export const rule177 = codeRule("177", "AD1", "LS_ADOPTR", new Set(["L0", "L11", "L12", "L2", "L3", "L4"]), "valid");

/** 119: the date and the reason a decision to place for adoption was reversed come together. */
export const rule119 = defineRule("119", ["PlacedAdoption"], (ctx) => {
  const date = ctx.values("PlacedAdoption", "DATE_PLACED_CEASED");
  const reason = ctx.values("PlacedAdoption", "REASON_PLACED_CEASED");
  return { PlacedAdoption: rowsWhere(date.length, (i) => filled(date[i]) !== filled(reason[i])) };
});

/** The AD1 adoption items. */
export const AD1_ITEMS = ["DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"] as const;

/** 151: the adoption items are all given or all blank. */
export const rule151 = defineRule("151", ["AD1"], (ctx) => {
  const items = columnsOf(ctx, "AD1", AD1_ITEMS);
  return { AD1: rowsWhere(ctx.rows("AD1").length, (i) => anyFilled(items, i) && !allFilled(items, i)) };
});

/** 134: a child with care-leaver (OC3) data cannot have adoption (AD1) data. */
export const rule134 = defineRule("134", ["OC3", "AD1"], (ctx) => {
  const leaverItems = columnsOf(ctx, "OC3", ["IN_TOUCH", "ACTIV", "ACCOM"]);
  const leavers = new Set<string>();
  ctx.values("OC3", "CHILD").forEach((child, i) => {
    if (child !== null && anyFilled(leaverItems, i)) leavers.add(child);
  });
  const ids = ctx.values("AD1", "CHILD");
  const items = columnsOf(ctx, "AD1", AD1_ITEMS);
  return { AD1: rowsWhere(ids.length, (i) => leavers.has(ids[i] ?? "") && anyFilled(items, i)) };
});

/** 184: the decision to place for adoption cannot come before the child's birth. */
export const rule184 = defineRule("184", ["Header", "PlacedAdoption"], (ctx) => {
  const dob = firstByChild(ctx, "Header", "DOB");
  const ids = ctx.values("PlacedAdoption", "CHILD");
  const placed = ctx.days("PlacedAdoption", "DATE_PLACED");
  return { PlacedAdoption: rowsWhere(ids.length, (i) => (placed[i] ?? Number.NaN) < dayFromReturnDate(dob.get(ids[i] ?? ""))) };
});

/**
 * 117: decisions to place (or no longer place) for adoption cannot fall after the collection year
 * or after the child's last episode that ended care (latest start among REC other than X1, an open
 * episode included). Only children with such an episode are checked; the decision and that
 * episode are both flagged, as the reference does.
 */
export const rule117 = defineRule("117", ["Episodes", "PlacedAdoption"], (ctx) => {
  const decom = ctx.days("Episodes", "DECOM");
  const dec = ctx.days("Episodes", "DEC");
  const rec = ctx.values("Episodes", "REC");
  // Looked up for the decisions' children only (few), not computed for every child in care.
  const byChild = ctx.rowsByChild("Episodes");
  const lastCeased = (child: string | null | undefined): number => {
    let best = -1;
    for (const r of (child == null ? undefined : byChild.get(child)) ?? []) {
      if (rec[r] === "X1" || Number.isNaN(decom[r])) continue;
      if (best < 0 || (decom[r] ?? 0) > (decom[best] ?? 0)) best = r;
    }
    return best;
  };
  const ids = ctx.values("PlacedAdoption", "CHILD");
  const placed = ctx.days("PlacedAdoption", "DATE_PLACED");
  const ceased = ctx.days("PlacedAdoption", "DATE_PLACED_CEASED");
  const episodes: number[] = [];
  const decisions = rowsWhere(ids.length, (i) => {
    const episode = lastCeased(ids[i]);
    if (episode < 0) return false;
    const ended = dec[episode] ?? Number.NaN;
    const end = Number.isNaN(ended) ? ctx.collectionEnd : Math.min(ctx.collectionEnd, ended);
    const late = (placed[i] ?? Number.NaN) > end || (ceased[i] ?? Number.NaN) > end;
    if (late) episodes.push(episode);
    return late;
  });
  return { Episodes: episodes, PlacedAdoption: decisions };
});

/**
 * 118: a decision no longer to place for adoption cannot come before the collection year or before
 * the child's first episode (earliest start, short breaks aside). The decision and that episode are both flagged.
 */
export const rule118 = defineRule("118", ["Episodes", "PlacedAdoption"], (ctx) => {
  const decom = ctx.days("Episodes", "DECOM");
  const ls = ctx.values("Episodes", "LS");
  // Looked up for the decisions' children only (few), not computed for every child in care.
  const byChild = ctx.rowsByChild("Episodes");
  const first = (child: string | null | undefined): number => {
    let best = -1;
    for (const r of (child == null ? undefined : byChild.get(child)) ?? []) {
      if (Number.isNaN(decom[r]) || SHORT_BREAK_LS.has(ls[r] ?? "")) continue;
      if (best < 0 || (decom[r] ?? 0) < (decom[best] ?? 0)) best = r;
    }
    return best;
  };
  const ids = ctx.values("PlacedAdoption", "CHILD");
  const ceased = ctx.days("PlacedAdoption", "DATE_PLACED_CEASED");
  const episodes: number[] = [];
  const decisions = rowsWhere(ids.length, (i) => {
    const episode = first(ids[i]);
    if (episode < 0) return false;
    const day = ceased[i] ?? Number.NaN;
    const early = day < ctx.collectionStart || day < (decom[episode] ?? Number.NaN);
    if (early) episodes.push(episode);
    return early;
  });
  return { Episodes: episodes, PlacedAdoption: decisions };
});
