/** Rules on the OC3 table: care leavers' contact, activity and accommodation. */
import { defineRule, rowsWhere } from "../../rule.ts";
import { allFilled, anyFilled, codeRule, columnsOf } from "./helpers.ts";

/** 131: whether the authority is in touch with the care leaver (a blank fails). */
export const rule131 = codeRule("131", "OC3", "IN_TOUCH", new Set(["YES", "NO", "DIED", "REFU", "NREQ", "RHOM"]), "invalid");

/** 132: the care leaver's activity (F3/P3 were withdrawn; a blank fails). */
export const rule132 = codeRule(
  "132",
  "OC3",
  "ACTIV",
  new Set(["F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6", "0"]),
  "invalid",
);

const ACCOM_CODES = new Set([
  "B1", "B2", "C1", "C2", "D1", "D2", "E1", "E2", "G1", "G2", "H1", "H2", "K1", "K2", "R1", "R2",
  "S2", "T1", "T2", "U1", "U2", "V1", "V2", "W1", "W2", "X2", "Y1", "Y2", "Z1", "Z2", "0",
]);

/** 133: the care leaver's accommodation and its suitability (a blank fails). */
export const rule133 = codeRule("133", "OC3", "ACCOM", ACCOM_CODES, "invalid");

/** 153: the three care-leaver items are all given or all blank. */
export const rule153 = defineRule("153", ["OC3"], (ctx) => {
  const items = columnsOf(ctx, "OC3", ["IN_TOUCH", "ACTIV", "ACCOM"]);
  return { OC3: rowsWhere(ctx.rows("OC3").length, (i) => anyFilled(items, i) && !allFilled(items, i)) };
});
