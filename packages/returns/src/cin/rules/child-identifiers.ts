/** Rules on the ChildIdentifiers module (other than the UPN and child ID formats, in upn.ts). */
import { defineCinRule, rowsWhere, type CinRule } from "../rule.ts";
import { childPairs, isTrue, rowsOfRepeatedGroups } from "./helpers.ts";

/** 4008: a CIN plan cannot start after the child's death (both rows flagged). */
const rule4008 = defineCinRule("4008", ["ChildIdentifiers", "CINplanDates"], { ChildIdentifiers: ["PersonDeathDate"], CINplanDates: ["CINPlanStartDate"] }, (ctx) => {
  const death = ctx.days("ChildIdentifiers", "PersonDeathDate");
  const start = ctx.days("CINplanDates", "CINPlanStartDate");
  const { rows, childRows } = childPairs(ctx, "CINplanDates", (p, c) => (start[p] ?? NaN) > (death[c] ?? NaN));
  return { ChildIdentifiers: childRows, CINplanDates: rows };
});

/** 4009Q: a CIN plan cannot end after the child's death (both rows flagged). */
const rule4009Q = defineCinRule("4009Q", ["ChildIdentifiers", "CINplanDates"], { ChildIdentifiers: ["PersonDeathDate"], CINplanDates: ["CINPlanEndDate"] }, (ctx) => {
  const death = ctx.days("ChildIdentifiers", "PersonDeathDate");
  const end = ctx.days("CINplanDates", "CINPlanEndDate");
  const { rows, childRows } = childPairs(ctx, "CINplanDates", (p, c) => (end[p] ?? NaN) > (death[c] ?? NaN));
  return { ChildIdentifiers: childRows, CINplanDates: rows };
});

const SEX_CODES = new Set(["M", "F", "U"]);

/** 4180: sex must be given and be M, F or U (a file carrying only GenderCurrent has no Sex, so every child fails, as in the reference). */
const rule4180 = defineCinRule("4180", ["ChildIdentifiers"], { ChildIdentifiers: ["Sex"] }, (ctx) => {
  const sex = ctx.values("ChildIdentifiers", "Sex");
  return { ChildIdentifiers: rowsWhere(sex.length, (i) => !SEX_CODES.has(sex[i] ?? "")) };
});

/** 8500: the LA child ID must be given. */
const rule8500 = defineCinRule("8500", ["ChildIdentifiers"], { ChildIdentifiers: ["LAchildID"] }, (ctx) => {
  const ids = ctx.values("ChildIdentifiers", "LAchildID");
  return { ChildIdentifiers: rowsWhere(ids.length, (i) => ids[i] === null) };
});

/** 8510: no two children may share an LA child ID (every row sharing one is flagged). */
const rule8510 = defineCinRule("8510", ["ChildIdentifiers"], { ChildIdentifiers: ["LAchildID"] }, (ctx) => ({
  ChildIdentifiers: rowsOfRepeatedGroups(ctx.rowsByChild("ChildIdentifiers")),
}));

/** 8520: the date of birth cannot be after the census day. */
const rule8520 = defineCinRule("8520", ["ChildIdentifiers", "Header"], { ChildIdentifiers: ["PersonBirthDate"] }, (ctx) => {
  const dob = ctx.days("ChildIdentifiers", "PersonBirthDate");
  return { ChildIdentifiers: rowsWhere(dob.length, (i) => (dob[i] ?? NaN) > ctx.collectionEnd) };
});

/** 8590: every child must have at least one CIN episode. */
const rule8590 = defineCinRule("8590", ["ChildIdentifiers", "CINdetails"], { ChildIdentifiers: ["LAchildID"] }, (ctx) => {
  const episodes = ctx.rowsByChild("CINdetails");
  const ids = ctx.values("ChildIdentifiers", "LAchildID");
  return { ChildIdentifiers: rowsWhere(ids.length, (i) => { const id = ids[i] ?? null; return id !== null && !episodes.has(id); }) };
});

/** 8750: an unborn child (an expected date of birth and no date of birth) must have sex U. */
const rule8750 = defineCinRule("8750", ["ChildIdentifiers"], { ChildIdentifiers: ["Sex"] }, (ctx) => {
  const dob = ctx.values("ChildIdentifiers", "PersonBirthDate");
  const expected = ctx.values("ChildIdentifiers", "ExpectedPersonBirthDate");
  const sex = ctx.values("ChildIdentifiers", "Sex");
  return { ChildIdentifiers: rowsWhere(sex.length, (i) => dob[i] === null && expected[i] != null && sex[i] !== "U") };
});

/**
 * 8772: UPN unknown reason UN7 (referral with no further action) cannot be used when any of the
 * child's referrals is not marked as no further action (a blank or unknown flag counts as not
 * marked). The child and those referrals are flagged.
 */
const rule8772 = defineCinRule("8772", ["ChildIdentifiers", "CINdetails"], { ChildIdentifiers: ["UPNunknown"], CINdetails: ["ReferralNFA"] }, (ctx) => {
  const reason = ctx.values("ChildIdentifiers", "UPNunknown");
  const nfa = ctx.values("CINdetails", "ReferralNFA");
  const { rows, childRows } = childPairs(ctx, "CINdetails", (c, p) => reason[p] === "UN7" && !isTrue(nfa[c]));
  return { ChildIdentifiers: childRows, CINdetails: rows };
});

/** The ChildIdentifiers rules. */
export const CHILD_IDENTIFIER_RULES: readonly CinRule[] = [rule4008, rule4009Q, rule4180, rule8500, rule8510, rule8520, rule8590, rule8750, rule8772];
