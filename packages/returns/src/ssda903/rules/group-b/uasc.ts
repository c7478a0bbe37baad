/**
 * Rules on unaccompanied asylum-seeking children (205A–205D, 231, 303, 304).
 *
 * Whether a child was UASC in a year comes from the Header's UASC flag where the return carries
 * one (the XML return does; the CSV return does not) and otherwise from the UASC table: a row
 * with a date UASC ceased (DUC). Last year's status comes from Header_last's flag only in an XML
 * return and otherwise from UASC_last, even where Header_last has a flag: the reference's worked
 * examples (205A–205C, CSV and XML) only pass that way, so we do the same.
 */
import { addYears, ageOn, dayFromReturnDate, type Day } from "../../../validation/day.ts";
import type { Ssda903Context } from "../../context.ts";
import { defineRule, rowsWhere, type RowFindings } from "../../rule.ts";
import { dayAt, firstValueByChild, rowsOfChildren } from "./shared.ts";

/** A child's UASC status in both years and the dates it ceased. */
interface UascHistory {
  /** Every child named in any of the tables read. */
  readonly children: ReadonlySet<string>;
  readonly thisYear: (child: string) => boolean;
  readonly lastYear: (child: string) => boolean;
  /** True when this year's status comes from the Header flag (so findings belong to Header). */
  readonly thisYearFromHeader: boolean;
  readonly duc: ReadonlyMap<string, string | null>;
  readonly ducLast: ReadonlyMap<string, string | null>;
}

/** Children whose Header (or Header_last) UASC flag is 1, or null when the table has no flag. */
function flagged(ctx: Ssda903Context, table: "Header" | "Header_last"): Set<string> | null {
  if (!ctx.hasColumn(table, "UASC")) return null;
  const flags = ctx.values(table, "UASC");
  const out = new Set<string>();
  ctx.values(table, "CHILD").forEach((child, i) => {
    if (child !== null && flags[i] === "1") out.add(child);
  });
  return out;
}

const historyCache = new WeakMap<Ssda903Context, UascHistory>();

/** The UASC history of every child, computed once per validation. */
function uascHistory(ctx: Ssda903Context): UascHistory {
  const cached = historyCache.get(ctx);
  if (cached !== undefined) return cached;
  const duc = firstValueByChild(ctx, "UASC", "DUC");
  const ducLast = firstValueByChild(ctx, "UASC_last", "DUC");
  const headerFlags = flagged(ctx, "Header");
  const lastHeaderFlags = ctx.metadata.fileFormat === "xml" ? flagged(ctx, "Header_last") : null;
  const children = new Set([...duc.keys(), ...ducLast.keys(), ...ctx.rowsByChild("Header").keys()]);
  const history: UascHistory = {
    children,
    thisYear: headerFlags === null ? (c) => (duc.get(c) ?? null) !== null : (c) => headerFlags.has(c),
    lastYear: lastHeaderFlags === null ? (c) => (ducLast.get(c) ?? null) !== null : (c) => lastHeaderFlags.has(c),
    thisYearFromHeader: headerFlags !== null,
    duc,
    ducLast,
  };
  historyCache.set(ctx, history);
  return history;
}

/** This year's UASC and Header rows of the children failing a test. */
function uascFindings(ctx: Ssda903Context, failing: (child: string, h: UascHistory) => boolean): RowFindings {
  const h = uascHistory(ctx);
  const children = new Set([...h.children].filter((c) => failing(c, h)));
  return { UASC: rowsOfChildren(ctx, "UASC", children), Header: rowsOfChildren(ctx, "Header", children) };
}

const day = (value: string | null | undefined): Day => dayFromReturnDate(value ?? null);

/** 205A: UASC last year but not this year, yet last year's DUC is not before this collection year. */
export const rule205A = defineRule("205A", ["UASC", "UASC_last"], (ctx) =>
  uascFindings(ctx, (c, h) => h.lastYear(c) && !h.thisYear(c) && day(h.ducLast.get(c)) >= ctx.collectionStart),
);

/**
 * 205B: UASC in both years, yet the DUCs of the two years differ, or this year's DUC is not the
 * 18th birthday (the reference's examples flag a DUC kept the same in both years when it is not
 * the 18th birthday). A child with no DUC in either year is still UASC and passes.
 */
export const rule205B = defineRule("205B", ["UASC", "UASC_last"], (ctx) => {
  const dob = firstValueByChild(ctx, "UASC", "DOB");
  return uascFindings(ctx, (c, h) => {
    if (!h.thisYear(c) || !h.lastYear(c)) return false;
    const now = h.duc.get(c) ?? null;
    const last = h.ducLast.get(c) ?? null;
    const differ = now !== last && !(day(now) === day(last) && !Number.isNaN(day(now)));
    return differ || (now !== null && day(now) !== addYears(day(dob.get(c)), 18));
  });
});

/** 205C: UASC in neither year, yet a DUC was given in one of them. */
export const rule205C = defineRule("205C", ["UASC", "UASC_last"], (ctx) =>
  uascFindings(ctx, (c, h) => !h.thisYear(c) && !h.lastYear(c) && ((h.duc.get(c) ?? null) !== null || (h.ducLast.get(c) ?? null) !== null)),
);

/** 205D: UASC this year but not last year; reported on the rows this year's status was read from. */
export const rule205D = defineRule("205D", ["UASC", "UASC_last"], (ctx) => {
  const h = uascHistory(ctx);
  const children = new Set([...h.children].filter((c) => h.thisYear(c) && !h.lastYear(c)));
  return h.thisYearFromHeader ? { Header: rowsOfChildren(ctx, "Header", children) } : { UASC: rowsOfChildren(ctx, "UASC", children) };
});

/**
 * 231: a UASC child (Header flag UASC = 1) is expected to be at least 11 on 31 March ending the
 * collection year. The CSV return carries no UASC flag in its header, so this rule reads only the
 * flag (as the XML return gives it); the DfE example's UASC_STATUS column is that flag.
 */
export const rule231 = defineRule("231", ["Header"], (ctx) => {
  if (!ctx.hasColumn("Header", "UASC")) return {};
  const uasc = ctx.values("Header", "UASC");
  const dob = ctx.days("Header", "DOB");
  return { Header: rowsWhere(uasc.length, (i) => uasc[i] === "1" && ageOn(dayAt(dob, i), ctx.collectionEnd) < 11) };
});

/** 303: a child with a DUC must have the Header UASC flag 1 (only checked where the Header has the flag). */
export const rule303 = defineRule("303", ["UASC", "Header"], (ctx) => {
  if (!ctx.hasColumn("Header", "UASC")) return {};
  const flag = firstValueByChild(ctx, "Header", "UASC");
  const children = new Set<string>();
  for (const [child, duc] of firstValueByChild(ctx, "UASC", "DUC")) {
    if (duc !== null && flag.has(child) && flag.get(child) !== "1") children.add(child);
  }
  return { UASC: rowsOfChildren(ctx, "UASC", children), Header: rowsOfChildren(ctx, "Header", children) };
});

/** 304: the DUC must be on or before the child's 18th birthday. */
export const rule304 = defineRule("304", ["UASC"], (ctx) => {
  const dob = ctx.days("UASC", "DOB");
  const duc = ctx.days("UASC", "DUC");
  return { UASC: rowsWhere(duc.length, (i) => dayAt(duc, i) > addYears(dayAt(dob, i), 18)) };
});
