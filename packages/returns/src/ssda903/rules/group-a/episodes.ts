/** Rules on the Episodes table's codes and dates, and on how a child's episodes follow each other. */
import { defineRule, rowsWhere } from "../../rule.ts";
import { codeRule, dateRule, filled } from "./helpers.ts";

/** 141: the date the episode began must be a real date when given. */
export const rule141 = dateRule("141", "Episodes", "DECOM", "valid");

/** 147: the date the episode ceased must be a real date when given. */
export const rule147 = dateRule("147", "Episodes", "DEC", "valid");

/** 143: reason for new episode. */
export const rule143 = codeRule("143", "Episodes", "RNE", new Set(["S", "L", "P", "T", "U", "B"]), "valid");

/** 144: legal status. */
export const rule144 = codeRule(
  "144",
  "Episodes",
  "LS",
  new Set(["C1", "C2", "D1", "E1", "V2", "V3", "V4", "L1", "L2", "L3", "J1", "J2", "J3"]),
  "valid",
);

/** 145: category of need, N1–N8. */
export const rule145 = codeRule("145", "Episodes", "CIN", new Set(["N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"]), "valid");

/** Placement types in force (H5, P2 and Z1 were withdrawn; Z1 became Z11–Z14). */
export const PLACE_CODES: ReadonlySet<string> = new Set([
  "A3", "A4", "A5", "A6", "K1", "K2", "K3", "P1", "P3", "R1", "R2", "R3", "R5", "S1",
  "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z11", "Z12", "Z13", "Z14",
]);

/** 146: placement type. */
export const rule146 = codeRule("146", "Episodes", "PLACE", PLACE_CODES, "valid");

const REC_CODES = new Set([
  "X1", "E11", "E12", "E2", "E3", "E4A", "E4B", "E13", "E41", "E45", "E46", "E47", "E48",
  "E5", "E6", "E7", "E8", "E9", "E14", "E15", "E16", "E17",
]);

/** 149: reason episode ceased. */
export const rule149 = codeRule("149", "Episodes", "REC", REC_CODES, "valid");

/** 148: the date and the reason an episode ceased come together or not at all. */
export const rule148 = defineRule("148", ["Episodes"], (ctx) => {
  const dec = ctx.values("Episodes", "DEC");
  const rec = ctx.values("Episodes", "REC");
  return { Episodes: rowsWhere(dec.length, (i) => filled(dec[i]) !== filled(rec[i])) };
});

/**
 * 142: every episode of a child but the latest (by start date) must have ended: both DEC and REC
 * given. Episodes without a readable start date are left out of the ordering, as the reference does.
 */
export const rule142 = defineRule("142", ["Episodes"], (ctx) => {
  const decom = ctx.days("Episodes", "DECOM");
  const dec = ctx.values("Episodes", "DEC");
  const rec = ctx.values("Episodes", "REC");
  const out: number[] = [];
  for (const rows of ctx.rowsByChild("Episodes").values()) {
    const dated = rows.filter((r) => !Number.isNaN(decom[r]));
    if (dated.length < 2) continue;
    const sorted = [...dated].sort((a, b) => (decom[a] ?? 0) - (decom[b] ?? 0));
    for (const r of sorted.slice(0, -1)) if (!filled(dec[r]) || !filled(rec[r])) out.push(r);
  }
  return { Episodes: out };
});

const ADOPTED = new Set(["E11", "E12"]);

/**
 * 199: a child adopted from care (an episode ceased E11 or E12, this year or last) cannot have a
 * later episode. "Later" is by start date, strictly after the adoption episode's start, as the
 * reference does (not after the adoption's end date, which may be blank).
 */
export const rule199 = defineRule("199", ["Episodes"], (ctx) => {
  const adoptionStart = new Map<string, number>();
  for (const table of ["Episodes", "Episodes_last"] as const) {
    const ids = ctx.values(table, "CHILD");
    const rec = ctx.values(table, "REC");
    const decom = ctx.days(table, "DECOM");
    ids.forEach((child, i) => {
      const day = decom[i] ?? Number.NaN;
      if (child === null || !ADOPTED.has(rec[i] ?? "") || Number.isNaN(day)) return;
      adoptionStart.set(child, Math.min(day, adoptionStart.get(child) ?? Number.POSITIVE_INFINITY));
    });
  }
  const ids = ctx.values("Episodes", "CHILD");
  const decom = ctx.days("Episodes", "DECOM");
  return { Episodes: rowsWhere(ids.length, (i) => (decom[i] ?? Number.NaN) > (adoptionStart.get(ids[i] ?? "") ?? Number.NaN)) };
});
