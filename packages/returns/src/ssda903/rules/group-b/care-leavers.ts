/** Rules on care leavers (OC3) and children looked after for 12 months (OC2) (215, 344, 345, 347). */
import { ageOn } from "../../../validation/day.ts";
import type { Ssda903Context } from "../../context.ts";
import { defineRule, rowsWhere } from "../../rule.ts";
import { OC2_ITEMS } from "../../../ssda903-tables.ts";
import { dayAt, rowsOfChildren, upperAt } from "./shared.ts";

const CARE_LEAVER_FIELDS = ["IN_TOUCH", "ACTIV", "ACCOM"];

/** Children with at least one of the fields given in some row of the table. */
function childrenWithAny(ctx: Ssda903Context, table: "OC2" | "OC3", fields: readonly string[]): Set<string> {
  const columns = fields.map((f) => ctx.values(table, f));
  const out = new Set<string>();
  ctx.values(table, "CHILD").forEach((child, i) => {
    if (child !== null && columns.some((c) => c[i] != null)) out.add(child);
  });
  return out;
}

/** 215: a care leaver (OC3 given) must not also have the 12-month (OC2) outcomes; both rows are reported. */
export const rule215 = defineRule("215", ["OC2", "OC3"], (ctx) => {
  const leavers = childrenWithAny(ctx, "OC3", CARE_LEAVER_FIELDS);
  const both = new Set([...childrenWithAny(ctx, "OC2", OC2_ITEMS)].filter((c) => leavers.has(c)));
  return { OC2: rowsOfChildren(ctx, "OC2", both), OC3: rowsOfChildren(ctx, "OC3", both) };
});

/**
 * 344: a young person who died (DIED) or returned home (RHOM) has no activity or accommodation.
 * Both given as 0 (the "none" value) is accepted, as in the reference; anything else given is reported.
 */
export const rule344 = defineRule("344", ["OC3"], (ctx) => {
  const inTouch = ctx.values("OC3", "IN_TOUCH");
  const activity = ctx.values("OC3", "ACTIV");
  const accommodation = ctx.values("OC3", "ACCOM");
  return {
    OC3: rowsWhere(inTouch.length, (i) => {
      const status = upperAt(inTouch, i);
      if (status !== "DIED" && status !== "RHOM") return false;
      const given = activity[i] != null || accommodation[i] != null;
      return given && !(activity[i] === "0" && accommodation[i] === "0");
    }),
  };
});

/** 345: a young person the authority is in touch with (YES) must not have activity or accommodation 0. */
export const rule345 = defineRule("345", ["OC3"], (ctx) => {
  const inTouch = ctx.values("OC3", "IN_TOUCH");
  const activity = ctx.values("OC3", "ACTIV");
  const accommodation = ctx.values("OC3", "ACCOM");
  return { OC3: rowsWhere(inTouch.length, (i) => upperAt(inTouch, i) === "YES" && (activity[i] === "0" || accommodation[i] === "0")) };
});

/**
 * 347: a care leaver under 18 at the start of the collection year cannot be in a Foyer (ACCOM T,
 * T1, T2). Those reported as died or returned home are left to rule 344, as in the reference,
 * which reports none of them here.
 */
export const rule347 = defineRule("347", ["OC3"], (ctx) => {
  const dob = ctx.days("OC3", "DOB");
  const inTouch = ctx.values("OC3", "IN_TOUCH");
  const accommodation = ctx.values("OC3", "ACCOM");
  return {
    OC3: rowsWhere(dob.length, (i) => {
      const status = upperAt(inTouch, i);
      if (status === "DIED" || status === "RHOM") return false;
      return /^T[12]?$/.test(upperAt(accommodation, i) ?? "") && ageOn(dayAt(dob, i), ctx.collectionStart) < 18;
    }),
  };
});
