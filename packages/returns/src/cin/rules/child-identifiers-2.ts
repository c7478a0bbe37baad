/**
 * Query (Q) rules on the child's identifiers: birth and expected birth dates, date of death, sex
 * recording, the UPN of school-age children and the age of the child.
 */
import { addYears, dayFromParts, partsOfDay } from "../../validation/day.ts";
import type { CinContext } from "../context.ts";
import { defineCinRule, rowsWhere, type CinRule } from "../rule.ts";
import { isTrue } from "./helpers.ts";

/** Sex codes that record no sex: blank, or U (unknown). */
const NO_SEX = new Set(["", "U"]);

/**
 * 2886Q: more than 2% of the born children have no sex recorded. A return-level query: when it
 * holds, the children without a sex are flagged. Read only where the return has a Sex column
 * (the older GenderCurrent codes are not judged).
 */
const rule2886Q = defineCinRule("2886Q", ["ChildIdentifiers"], { ChildIdentifiers: ["Sex"] }, (ctx) => {
  if (!ctx.hasColumn("ChildIdentifiers", "Sex")) return {};
  const sex = ctx.values("ChildIdentifiers", "Sex");
  const expected = ctx.values("ChildIdentifiers", "ExpectedPersonBirthDate");
  const born = rowsWhere(sex.length, (i) => expected[i] === null);
  const unrecorded = born.filter((i) => NO_SEX.has((sex[i] ?? "").toUpperCase()));
  return { ChildIdentifiers: unrecorded.length > 0.02 * born.length ? unrecorded : [] };
});

/** 8525Q: exactly one of the date of birth and the expected date of birth must be given. */
const rule8525Q = defineCinRule("8525Q", ["ChildIdentifiers"], { ChildIdentifiers: ["PersonBirthDate", "ExpectedPersonBirthDate"] }, (ctx) => {
  const birth = ctx.values("ChildIdentifiers", "PersonBirthDate");
  const expected = ctx.values("ChildIdentifiers", "ExpectedPersonBirthDate");
  return { ChildIdentifiers: rowsWhere(birth.length, (i) => (birth[i] === null) === (expected[i] === null)) };
});

/** 8530Q: an expected date of birth must fall between 1 March and 31 December of the year the census ends in. */
const rule8530Q = defineCinRule("8530Q", ["ChildIdentifiers", "Header"], { ChildIdentifiers: ["ExpectedPersonBirthDate"] }, (ctx) => {
  const year = partsOfDay(ctx.collectionEnd).year;
  const first = dayFromParts(year, 3, 1);
  const last = dayFromParts(year, 12, 31);
  const expected = ctx.days("ChildIdentifiers", "ExpectedPersonBirthDate");
  return { ChildIdentifiers: rowsWhere(expected.length, (i) => { const d = expected[i] ?? NaN; return d < first || d > last; }) };
});

/** 8535Q: a date of death cannot be before the date of birth. */
const rule8535Q = defineCinRule("8535Q", ["ChildIdentifiers"], { ChildIdentifiers: ["PersonDeathDate", "PersonBirthDate"] }, (ctx) => {
  const death = ctx.days("ChildIdentifiers", "PersonDeathDate");
  const birth = ctx.days("ChildIdentifiers", "PersonBirthDate");
  return { ChildIdentifiers: rowsWhere(death.length, (i) => (death[i] ?? NaN) < (birth[i] ?? NaN)) };
});

/** 8545Q: a date of death, where given, should fall in the census year. */
const rule8545Q = defineCinRule("8545Q", ["ChildIdentifiers", "Header"], { ChildIdentifiers: ["PersonDeathDate"] }, (ctx) => {
  const death = ctx.days("ChildIdentifiers", "PersonDeathDate");
  const [first, last] = [ctx.collectionStart, ctx.collectionEnd];
  return { ChildIdentifiers: rowsWhere(death.length, (i) => { const d = death[i] ?? NaN; return d < first || d > last; }) };
});

/**
 * The birth dates of children in school years 1 to 11 in the academic year (from 1 September)
 * the census day falls in: aged 5 to 15 on the 31 August before it. The worked example puts a
 * child born 31 August in school age and one born a day later not.
 */
function schoolAgeBirthRange(ctx: CinContext): { from: number; to: number } {
  const ref = partsOfDay(ctx.collectionEnd);
  const startYear = ref.month >= 9 ? ref.year : ref.year - 1;
  const lastAugust = dayFromParts(startYear, 8, 31);
  return { from: addYears(lastAugust, -16) + 1, to: addYears(lastAugust, -5) };
}

/** Children whose every CIN episode is a referral with no further action (they need no UPN query). */
function nfaOnlyChildren(ctx: CinContext): Set<string> {
  const nfa = ctx.values("CINdetails", "ReferralNFA");
  const out = new Set<string>();
  for (const [child, rows] of ctx.rowsByChild("CINdetails")) if (rows.every((r) => isTrue(nfa[r]))) out.add(child);
  return out;
}

/**
 * 8770Q: a school-age child with no UPN should have a reason for it other than UN1 (under 6 and
 * not yet at school). Children with only no-further-action referrals are left out.
 */
const rule8770Q = defineCinRule("8770Q", ["ChildIdentifiers", "Header"], { ChildIdentifiers: ["UPNunknown"] }, (ctx) => {
  const { from, to } = schoolAgeBirthRange(ctx);
  const nfaOnly = ctx.has("CINdetails") ? nfaOnlyChildren(ctx) : new Set<string>();
  const id = ctx.values("ChildIdentifiers", "LAchildID");
  const birth = ctx.days("ChildIdentifiers", "PersonBirthDate");
  const upn = ctx.values("ChildIdentifiers", "UPN");
  const reason = ctx.values("ChildIdentifiers", "UPNunknown");
  return {
    ChildIdentifiers: rowsWhere(birth.length, (i) => {
      const b = birth[i] ?? NaN;
      const why = reason[i]?.toUpperCase() ?? null;
      return b >= from && b <= to && upn[i] === null && (why === null || why === "UN1") && !nfaOnly.has(id[i] ?? "");
    }),
  };
});

/**
 * 8775Q: a child should not be over 25 at the end of an episode (its closure date, or the census
 * day while it is open). The child and the episode are flagged.
 */
const rule8775Q = defineCinRule("8775Q", ["ChildIdentifiers", "CINdetails", "Header"], { ChildIdentifiers: ["PersonBirthDate"], CINdetails: ["CINclosureDate"] }, (ctx) => {
  const birthByChild = new Map<string, number[]>();
  const birth = ctx.days("ChildIdentifiers", "PersonBirthDate");
  for (const [child, rows] of ctx.rowsByChild("ChildIdentifiers")) birthByChild.set(child, [...rows]);
  const closure = ctx.days("CINdetails", "CINclosureDate");
  const census = ctx.collectionEnd;
  const childRows = new Set<number>();
  const cinRows: number[] = [];
  ctx.values("CINdetails", "LAchildID").forEach((child, c) => {
    const end = closure[c] ?? NaN;
    const limit = addYears(Number.isNaN(end) ? census : end, -25);
    const over = (birthByChild.get(child ?? "") ?? []).filter((r) => (birth[r] ?? NaN) < limit);
    if (over.length === 0) return;
    cinRows.push(c);
    for (const r of over) childRows.add(r);
  });
  return { ChildIdentifiers: childRows, CINdetails: cinRows };
});

/** The query rules on ChildIdentifiers (CIN-2). */
export const CHILD_IDENTIFIER_QUERY_RULES: readonly CinRule[] = [rule2886Q, rule8525Q, rule8530Q, rule8535Q, rule8545Q, rule8770Q, rule8775Q];
