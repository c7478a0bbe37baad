/** Query (Q) rules on Section 47 enquiries and child protection plan reviews. */
import { defineCinRule, rowsWhere, type CinRule } from "../rule.ts";
import { isTrue, isWeekend } from "./helpers.ts";
import { workingDaysBetween } from "./working-days-2.ts";

/**
 * 8675Q: an enquiry started more than 15 working days before the census day should have an
 * initial conference date, unless a conference was not required.
 */
const rule8675Q = defineCinRule("8675Q", ["Section47", "Header"], { Section47: ["DateOfInitialCPC", "S47ActualStartDate", "ICPCnotRequired"] }, (ctx) => {
  const start = ctx.days("Section47", "S47ActualStartDate");
  const conference = ctx.values("Section47", "DateOfInitialCPC");
  const notRequired = ctx.values("Section47", "ICPCnotRequired");
  const census = ctx.collectionEnd;
  return {
    Section47: rowsWhere(start.length, (i) => conference[i] === null && !isTrue(notRequired[i]) && workingDaysBetween(start[i] ?? NaN, census) > 15),
  };
});

/** 8870Q: the target date of the initial conference should not fall on a weekend. */
const rule8870Q = defineCinRule("8870Q", ["Section47"], { Section47: ["InitialCPCtarget"] }, (ctx) => {
  const target = ctx.days("Section47", "InitialCPCtarget");
  return { Section47: rowsWhere(target.length, (i) => isWeekend(target[i] ?? NaN)) };
});

/** 8842Q: a review record must have a date. */
const rule8842Q = defineCinRule("8842Q", ["Reviews"], { Reviews: ["CPPreviewDate"] }, (ctx) => {
  const date = ctx.values("Reviews", "CPPreviewDate");
  return { Reviews: rowsWhere(date.length, (i) => date[i] === null) };
});

/** The query rules on Section47 and Reviews (CIN-2). */
export const CHILD_PROTECTION_QUERY_RULES: readonly CinRule[] = [rule8675Q, rule8870Q, rule8842Q];
