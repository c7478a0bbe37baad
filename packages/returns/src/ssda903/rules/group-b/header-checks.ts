/** Rules on a child's header: UPN codes by age and care (209, 210), sex (232) and date of birth (301, 351). */
import { addYears, ageOn, dayFromParts, partsOfDay, type Day } from "../../../validation/day.ts";
import { defineRule, rowsWhere } from "../../rule.ts";
import { dayAt, rowsOfChildren, upperAt } from "./shared.ts";

/** The last 31 August on or before a day (the start of the school year it falls in). */
function schoolYearStart(on: Day): Day {
  if (Number.isNaN(on)) return Number.NaN;
  const { year } = partsOfDay(on);
  const august = dayFromParts(year, 8, 31);
  return august <= on ? august : dayFromParts(year - 1, 8, 31);
}

/** 209: UN1 (not yet of school age) is wrong for a child aged 5 or over at the start of the school year before the collection year. */
export const rule209 = defineRule("209", ["Header"], (ctx) => {
  const upn = ctx.values("Header", "UPN");
  const dob = ctx.days("Header", "DOB");
  const schoolStart = schoolYearStart(ctx.collectionStart);
  return { Header: rowsWhere(upn.length, (i) => upperAt(upn, i) === "UN1" && ageOn(dayAt(dob, i), schoolStart) >= 5) };
});

/**
 * 210: UPN code UN4 (UPN not yet obtained). The reference's example reports children whose latest
 * episode started a week or less before 31 March, the opposite of what the message says; we
 * match the reference. Reports the latest episode and the header.
 */
export const rule210 = defineRule("210", ["Header", "Episodes"], (ctx) => {
  const upn = ctx.values("Header", "UPN");
  const unknown = new Set<string>();
  ctx.values("Header", "CHILD").forEach((child, i) => {
    if (child !== null && upperAt(upn, i) === "UN4") unknown.add(child);
  });
  const decom = ctx.days("Episodes", "DECOM");
  const episodes: number[] = [];
  const children = new Set<string>();
  for (const child of unknown) {
    const rows = ctx.rowsByChild("Episodes").get(child) ?? [];
    let latest = Number.NEGATIVE_INFINITY;
    for (const r of rows) latest = Math.max(latest, Number.isNaN(dayAt(decom, r)) ? latest : dayAt(decom, r));
    if (!(ctx.collectionEnd - latest <= 7)) continue;
    children.add(child);
    for (const r of rows) if (dayAt(decom, r) === latest) episodes.push(r);
  }
  return { Episodes: episodes, Header: rowsOfChildren(ctx, "Header", children) };
});

/** 232: sex reported as unknown (U). */
export const rule232 = defineRule("232", ["Header"], (ctx) => {
  const sex = ctx.values("Header", "SEX");
  return { Header: rowsWhere(sex.length, (i) => upperAt(sex, i) === "U") };
});

/** 301: date of birth after the end of the collection year. */
export const rule301 = defineRule("301", ["Header"], (ctx) => {
  const dob = ctx.days("Header", "DOB");
  return { Header: rowsWhere(dob.length, (i) => dayAt(dob, i) > ctx.collectionEnd) };
});

/** 351: the child's 25th birthday was before the start of the collection year. */
export const rule351 = defineRule("351", ["Header"], (ctx) => {
  const dob = ctx.days("Header", "DOB");
  return { Header: rowsWhere(dob.length, (i) => addYears(dayAt(dob, i), 25) < ctx.collectionStart) };
});
