/** Rules on the CINdetails module's own fields. */
import type { CinContext } from "../context.ts";
import { defineCinRule, rowsWhere, type CinRule } from "../rule.ts";
import { inCensusYear, isFalse, isTrue, overlappingRows } from "./helpers.ts";

const FLAG_VALUES = new Set(["true", "false", "1", "0"]);
const CLOSURE_REASONS = new Set(["RC1", "RC2", "RC3", "RC4", "RC5", "RC6", "RC7", "RC8", "RC9"]);
const PRIMARY_NEED_CODES = new Set(["N0", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9"]);

/** 8568: the referral-with-no-further-action flag must be given and be true/false (or 1/0). */
const rule8568 = defineCinRule("8568", ["CINdetails"], { CINdetails: ["ReferralNFA"] }, (ctx) => {
  const nfa = ctx.values("CINdetails", "ReferralNFA");
  return { CINdetails: rowsWhere(nfa.length, (i) => !FLAG_VALUES.has((nfa[i] ?? "").toLowerCase())) };
});

/** 8600: the referral date must be given and not after the census day. */
const rule8600 = defineCinRule("8600", ["CINdetails", "Header"], { CINdetails: ["CINreferralDate"] }, (ctx) => {
  const referral = ctx.days("CINdetails", "CINreferralDate");
  return { CINdetails: rowsWhere(referral.length, (i) => { const d = referral[i] ?? NaN; return Number.isNaN(d) || d > ctx.collectionEnd; }) };
});

/** 8610: a referral going on to further action (ReferralNFA false) must have a primary need code. */
const rule8610 = defineCinRule("8610", ["CINdetails"], { CINdetails: ["ReferralNFA", "PrimaryNeedCode"] }, (ctx) => {
  const nfa = ctx.values("CINdetails", "ReferralNFA");
  const need = ctx.values("CINdetails", "PrimaryNeedCode");
  return { CINdetails: rowsWhere(nfa.length, (i) => isFalse(nfa[i]) && need[i] === null) };
});

/** 8620: a closure date, where given, must fall in the census year. */
const rule8620 = defineCinRule("8620", ["CINdetails", "Header"], { CINdetails: ["CINclosureDate"] }, (ctx) => {
  const closure = ctx.days("CINdetails", "CINclosureDate");
  return { CINdetails: rowsWhere(closure.length, (i) => { const d = closure[i] ?? NaN; return !Number.isNaN(d) && !inCensusYear(ctx, d); }) };
});

/** 8630: an episode cannot close before its referral date. */
const rule8630 = defineCinRule("8630", ["CINdetails"], { CINdetails: ["CINreferralDate", "CINclosureDate"] }, (ctx) => {
  const referral = ctx.days("CINdetails", "CINreferralDate");
  const closure = ctx.days("CINdetails", "CINclosureDate");
  return { CINdetails: rowsWhere(referral.length, (i) => (closure[i] ?? NaN) < (referral[i] ?? NaN)) };
});

/** 8640: a closure reason, where given, must be RC1–RC9. */
const rule8640 = defineCinRule("8640", ["CINdetails"], { CINdetails: ["ReasonForClosure"] }, (ctx) => {
  const reason = ctx.values("CINdetails", "ReasonForClosure");
  return { CINdetails: rowsWhere(reason.length, (i) => { const r = reason[i] ?? null; return r !== null && !CLOSURE_REASONS.has(r); }) };
});

/** 8650: a primary need code, where given, must be N0–N9. */
const rule8650 = defineCinRule("8650", ["CINdetails"], { CINdetails: ["PrimaryNeedCode"] }, (ctx) => {
  const need = ctx.values("CINdetails", "PrimaryNeedCode");
  return { CINdetails: rowsWhere(need.length, (i) => { const n = need[i] ?? null; return n !== null && !PRIMARY_NEED_CODES.has(n); }) };
});

/** 8805: a closed episode must have a reason for closure. */
const rule8805 = defineCinRule("8805", ["CINdetails"], { CINdetails: ["CINclosureDate", "ReasonForClosure"] }, (ctx) => {
  const closure = ctx.values("CINdetails", "CINclosureDate");
  const reason = ctx.values("CINdetails", "ReasonForClosure");
  return { CINdetails: rowsWhere(closure.length, (i) => closure[i] !== null && reason[i] === null) };
});

/** 8810: a reason for closure needs a closure date. */
const rule8810 = defineCinRule("8810", ["CINdetails"], { CINdetails: ["ReasonForClosure", "CINclosureDate"] }, (ctx) => {
  const closure = ctx.values("CINdetails", "CINclosureDate");
  const reason = ctx.values("CINdetails", "ReasonForClosure");
  return { CINdetails: rowsWhere(closure.length, (i) => reason[i] !== null && closure[i] === null) };
});

/** A child's open episodes (no closure date) that are not referrals with no further action. */
function openEpisodes(ctx: CinContext): Map<string, number[]> {
  const closure = ctx.values("CINdetails", "CINclosureDate");
  const nfa = ctx.values("CINdetails", "ReferralNFA");
  const open = new Map<string, number[]>();
  ctx.values("CINdetails", "LAchildID").forEach((id, i) => {
    if (id === null || closure[i] !== null || isTrue(nfa[i])) return;
    const list = open.get(id);
    if (list === undefined) open.set(id, [i]);
    else list.push(i);
  });
  return open;
}

/** 8815: a child can have at most one open episode that is not a referral with no further action. */
const rule8815 = defineCinRule("8815", ["CINdetails"], { CINdetails: ["ReferralNFA", "CINclosureDate"] }, (ctx) => {
  const out: number[] = [];
  for (const rows of openEpisodes(ctx).values()) if (rows.length > 1) out.push(...rows);
  return { CINdetails: out };
});

/** 8816: an open episode that is not a referral with no further action must be the child's latest referral (ties are all latest). */
const rule8816 = defineCinRule("8816", ["CINdetails"], { CINdetails: ["CINreferralDate", "ReferralNFA"] }, (ctx) => {
  const referral = ctx.days("CINdetails", "CINreferralDate");
  const latest = new Map<string, number>();
  for (const [id, rows] of ctx.rowsByChild("CINdetails")) {
    let max = -Infinity;
    for (const r of rows) max = Math.max(max, Number.isNaN(referral[r] ?? NaN) ? -Infinity : (referral[r] ?? NaN));
    latest.set(id, max);
  }
  const out: number[] = [];
  for (const [id, rows] of openEpisodes(ctx)) {
    for (const r of rows) if ((referral[r] ?? NaN) < (latest.get(id) ?? NaN)) out.push(r);
  }
  return { CINdetails: out };
});

/** 8820: a child's episodes cannot overlap (one may start the day another closes; an open episode runs on). */
const rule8820 = defineCinRule("8820", ["CINdetails"], { CINdetails: ["CINreferralDate", "CINclosureDate"] }, (ctx) => ({
  CINdetails: overlappingRows(ctx.rowsByChild("CINdetails"), ctx.days("CINdetails", "CINreferralDate"), ctx.days("CINdetails", "CINclosureDate")),
}));

/** Referral source codes. */
const REFERRAL_SOURCES = new Set(["1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F", "4", "5A", "5B", "5C", "5D", "6", "7", "8", "9", "10"]);
/** 1 April 2013: referrals from then on must give their source in the current code set. */
const SOURCE_REQUIRED_FROM = Date.UTC(2013, 3, 1) / 86_400_000;

/** 8866: a referral made on or after 1 April 2013 must give a valid source of referral. */
const rule8866 = defineCinRule("8866", ["CINdetails"], { CINdetails: ["ReferralSource"] }, (ctx) => {
  const referral = ctx.days("CINdetails", "CINreferralDate");
  const source = ctx.values("CINdetails", "ReferralSource");
  return { CINdetails: rowsWhere(source.length, (i) => (referral[i] ?? NaN) >= SOURCE_REQUIRED_FROM && !REFERRAL_SOURCES.has(source[i] ?? "")) };
});

/** The rules on CINdetails fields. */
export const CIN_DETAILS_RULES: readonly CinRule[] = [rule8568, rule8600, rule8610, rule8620, rule8630, rule8640, rule8650, rule8805, rule8810, rule8815, rule8816, rule8820, rule8866];
