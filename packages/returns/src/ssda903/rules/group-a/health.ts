/** Rules on the OC2 table's health, offending and substance-misuse items. */
import { OC2_ITEMS } from "../../../ssda903-tables.ts";
import { defineRule, rowsWhere } from "../../rule.ts";
import { allFilled, anyFilled, columnsOf, filled } from "./helpers.ts";

/** The OC2 items that must always be given for a child in the OC2 cohort. */
export const OC2_REQUIRED = ["IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE"] as const;

/** 158: an intervention received (1) leaves "intervention offered" blank. */
export const rule158 = defineRule("158", ["OC2"], (ctx) => {
  const received = ctx.values("OC2", "INTERVENTION_RECEIVED");
  const offered = ctx.values("OC2", "INTERVENTION_OFFERED");
  return { OC2: rowsWhere(received.length, (i) => received[i] === "1" && filled(offered[i])) };
});

/** 159: a substance misuse problem with no intervention received (0) needs "intervention offered". */
export const rule159 = defineRule("159", ["OC2"], (ctx) => {
  const misuse = ctx.values("OC2", "SUBSTANCE_MISUSE");
  const received = ctx.values("OC2", "INTERVENTION_RECEIVED");
  const offered = ctx.values("OC2", "INTERVENTION_OFFERED");
  return { OC2: rowsWhere(misuse.length, (i) => misuse[i] === "1" && received[i] === "0" && !filled(offered[i])) };
});

/** 181: every OC2 item given must be 0 or 1. */
export const rule181 = defineRule("181", ["OC2"], (ctx) => {
  const items = columnsOf(ctx, "OC2", OC2_ITEMS);
  return { OC2: rowsWhere(ctx.rows("OC2").length, (i) => items.some((c) => filled(c[i]) && c[i] !== "0" && c[i] !== "1")) };
});

/** 182: once any OC2 item is given, immunisations, teeth, health assessment and substance misuse are all needed. */
export const rule182 = defineRule("182", ["OC2"], (ctx) => {
  const items = columnsOf(ctx, "OC2", OC2_ITEMS);
  const required = columnsOf(ctx, "OC2", OC2_REQUIRED);
  return { OC2: rowsWhere(ctx.rows("OC2").length, (i) => anyFilled(items, i) && !allFilled(required, i)) };
});

/** 192: a substance misuse problem (1) needs "intervention received". */
export const rule192 = defineRule("192", ["OC2"], (ctx) => {
  const misuse = ctx.values("OC2", "SUBSTANCE_MISUSE");
  const received = ctx.values("OC2", "INTERVENTION_RECEIVED");
  return { OC2: rowsWhere(misuse.length, (i) => misuse[i] === "1" && !filled(received[i])) };
});

/** 193: without a substance misuse problem, both intervention items stay blank. */
export const rule193 = defineRule("193", ["OC2"], (ctx) => {
  const misuse = ctx.values("OC2", "SUBSTANCE_MISUSE");
  const interventions = columnsOf(ctx, "OC2", ["INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"]);
  return { OC2: rowsWhere(misuse.length, (i) => misuse[i] !== "1" && anyFilled(interventions, i)) };
});
