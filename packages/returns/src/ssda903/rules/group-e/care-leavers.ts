/** Rules on who may have care leaver information (OC3): 1000–1002, 1010, 1011, 1014. */
import { addYears, type Day } from "../../../validation/day.ts";
import { defineRule, rowsWhere } from "../../rule.ts";
import { ADOPTED, careLeaverInfo, childrenOf, firstRowByChild, latestEpisodeOf } from "./shared.ts";

/** 1000: a child who died in care (REC E2, this year or last) cannot have care leaver information. */
export const rule1000 = defineRule("1000", ["Episodes", "OC3"], (ctx) => {
  const died = new Set<string>();
  for (const table of ["Episodes", "Episodes_last"] as const) {
    if (!ctx.has(table)) continue;
    const rec = ctx.values(table, "REC");
    ctx.values(table, "CHILD").forEach((c, i) => {
      if (c !== null && rec[i] === "E2") died.add(c);
    });
  }
  const child = ctx.values("OC3", "CHILD");
  return { OC3: rowsWhere(child.length, (i) => died.has(child[i] ?? "")) };
});

/** Thirteen weeks, in days. */
const THIRTEEN_WEEKS = 91;
const RESPITE: ReadonlySet<string> = new Set(["V3", "V4"]);

/**
 * 1001: care leaver information is for relevant and former relevant children: looked after for at
 * least 13 weeks since their 14th birthday, looked after on or after their 16th, and not adopted.
 * Counts this year's and last year's episodes (the same episode in both counts once), leaving out
 * respite (LS V3/V4) and episodes without an end. Children without a date of birth fail.
 */
export const rule1001 = defineRule("1001", ["Episodes", "Episodes_last", "OC3", "Header"], (ctx) => {
  const dob = ctx.days("Header", "DOB");
  const header = firstRowByChild(ctx, "Header");
  type Episode = { readonly start: Day; readonly end: Day; readonly ls: string | null; readonly rec: string | null };
  const leavers = ctx.childPresent("OC3");
  const byChild = new Map<string, Map<Day, Episode>>();
  // Last year first, so this year's copy of an episode (same start) replaces it.
  for (const table of ["Episodes_last", "Episodes"] as const) {
    const decom = ctx.days(table, "DECOM");
    const dec = ctx.days(table, "DEC");
    const ls = ctx.values(table, "LS");
    const rec = ctx.values(table, "REC");
    const ids = ctx.childIndex(table);
    ctx.values(table, "CHILD").forEach((c, i) => {
      const start = decom[i] ?? Number.NaN;
      if (c === null || Number.isNaN(start) || leavers[ids[i] ?? -1] !== 1) return;
      let own = byChild.get(c);
      if (own === undefined) byChild.set(c, (own = new Map<Day, Episode>()));
      own.set(start, { start, end: dec[i] ?? Number.NaN, ls: ls[i] ?? null, rec: rec[i] ?? null });
    });
  }
  const relevant = (child: string): boolean => {
    const h = header.get(child);
    const birth = h === undefined ? Number.NaN : (dob[h] ?? Number.NaN);
    const own = byChild.get(child);
    if (Number.isNaN(birth) || own === undefined) return false;
    const fourteen = addYears(birth, 14);
    const sixteen = addYears(birth, 16);
    let days = 0;
    let afterSixteen = false;
    for (const e of own.values()) {
      if (e.rec !== null && ADOPTED.has(e.rec)) return false;
      if (Number.isNaN(e.end) || (e.ls !== null && RESPITE.has(e.ls))) continue;
      days += Math.max(0, e.end - Math.max(e.start, fourteen));
      if (e.end >= sixteen) afterSixteen = true;
    }
    return days >= THIRTEEN_WEEKS && afterSixteen;
  };
  const child = ctx.values("OC3", "CHILD");
  return { OC3: rowsWhere(child.length, (i) => !relevant(child[i] ?? "")) };
});

/** 1002: a care leaver must have episodes of care this year or last. */
export const rule1002 = defineRule("1002", ["Episodes", "Episodes_last", "OC3"], (ctx) => {
  const now = childrenOf(ctx, "Episodes");
  const before = childrenOf(ctx, "Episodes_last");
  const child = ctx.values("OC3", "CHILD");
  return { OC3: rowsWhere(child.length, (i) => { const c = child[i] ?? ""; return !now.has(c) && !before.has(c); }) };
});

/**
 * 1010: a child whose latest episode last year was still open must have episodes this year; care
 * leaver information alone is not enough.
 */
export const rule1010 = defineRule("1010", ["Episodes", "Episodes_last", "OC3"], (ctx) => {
  const now = childrenOf(ctx, "Episodes");
  const dec = ctx.values("Episodes_last", "DEC");
  const decom = ctx.days("Episodes_last", "DECOM");
  const lastByChild = ctx.rowsByChild("Episodes_last");
  // Only the care leavers' latest episodes are needed (OC3 is small), not every child's.
  const open = (c: string): boolean => {
    const latest = latestEpisodeOf(lastByChild.get(c) ?? [], decom);
    return latest >= 0 && (dec[latest] ?? null) === null;
  };
  const child = ctx.values("OC3", "CHILD");
  return { OC3: rowsWhere(child.length, (i) => { const c = child[i] ?? ""; return open(c) && !now.has(c); }) };
});

/** 1011: a child whose final episode ended in a transfer to another authority (REC E3) cannot have care leaver information. */
export const rule1011 = defineRule("1011", ["Episodes", "OC3"], (ctx) => {
  const rec = ctx.values("Episodes", "REC");
  const decom = ctx.days("Episodes", "DECOM");
  const byChild = ctx.rowsByChild("Episodes");
  // Only the care leavers' latest episodes are needed (OC3 is small), not every child's.
  const transferred = (c: string): boolean => {
    const latest = latestEpisodeOf(byChild.get(c) ?? [], decom);
    return latest >= 0 && rec[latest] === "E3";
  };
  const info = careLeaverInfo(ctx);
  const child = ctx.values("OC3", "CHILD");
  return { OC3: rowsWhere(child.length, (i) => info[i] === true && transferred(child[i] ?? "")) };
});

/**
 * 1014: a care leaver (care leaver information, no episode in the collection year) cannot have
 * UASC information. Flags the child's UASC and OC3 rows.
 */
export const rule1014 = defineRule("1014", ["Episodes", "UASC", "OC3"], (ctx) => {
  const decom = ctx.days("Episodes", "DECOM");
  const dec = ctx.days("Episodes", "DEC");
  const byChild = ctx.rowsByChild("Episodes");
  // Only the care leavers' episodes are looked at (OC3 is small), not every child's.
  const lookedAfter = (c: string): boolean =>
    (byChild.get(c) ?? []).some((i) => {
      const d = dec[i] ?? Number.NaN;
      return (decom[i] ?? Number.NaN) <= ctx.collectionEnd && (Number.isNaN(d) || d >= ctx.collectionStart);
    });
  const info = careLeaverInfo(ctx);
  const oc3Child = ctx.values("OC3", "CHILD");
  const leavers = new Set<string>();
  oc3Child.forEach((c, i) => {
    if (c !== null && info[i] === true && !lookedAfter(c)) leavers.add(c);
  });
  const uasc = childrenOf(ctx, "UASC");
  const uascChild = ctx.values("UASC", "CHILD");
  return {
    UASC: rowsWhere(uascChild.length, (i) => leavers.has(uascChild[i] ?? "")),
    OC3: rowsWhere(oc3Child.length, (i) => { const c = oc3Child[i] ?? ""; return leavers.has(c) && uasc.has(c); }),
  };
});
