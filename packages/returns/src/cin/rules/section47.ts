/** Rules on the Section47 module. */
import { defineCinRule, rowsWhere, type CinRule } from "../rule.ts";
import { episodePairs, inCensusYear, isTrue, isWeekend } from "./helpers.ts";

/** 1104: the initial conference cannot be before the episode's referral date (both rows flagged). */
const rule1104 = defineCinRule("1104", ["Section47", "CINdetails"], { Section47: ["DateOfInitialCPC"], CINdetails: ["CINreferralDate"] }, (ctx) => {
  const icpc = ctx.days("Section47", "DateOfInitialCPC");
  const referral = ctx.days("CINdetails", "CINreferralDate");
  const { rows, cinRows } = episodePairs(ctx, "Section47", (s, c) => (icpc[s] ?? NaN) < (referral[c] ?? NaN));
  return { Section47: rows, CINdetails: cinRows };
});

/**
 * 2884: the same initial conference recorded on the Section 47 enquiry and on its CIN episode
 * (the same date at both levels; both rows flagged).
 */
const rule2884 = defineCinRule("2884", ["Section47", "CINdetails"], { Section47: ["DateOfInitialCPC"], CINdetails: ["DateOfInitialCPC"] }, (ctx) => {
  const s47 = ctx.days("Section47", "DateOfInitialCPC");
  const cin = ctx.days("CINdetails", "DateOfInitialCPC");
  const { rows, cinRows } = episodePairs(ctx, "Section47", (s, c) => s47[s] === cin[c]);
  return { Section47: rows, CINdetails: cinRows };
});

/** 2889: a Section 47 enquiry cannot start before the episode's referral date (both rows flagged). */
const rule2889 = defineCinRule("2889", ["Section47", "CINdetails"], { Section47: ["S47ActualStartDate"], CINdetails: ["CINreferralDate"] }, (ctx) => {
  const start = ctx.days("Section47", "S47ActualStartDate");
  const referral = ctx.days("CINdetails", "CINreferralDate");
  const { rows, cinRows } = episodePairs(ctx, "Section47", (s, c) => (start[s] ?? NaN) < (referral[c] ?? NaN));
  return { Section47: rows, CINdetails: cinRows };
});

/** 8615: where an initial conference is given, the enquiry's start date must be given and not after it. */
const rule8615 = defineCinRule("8615", ["Section47"], { Section47: ["S47ActualStartDate", "DateOfInitialCPC"] }, (ctx) => {
  const start = ctx.days("Section47", "S47ActualStartDate");
  const icpc = ctx.days("Section47", "DateOfInitialCPC");
  return {
    Section47: rowsWhere(start.length, (i) => {
      const conference = icpc[i] ?? NaN;
      const s = start[i] ?? NaN;
      return !Number.isNaN(conference) && (Number.isNaN(s) || s > conference);
    }),
  };
});

/** 8715: an initial conference date, where given, must fall in the census year. */
const rule8715 = defineCinRule("8715", ["Section47", "Header"], { Section47: ["DateOfInitialCPC"] }, (ctx) => {
  const icpc = ctx.days("Section47", "DateOfInitialCPC");
  return { Section47: rowsWhere(icpc.length, (i) => { const d = icpc[i] ?? NaN; return !Number.isNaN(d) && !inCensusYear(ctx, d); }) };
});

/**
 * 8740: an enquiry whose initial conference was not held by the census day (and is not marked
 * as not required) must have started in the census year.
 */
const rule8740 = defineCinRule("8740", ["Section47", "Header"], { Section47: ["S47ActualStartDate"] }, (ctx) => {
  const start = ctx.days("Section47", "S47ActualStartDate");
  const icpc = ctx.days("Section47", "DateOfInitialCPC");
  const notRequired = ctx.values("Section47", "ICPCnotRequired");
  return {
    Section47: rowsWhere(start.length, (i) => {
      const held = (icpc[i] ?? NaN) <= ctx.collectionEnd;
      const s = start[i] ?? NaN;
      return !held && !isTrue(notRequired[i]) && !Number.isNaN(s) && !inCensusYear(ctx, s);
    }),
  };
});

/** An enquiry is open when it has no initial conference and is not marked as needing none. */
const openEnquiry = (icpc: string | null | undefined, notRequired: string | null | undefined): boolean => icpc == null && !isTrue(notRequired);

/** 8839: a CIN episode can have at most one open Section 47 enquiry; the open ones are flagged. */
const rule8839 = defineCinRule("8839", ["Section47"], { Section47: ["DateOfInitialCPC"] }, (ctx) => {
  const icpc = ctx.values("Section47", "DateOfInitialCPC");
  const notRequired = ctx.values("Section47", "ICPCnotRequired");
  const out: number[] = [];
  for (const rows of ctx.rowsByEpisode("Section47").values()) {
    const open = rows.filter((r) => openEnquiry(icpc[r], notRequired[r]));
    if (open.length > 1) out.push(...open);
  }
  return { Section47: out };
});

/** 8875: an initial conference cannot be on a Saturday or Sunday. */
const rule8875 = defineCinRule("8875", ["Section47"], { Section47: ["DateOfInitialCPC"] }, (ctx) => {
  const icpc = ctx.days("Section47", "DateOfInitialCPC");
  return { Section47: rowsWhere(icpc.length, (i) => isWeekend(icpc[i] ?? NaN)) };
});

/**
 * 8890: an enquiry cannot start while another of the child's enquiries is ongoing: from its start
 * to its initial conference, or on (no conference yet) unless marked as needing none. The
 * enquiry that starts during another is flagged.
 */
const rule8890 = defineCinRule("8890", ["Section47"], { Section47: ["S47ActualStartDate"] }, (ctx) => {
  const start = ctx.days("Section47", "S47ActualStartDate");
  const icpc = ctx.days("Section47", "DateOfInitialCPC");
  const notRequired = ctx.values("Section47", "ICPCnotRequired");
  const endOf = (r: number): number => {
    const conference = icpc[r] ?? NaN;
    if (!Number.isNaN(conference)) return conference;
    return isTrue(notRequired[r]) ? (start[r] ?? NaN) : Infinity;
  };
  const out: number[] = [];
  for (const rows of ctx.rowsByChild("Section47").values()) {
    const sorted = rows.filter((r) => !Number.isNaN(start[r] ?? NaN)).sort((a, b) => (start[a] ?? 0) - (start[b] ?? 0));
    let ongoingUntil = -Infinity;
    for (const r of sorted) {
      if ((start[r] ?? NaN) < ongoingUntil) out.push(r);
      ongoingUntil = Math.max(ongoingUntil, endOf(r));
    }
  }
  return { Section47: out };
});

/** The Section47 rules. */
export const SECTION47_RULES: readonly CinRule[] = [rule1104, rule2884, rule2889, rule8615, rule8715, rule8740, rule8839, rule8875, rule8890];
