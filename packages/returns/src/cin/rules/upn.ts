/**
 * Rules on the child's identifiers: the UPN's check letter, LA code, digits and last character,
 * the former UPN, and the LA's own child ID. A UPN too short to have the characters a rule
 * reads is not judged by that rule (its length is not what these rules check).
 */
import type { CinValue } from "../cin-table.ts";
import { defineCinRule, rowsWhere, type CinRule } from "../rule.ts";
import { rowsOfRepeatedGroups } from "./helpers.ts";

/** Check letters by value 0–22 (I, O and S are never used). */
const CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";

/**
 * LA codes a UPN may carry: post-April 1999 English LAs (and later ones), Welsh LAs (660–681), and
 * the DfE's pseudo-LA codes (001–005, 701–708). Checked against the DfE census rule 1530 code list.
 */
const LA_CODES: ReadonlySet<string> = new Set(
  [
    [1, 5], [201, 213], [301, 320], [330, 336], [340, 344], [350, 359], [370, 373], [380, 384], [390, 394], [420, 420],
    [660, 681], [701, 708], [800, 803], [805, 808], [810, 813], [815, 816], [820, 823], [825, 826], [830, 831], [835, 841],
    [845, 846], [850, 852], [855, 857], [860, 861], [865, 896], [908, 909], [916, 916], [919, 919], [921, 921], [925, 926],
    [928, 929], [931, 931], [933, 933], [935, 938], [940, 943],
  ].flatMap(([from = 0, to = 0]) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i).padStart(3, "0"))),
);

const DIGITS = /^\d+$/;
const TWELVE_DIGITS = /^.\d{11}[\dA-Z]$/;

/** The check letter a 13-character UPN should start with, or null when characters 2–13 cannot carry one. */
export function upnCheckLetter(upn: string): string | null {
  if (!TWELVE_DIGITS.test(upn)) return null;
  let sum = 0;
  for (let i = 1; i < 13; i++) {
    const c = upn.charAt(i);
    const value = i === 12 && !/\d/.test(c) ? CHECK_LETTERS.indexOf(c) : Number(c);
    if (value < 0) return null;
    sum += value * (i + 1);
  }
  return CHECK_LETTERS.charAt(sum % 23);
}

const upnRule = (code: string, column: string, failing: (upn: string) => boolean): CinRule =>
  defineCinRule(code, ["ChildIdentifiers"], { ChildIdentifiers: [column] }, (ctx) => {
    const values = ctx.values("ChildIdentifiers", column);
    return { ChildIdentifiers: rowsWhere(values.length, (i) => { const v: CinValue = values[i] ?? null; return v !== null && failing(v); }) };
  });

/** 1510: the first character must be the check letter of characters 2–13. */
const rule1510 = upnRule("1510", "UPN", (upn) => {
  const letter = upnCheckLetter(upn);
  return letter !== null && upn.charAt(0) !== letter;
});

/** 1520: no two children may have the same UPN (every row sharing one is flagged). */
const rule1520 = defineCinRule("1520", ["ChildIdentifiers"], { ChildIdentifiers: ["UPN"] }, (ctx) => ({
  ChildIdentifiers: rowsOfRepeatedGroups(ctx.groupBy("ChildIdentifiers", "UPN")),
}));

/** 1530: characters 2–4 must be a recognised LA code. */
const rule1530 = upnRule("1530", "UPN", (upn) => upn.length >= 4 && !LA_CODES.has(upn.slice(1, 4)));

/** 1540: characters 5–12 must all be digits. */
const rule1540 = upnRule("1540", "UPN", (upn) => upn.length >= 12 && !DIGITS.test(upn.slice(4, 12)));

/** 1550: character 13 must be a digit or a letter other than I, O and S. */
const rule1550 = upnRule("1550", "UPN", (upn) => upn.length >= 13 && !/[\dA-HJ-NP-RT-Z]/.test(upn.charAt(12)));

/** 1570: the LA child ID must be at most 20 characters. */
const rule1570 = upnRule("1570", "LAchildID", (id) => id.length > 20);

/** 1580: the LA child ID must be letters and digits only. */
const rule1580 = upnRule("1580", "LAchildID", (id) => !/^[A-Za-z0-9]+$/.test(id));

/**
 * 1560Q: a former UPN must be 13 characters: a letter, eleven digits, and a digit or a letter
 * (a temporary UPN's last character).
 */
const rule1560Q = upnRule("1560Q", "FormerUPN", (upn) => !/^[A-Z]\d{11}[\dA-Z]$/.test(upn));

/** The UPN and child ID rules. */
export const UPN_RULES: readonly CinRule[] = [rule1510, rule1520, rule1530, rule1540, rule1550, rule1570, rule1580, rule1560Q];
