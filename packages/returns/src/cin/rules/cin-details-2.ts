/** Query (Q) rules on CIN episodes: referral and closure against the child's death, no-further-action referrals, episodes without an assessment. */
import type { CinContext } from "../context.ts";
import { defineCinRule, rowsWhere, type CinRule } from "../rule.ts";
import { isTrue } from "./helpers.ts";
import { previousWorkingDay } from "./working-days-2.ts";

/** The episodes (LAchildID and CINdetailsID keys) that have at least one assessment. */
function episodesWithAssessment(ctx: CinContext): Set<string> {
  return new Set(ctx.rowsByEpisode("Assessments").keys());
}

/**
 * 2991Q: an episode with a Section 47 enquiry should have an assessment. The enquiries are flagged,
 * and the episode's CINdetails row where the return has that module (the worked example has not).
 */
const rule2991Q = defineCinRule("2991Q", ["Section47", "Assessments"], { Section47: ["CINdetailsID"], CINdetails: ["CINdetailsID"] }, (ctx) => {
  const assessed = episodesWithAssessment(ctx);
  const keys = ctx.keys("Section47", "LAchildID", "CINdetailsID");
  const rows = rowsWhere(keys.length, (i) => { const k = keys[i] ?? null; return k !== null && !assessed.has(k); });
  const episodes = ctx.rowsByEpisode("CINdetails");
  const cinRows = new Set<number>();
  for (const r of rows) for (const c of episodes.get(keys[r] ?? "") ?? []) cinRows.add(c);
  return { Section47: rows, CINdetails: cinRows };
});

/** Each CINdetails row's child's ChildIdentifiers rows. */
function childRowsOfEpisodes(ctx: CinContext): (readonly number[])[] {
  const children = ctx.rowsByChild("ChildIdentifiers");
  return ctx.values("CINdetails", "LAchildID").map((id) => children.get(id ?? "") ?? []);
}

/** 8555Q: a child cannot be referred after its date of death; the episode and the child are flagged. */
const rule8555Q = defineCinRule("8555Q", ["CINdetails", "ChildIdentifiers"], { CINdetails: ["CINreferralDate"], ChildIdentifiers: ["PersonDeathDate"] }, (ctx) => {
  const referral = ctx.days("CINdetails", "CINreferralDate");
  const death = ctx.days("ChildIdentifiers", "PersonDeathDate");
  const cinRows: number[] = [];
  const childRows = new Set<number>();
  childRowsOfEpisodes(ctx).forEach((rows, c) => {
    const after = rows.filter((r) => (referral[c] ?? NaN) > (death[r] ?? NaN));
    if (after.length === 0) return;
    cinRows.push(c);
    for (const r of after) childRows.add(r);
  });
  return { CINdetails: cinRows, ChildIdentifiers: childRows };
});

/**
 * 8569Q: a referral made before the last working day before the census year cannot be a referral
 * with no further action. Matches the reference, which also flags a referral on that working day
 * itself (so in effect every no-further-action referral from before the census year), and names
 * CINreferralDate, not ReferralNFA, as the failing field.
 */
const rule8569Q = defineCinRule("8569Q", ["CINdetails", "Header"], { CINdetails: ["CINreferralDate"] }, (ctx) => {
  const cutoff = previousWorkingDay(ctx.collectionStart);
  const referral = ctx.days("CINdetails", "CINreferralDate");
  const nfa = ctx.values("CINdetails", "ReferralNFA");
  return { CINdetails: rowsWhere(referral.length, (i) => isTrue(nfa[i]) && (referral[i] ?? NaN) <= cutoff) };
});

/** 8585Q: an episode closed as RC2 (child died) needs the child's date of death; the episode and the child are flagged. */
const rule8585Q = defineCinRule("8585Q", ["CINdetails", "ChildIdentifiers"], { CINdetails: ["ReasonForClosure"], ChildIdentifiers: ["PersonDeathDate"] }, (ctx) => {
  const reason = ctx.values("CINdetails", "ReasonForClosure");
  const death = ctx.values("ChildIdentifiers", "PersonDeathDate");
  const cinRows: number[] = [];
  const childRows = new Set<number>();
  childRowsOfEpisodes(ctx).forEach((rows, c) => {
    if (reason[c] !== "RC2" || rows.some((r) => death[r] !== null)) return;
    cinRows.push(c);
    for (const r of rows) childRows.add(r);
  });
  return { CINdetails: cinRows, ChildIdentifiers: childRows };
});

/** 8825Q: an episode closed as RC8 or RC9 (closed after assessment) should have an assessment. */
const rule8825Q = defineCinRule("8825Q", ["CINdetails", "Assessments"], { CINdetails: ["ReasonForClosure"] }, (ctx) => {
  const assessed = episodesWithAssessment(ctx);
  const reason = ctx.values("CINdetails", "ReasonForClosure");
  const keys = ctx.keys("CINdetails", "LAchildID", "CINdetailsID");
  return {
    CINdetails: rowsWhere(reason.length, (i) => {
      const r = reason[i] ?? null;
      return (r === "RC8" || r === "RC9") && !assessed.has(keys[i] ?? "");
    }),
  };
});

/** The query rules on CINdetails (CIN-2). */
export const CIN_DETAILS_QUERY_RULES: readonly CinRule[] = [rule2991Q, rule8555Q, rule8569Q, rule8585Q, rule8825Q];
