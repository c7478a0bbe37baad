/**
 * Internal checks that a child's date of birth (INT11–INT18) and sex (INT21) agree between
 * Header and the other tables that repeat them.
 */
import type { Ssda903TableName } from "../../../ssda903-tables.ts";
import type { Ssda903Context } from "../../context.ts";
import { defineRule, rowsWhere, type Ssda903Rule } from "../../rule.ts";

/**
 * Rows of `table` whose `column` differs from the child's Header entry. Both blank agree (as in
 * the reference's examples); blank against a value does not. Dates that both read are compared
 * as days (1/4/2020 agrees with 01/04/2020), anything else as text. A child Header holds twice
 * is compared with each of its Header rows (INT32 reports the repeat itself); a child not in
 * Header is INT01–INT09's concern.
 */
function differsFromHeader(ctx: Ssda903Context, table: Ssda903TableName, column: "DOB" | "SEX"): number[] {
  // Joined by child number (arrays, not Map lookups): Reviews alone has 380,000 rows nationally.
  const { start, rows: headerRows } = ctx.rowsByChildIndex("Header");
  const headerValues = ctx.values("Header", column);
  const children = ctx.childIndex(table);
  const values = ctx.values(table, column);
  // Day views are cached by the context, so a national Reviews table's DOBs are read once.
  const headerDays = column === "DOB" ? ctx.days("Header", column) : null;
  const days = column === "DOB" ? ctx.days(table, column) : null;
  const differs = (row: number, headerRow: number): boolean => {
    const a = values[row] ?? null;
    const b = headerValues[headerRow] ?? null;
    if (a === null || b === null) return a !== b;
    const da = days?.[row] ?? Number.NaN;
    const db = headerDays?.[headerRow] ?? Number.NaN;
    return Number.isNaN(da) || Number.isNaN(db) ? a !== b : da !== db;
  };
  return rowsWhere(children.length, (i) => {
    const child = children[i] ?? -1;
    if (child < 0) return false;
    for (let k = start[child] ?? 0; k < (start[child + 1] ?? 0); k++) if (differs(i, headerRows[k] ?? 0)) return true;
    return false;
  });
}

function sameAsHeaderRule(code: string, table: Ssda903TableName, column: "DOB" | "SEX"): Ssda903Rule {
  return defineRule(code, ["Header", table], (ctx) => ({ [table]: differsFromHeader(ctx, table, column) }));
}

/** INT11: DOB in AD1 matches Header. */
export const ruleInt11 = sameAsHeaderRule("INT11", "AD1", "DOB");
/** INT12: DOB in PlacedAdoption matches Header. */
export const ruleInt12 = sameAsHeaderRule("INT12", "PlacedAdoption", "DOB");
/** INT13: DOB in Missing matches Header. */
export const ruleInt13 = sameAsHeaderRule("INT13", "Missing", "DOB");
/** INT14: DOB in OC2 matches Header. */
export const ruleInt14 = sameAsHeaderRule("INT14", "OC2", "DOB");
/** INT15: DOB in OC3 matches Header. */
export const ruleInt15 = sameAsHeaderRule("INT15", "OC3", "DOB");
/** INT16: DOB in PrevPerm matches Header. */
export const ruleInt16 = sameAsHeaderRule("INT16", "PrevPerm", "DOB");
/** INT17: DOB in Reviews matches Header. */
export const ruleInt17 = sameAsHeaderRule("INT17", "Reviews", "DOB");
/** INT18: DOB in UASC matches Header. */
export const ruleInt18 = sameAsHeaderRule("INT18", "UASC", "DOB");
/** INT21: SEX in UASC matches Header. */
export const ruleInt21 = sameAsHeaderRule("INT21", "UASC", "SEX");
