/** Rules on the ChildCharacteristics module and its Disabilities. */
import { defineCinRule, rowsWhere, type CinRule } from "../rule.ts";
import { isFalse, rowsOfRepeatedGroups } from "./helpers.ts";

/** The DfE ethnicity codes (including refused and not yet obtained). */
const ETHNICITY_CODES = new Set([
  "WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN", "AOTH",
  "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT",
]);

/** 4220: ethnicity must be given and be a DfE code. */
const rule4220 = defineCinRule("4220", ["ChildCharacteristics"], { ChildCharacteristics: ["Ethnicity"] }, (ctx) => {
  const ethnicity = ctx.values("ChildCharacteristics", "Ethnicity");
  return { ChildCharacteristics: rowsWhere(ethnicity.length, (i) => !ETHNICITY_CODES.has(ethnicity[i] ?? "")) };
});

/** The DfE disability codes. */
export const DISABILITY_CODES: ReadonlySet<string> = new Set(["NONE", "MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS", "BEH", "CON", "AUT", "DDA"]);

/**
 * 8540: a born child with a referral going on to further action (ReferralNFA false) must have a
 * valid disability code (NONE when none): its blank or unknown Disabilities rows are flagged.
 */
const rule8540 = defineCinRule("8540", ["Disabilities", "ChildIdentifiers", "CINdetails"], { Disabilities: ["Disability"] }, (ctx) => {
  const born = new Set<string>();
  const dob = ctx.days("ChildIdentifiers", "PersonBirthDate");
  ctx.values("ChildIdentifiers", "LAchildID").forEach((id, i) => {
    if (id !== null && !Number.isNaN(dob[i] ?? NaN)) born.add(id);
  });
  const furtherAction = new Set<string>();
  const nfa = ctx.values("CINdetails", "ReferralNFA");
  ctx.values("CINdetails", "LAchildID").forEach((id, i) => {
    if (id !== null && isFalse(nfa[i])) furtherAction.add(id);
  });
  const ids = ctx.values("Disabilities", "LAchildID");
  const codes = ctx.values("Disabilities", "Disability");
  return {
    Disabilities: rowsWhere(ids.length, (i) => {
      const id = ids[i] ?? null;
      return id !== null && born.has(id) && furtherAction.has(id) && !DISABILITY_CODES.has(codes[i] ?? "");
    }),
  };
});

/** 8790: a child with disability NONE cannot have other disability codes (the other codes are flagged). */
const rule8790 = defineCinRule("8790", ["Disabilities"], { Disabilities: ["Disability"] }, (ctx) => {
  const codes = ctx.values("Disabilities", "Disability");
  const out: number[] = [];
  for (const rows of ctx.rowsByChild("Disabilities").values()) {
    if (rows.some((r) => codes[r] === "NONE")) out.push(...rows.filter((r) => codes[r] != null && codes[r] !== "NONE"));
  }
  return { Disabilities: out };
});

/** 8794: a child cannot have the same disability code twice (every repeat flagged). */
const rule8794 = defineCinRule("8794", ["Disabilities"], { Disabilities: ["Disability"] }, (ctx) => ({
  Disabilities: rowsOfRepeatedGroups(ctx.groupBy("Disabilities", "LAchildID", "Disability")),
}));

/** The ChildCharacteristics and Disabilities rules. */
export const CHARACTERISTICS_RULES: readonly CinRule[] = [rule4220, rule8540, rule8790, rule8794];
