/** Rules on adoption: dates of the adoption decision, match and placement (331–334) and the placements around it (335, 336). */
import { defineRule, rowsWhere } from "../../rule.ts";
import { dayAt, episodesInStartOrder, firstDayLookup, firstValueByChild, rowsOfChildren } from "./shared.ts";

/** Reasons an episode ceased that mean the child was adopted (E1 from earlier years, E11, E12). */
const ADOPTED = new Set(["E1", "E11", "E12"]);

/** 331: the match with adopters must be on or before the start of the placement that ended in adoption. */
export const rule331 = defineRule("331", ["AD1", "Episodes"], (ctx) => {
  const match = firstDayLookup(ctx, "AD1", "DATE_MATCH");
  const children = ctx.values("Episodes", "CHILD");
  const rec = ctx.values("Episodes", "REC");
  const decom = ctx.days("Episodes", "DECOM");
  const failing = new Set<string>();
  const episodes = rowsWhere(children.length, (i) => {
    const child = children[i];
    if (child == null || !ADOPTED.has(rec[i] ?? "") || !(match(child) > dayAt(decom, i))) return false;
    failing.add(child);
    return true;
  });
  return { Episodes: episodes, AD1: rowsOfChildren(ctx, "AD1", failing) };
});

/** 333: the decision that the child should be placed for adoption (DATE_INT) must be given and on or before the match. */
export const rule333 = defineRule("333", ["AD1"], (ctx) => {
  const decided = ctx.days("AD1", "DATE_INT");
  const match = ctx.days("AD1", "DATE_MATCH");
  return { AD1: rowsWhere(match.length, (i) => !Number.isNaN(dayAt(match, i)) && !(dayAt(decided, i) <= dayAt(match, i))) };
});

/** 334: the latest period of care (last episode with reason S) must start on or before the decision to place for adoption. */
export const rule334 = defineRule("334", ["AD1", "Episodes"], (ctx) => {
  const decided = firstDayLookup(ctx, "AD1", "DATE_INT");
  const rne = ctx.values("Episodes", "RNE");
  const decom = ctx.days("Episodes", "DECOM");
  const episodes: number[] = [];
  const failing = new Set<string>();
  for (const [child, rows] of episodesInStartOrder(ctx)) {
    const latestStart = rows.filter((r) => rne[r] === "S" && !Number.isNaN(dayAt(decom, r))).at(-1);
    if (latestStart === undefined || !(dayAt(decom, latestStart) > decided(child))) continue;
    episodes.push(latestStart);
    failing.add(child);
  }
  return { Episodes: episodes, AD1: rowsOfChildren(ctx, "AD1", failing) };
});

/** Placements with the current foster carers (A2, A3, A5) and with other adopters (A1, A4, A6). */
const WITH_FOSTER_CARERS = new Set(["A2", "A3", "A5"]);
const NOT_WITH_FOSTER_CARERS = new Set(["A1", "A4", "A6"]);

/** 335: FOSTER_CARE (adopted by the foster carer: 1, or not: 0) must agree with the placement that ended in adoption. */
export const rule335 = defineRule("335", ["AD1", "Episodes"], (ctx) => {
  const foster = firstValueByChild(ctx, "AD1", "FOSTER_CARE");
  const children = ctx.values("Episodes", "CHILD");
  const rec = ctx.values("Episodes", "REC");
  const place = ctx.values("Episodes", "PLACE");
  const failing = new Set<string>();
  const episodes = rowsWhere(children.length, (i) => {
    const child = children[i];
    if (child == null || !ADOPTED.has(rec[i] ?? "")) return false;
    const value = foster.get(child);
    const fails = (value === "0" && WITH_FOSTER_CARERS.has(place[i] ?? "")) || (value === "1" && NOT_WITH_FOSTER_CARERS.has(place[i] ?? ""));
    if (fails) failing.add(child);
    return fails;
  });
  return { Episodes: episodes, AD1: rowsOfChildren(ctx, "AD1", failing) };
});

/** Placements for adoption (A3–A6) and foster placements (U1–U6). */
const PLACED_FOR_ADOPTION = new Set(["A3", "A4", "A5", "A6"]);
const FOSTER = new Set(["U1", "U2", "U3", "U4", "U5", "U6"]);
/** The reference checks placements for adoption with parental consent (A3, A4) only, not A5/A6 (with a placement order). */
const CHECKED = new Set(["A3", "A4"]);

/**
 * 336: the episode before a placement for adoption (by start date) must be a foster placement
 * or already a placement for adoption (the same adoption placement continuing).
 */
export const rule336 = defineRule("336", ["Episodes"], (ctx) => {
  const place = ctx.values("Episodes", "PLACE");
  const out: number[] = [];
  for (const rows of episodesInStartOrder(ctx).values()) {
    rows.forEach((row, k) => {
      const before = rows[k - 1];
      if (before === undefined) return;
      const previous = place[before] ?? "";
      if (CHECKED.has(place[row] ?? "") && !FOSTER.has(previous) && !PLACED_FOR_ADOPTION.has(previous)) out.push(row);
    });
  }
  return { Episodes: out };
});
