/**
 * Internal checks on who is in the return: every child in another table must be in Header
 * (INT01–INT09), and the one-row-per-child tables hold each child once (INT31–INT36).
 */
import type { Ssda903TableName } from "../../../ssda903-tables.ts";
import type { Ssda903Context } from "../../context.ts";
import { defineRule, rowsWhere, type Ssda903Rule } from "../../rule.ts";

/** Rows of `table` whose child is not in Header; a blank CHILD has nothing to look up and is left to other rules. */
function childrenNotInHeader(ctx: Ssda903Context, table: Ssda903TableName): number[] {
  const inHeader = ctx.childPresent("Header");
  const children = ctx.childIndex(table);
  return rowsWhere(children.length, (i) => {
    const child = children[i] ?? -1;
    return child >= 0 && inHeader[child] === 0;
  });
}

function notInHeaderRule(code: string, table: Ssda903TableName): Ssda903Rule {
  return defineRule(code, ["Header", table], (ctx) => ({ [table]: childrenNotInHeader(ctx, table) }));
}

/** Every row of a child that appears more than once in the table (all of the child's rows, as the reference flags them). */
function repeatedChildren(ctx: Ssda903Context, table: Ssda903TableName): number[] {
  const out: number[] = [];
  for (const rows of ctx.rowsByChild(table).values()) if (rows.length > 1) out.push(...rows);
  return out;
}

function onceOnlyRule(code: string, table: Ssda903TableName): Ssda903Rule {
  return defineRule(code, [table], (ctx) => ({ [table]: repeatedChildren(ctx, table) }));
}

/** INT01: a child in AD1 must be in Header. */
export const ruleInt01 = notInHeaderRule("INT01", "AD1");
/** INT02: a child in PlacedAdoption must be in Header. */
export const ruleInt02 = notInHeaderRule("INT02", "PlacedAdoption");
/** INT03: a child in Episodes must be in Header. */
export const ruleInt03 = notInHeaderRule("INT03", "Episodes");
/** INT04: a child in Missing must be in Header. */
export const ruleInt04 = notInHeaderRule("INT04", "Missing");
/** INT05: a child in OC2 must be in Header. */
export const ruleInt05 = notInHeaderRule("INT05", "OC2");
/** INT06: a child in OC3 must be in Header. */
export const ruleInt06 = notInHeaderRule("INT06", "OC3");
/** INT07: a child in PrevPerm must be in Header. */
export const ruleInt07 = notInHeaderRule("INT07", "PrevPerm");
/** INT08: a child in Reviews must be in Header. */
export const ruleInt08 = notInHeaderRule("INT08", "Reviews");
/** INT09: a child in UASC must be in Header. */
export const ruleInt09 = notInHeaderRule("INT09", "UASC");

/** INT31: a child is in AD1 at most once. */
export const ruleInt31 = onceOnlyRule("INT31", "AD1");
/** INT32: a child is in Header at most once. */
export const ruleInt32 = onceOnlyRule("INT32", "Header");
/** INT33: a child is in OC2 at most once. */
export const ruleInt33 = onceOnlyRule("INT33", "OC2");
/** INT34: a child is in OC3 at most once. */
export const ruleInt34 = onceOnlyRule("INT34", "OC3");
/** INT35: a child is in PrevPerm at most once. */
export const ruleInt35 = onceOnlyRule("INT35", "PrevPerm");
/** INT36: a child is in UASC at most once. */
export const ruleInt36 = onceOnlyRule("INT36", "UASC");
