/** Rules on adoption: 601, 602 (AD1 against the episodes) and 1003 (date of the decision to place). */
import { defineRule, rowsWhere } from "../../rule.ts";
import { ADOPTED } from "./shared.ts";

const AD1_FIELDS = ["DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"] as const;

/**
 * 601: a child adopted in the year (REC E11/E12, DEC within the year) must have every AD1 field.
 * Flags the incomplete AD1 rows and the adoption episodes; children without an AD1 row are not
 * flagged (the reference's fixture findings leave them out).
 */
export const rule601 = defineRule("601", ["Episodes", "AD1"], (ctx) => {
  const dec = ctx.days("Episodes", "DEC");
  const rec = ctx.values("Episodes", "REC");
  const fields = AD1_FIELDS.map((f) => ctx.values("AD1", f));
  const adoptionsByChild = new Map<string, number[]>();
  for (const [child, rows] of ctx.rowsByChild("Episodes")) {
    const adoptions = rows.filter((e) => {
      const d = dec[e] ?? Number.NaN;
      return ADOPTED.has(rec[e] ?? "") && d >= ctx.collectionStart && d <= ctx.collectionEnd;
    });
    if (adoptions.length > 0) adoptionsByChild.set(child, adoptions);
  }
  const ad1: number[] = [];
  const episodes: number[] = [];
  for (const [child, rows] of ctx.rowsByChild("AD1")) {
    const adoptions = adoptionsByChild.get(child);
    if (adoptions === undefined) continue;
    const incomplete = rows.filter((a) => fields.some((col) => (col[a] ?? null) === null));
    if (incomplete.length > 0) {
      ad1.push(...incomplete);
      episodes.push(...adoptions);
    }
  }
  return { AD1: ad1, Episodes: episodes };
});

/**
 * 602: AD1 details (any field completed) need an adoption in the episodes: REC E11/E12 with a DEC
 * that is not outside the year. An adoption episode without a DEC counts, as in the reference's
 * fixture findings.
 */
export const rule602 = defineRule("602", ["Episodes", "AD1"], (ctx) => {
  const dec = ctx.days("Episodes", "DEC");
  const rec = ctx.values("Episodes", "REC");
  const adopted = new Set<string>();
  ctx.values("Episodes", "CHILD").forEach((c, e) => {
    const d = dec[e] ?? Number.NaN;
    if (c !== null && ADOPTED.has(rec[e] ?? "") && !(d < ctx.collectionStart || d > ctx.collectionEnd)) adopted.add(c);
  });
  const child = ctx.values("AD1", "CHILD");
  const fields = AD1_FIELDS.map((f) => ctx.values("AD1", f));
  return {
    AD1: rowsWhere(child.length, (i) => !adopted.has(child[i] ?? "") && fields.some((col) => (col[i] ?? null) !== null)),
  };
});

/**
 * 1003: the decision to place for adoption (DATE_PLACED) cannot be before the child started to be
 * looked after: the first new period of care (RNE S, earliest DECOM). Flags that episode and the
 * PlacedAdoption row.
 */
export const rule1003 = defineRule("1003", ["Episodes", "PlacedAdoption"], (ctx) => {
  const decom = ctx.days("Episodes", "DECOM");
  const rne = ctx.values("Episodes", "RNE");
  const firstStart = new Map<string, number>();
  for (const [child, rows] of ctx.rowsByChild("Episodes")) {
    let first = -1;
    for (const e of rows) {
      const d = decom[e] ?? Number.NaN;
      if (rne[e] === "S" && !Number.isNaN(d) && (first < 0 || d < (decom[first] ?? Number.NaN))) first = e;
    }
    if (first >= 0) firstStart.set(child, first);
  }
  const placed = ctx.days("PlacedAdoption", "DATE_PLACED");
  const placements: number[] = [];
  const episodes: number[] = [];
  for (const [child, rows] of ctx.rowsByChild("PlacedAdoption")) {
    const start = firstStart.get(child);
    if (start === undefined) continue;
    const failing = rows.filter((p) => (placed[p] ?? Number.NaN) < (decom[start] ?? Number.NaN));
    if (failing.length > 0) {
      placements.push(...failing);
      episodes.push(start);
    }
  }
  return { PlacedAdoption: placements, Episodes: episodes };
});
