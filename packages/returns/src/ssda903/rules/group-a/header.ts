/** Rules on the Header table's own fields: sex, dates of birth, ethnicity, UPN, UASC and mother status. */
import { defineRule, rowsWhere } from "../../rule.ts";
import { codeRule, dateRule, filled, lookedAfterInYear } from "./helpers.ts";

const SEX_CODES = new Set(["M", "F", "U"]);

/** 101: the child's sex must be M, F or U (unknown). */
export const rule101 = defineRule("101", ["Header"], (ctx) => {
  const sex = ctx.values("Header", "SEX");
  return { Header: rowsWhere(sex.length, (i) => !SEX_CODES.has(sex[i] ?? "")) };
});

/** 102: the date of birth must be a real date (a blank fails). */
export const rule102 = dateRule("102", "Header", "DOB", "invalid");

const ETHNIC_CODES = new Set([
  "WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND",
  "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT",
]);

/** 103: the ethnicity must be one of the DfE codes (a blank fails). */
export const rule103 = codeRule("103", "Header", "ETHNIC", ETHNIC_CODES, "invalid");

/** 105: UASC status must be 0 or 1; only checked on XML returns, as the reference does (CSV headers need not carry it). */
export const rule105 = defineRule("105", ["Header"], (ctx) => {
  if (ctx.metadata.fileFormat !== "xml") return {};
  const uasc = ctx.values("Header", "UASC");
  return { Header: rowsWhere(uasc.length, (i) => uasc[i] !== "0" && uasc[i] !== "1") };
});

const UPN_UNKNOWN = new Set(["UN1", "UN2", "UN3", "UN4", "UN5"]);
// A UPN is a check letter (no I, O or S), eleven digits, then a digit or a letter.
const UPN = /^[A-HJ-NP-RT-Z]\d{11}[0-9A-Z]$/;

/** 168: a UPN must be well formed or one of the unknown codes UN1–UN5; a blank passes. */
export const rule168 = defineRule("168", ["Header"], (ctx) => {
  const upn = ctx.values("Header", "UPN");
  return { Header: rowsWhere(upn.length, (i) => { const v = upn[i]; return filled(v) && !UPN_UNKNOWN.has(v) && !UPN.test(v); }) };
});

/** 171: the date of birth of the mother's child must be a real date when given. */
export const rule171 = dateRule("171", "Header", "MC_DOB", "valid");

// The reference's examples code sex as M/F for rule 174 but 1/2 for rule 165; both forms are accepted.
const MALE = new Set(["M", "1"]);
const FEMALE = new Set(["F", "2"]);

/** 174: a male child cannot have a mother's-child date of birth. */
export const rule174 = defineRule("174", ["Header"], (ctx) => {
  const sex = ctx.values("Header", "SEX");
  const mcDob = ctx.values("Header", "MC_DOB");
  return { Header: rowsWhere(sex.length, (i) => MALE.has(sex[i] ?? "") && filled(mcDob[i])) };
});

/** True when MOTHER is wrong for the sex: blank for a girl, 1 for a boy, or anything but 0 or 1 ("1.0" included). */
function motherInvalid(mother: string | null, sex: string): boolean {
  if (mother === null) return FEMALE.has(sex);
  if (mother !== "0" && mother !== "1") return true;
  return mother === "1" && MALE.has(sex);
}

/**
 * 165: for a child looked after during the year (short breaks aside), MOTHER must be 0 or 1 for
 * a girl, must not say 1 for a boy, and must never hold another value. Care-leaver (OC3) rows of
 * the same children are flagged too, as the reference does.
 */
export const rule165 = defineRule("165", ["Header", "Episodes"], (ctx) => {
  const inYear = lookedAfterInYear(ctx);
  const ids = ctx.childIndex("Header");
  const sex = ctx.values("Header", "SEX");
  const mother = ctx.values("Header", "MOTHER");
  const failing = new Uint8Array(ctx.childCount);
  const header = rowsWhere(ids.length, (i) => {
    const child = ids[i] ?? -1;
    if (child < 0 || inYear[child] === 0) return false;
    const bad = motherInvalid(mother[i] ?? null, sex[i] ?? "");
    if (bad) failing[child] = 1;
    return bad;
  });
  if (!ctx.has("OC3")) return { Header: header };
  const oc3 = ctx.childIndex("OC3");
  return { Header: header, OC3: rowsWhere(oc3.length, (i) => failing[oc3[i] ?? -1] === 1) };
});
