/**
 * Building blocks shared by the rules of group a: code-list and date-validity checks on one
 * column, "filled" tests across several columns, and who was looked after during the year.
 */
import type { Ssda903ValidationTableName } from "../../../read-ssda903.ts";
import type { Ssda903Value } from "../../../ssda903-tables.ts";
import type { Ssda903Context } from "../../context.ts";
import { defineRule, rowsWhere, type Ssda903Rule } from "../../rule.ts";

/** True when a value was given (not blank). */
export const filled = (value: Ssda903Value | undefined): value is string => value !== null && value !== undefined;

/** What a code or date rule does with a blank value. */
export type BlankIs = "valid" | "invalid";

/** A rule failing rows whose value in one column is not in a code list. */
export function codeRule(code: string, table: Ssda903ValidationTableName, column: string, codes: ReadonlySet<string>, blank: BlankIs): Ssda903Rule {
  return defineRule(code, [table], (ctx) => {
    const values = ctx.values(table, column);
    return { [table]: rowsWhere(values.length, (i) => (filled(values[i]) ? !codes.has(values[i] ?? "") : blank === "invalid")) };
  });
}

/** A rule failing rows whose value in one date column is not a real dd/mm/yyyy date. */
export function dateRule(code: string, table: Ssda903ValidationTableName, column: string, blank: BlankIs): Ssda903Rule {
  return defineRule(code, [table], (ctx) => {
    const values = ctx.values(table, column);
    const days = ctx.days(table, column);
    return { [table]: rowsWhere(values.length, (i) => (filled(values[i]) ? Number.isNaN(days[i]) : blank === "invalid")) };
  });
}

/** The columns' values, for testing several columns of a row at once. */
export function columnsOf(ctx: Ssda903Context, table: Ssda903ValidationTableName, columns: readonly string[]): (readonly Ssda903Value[])[] {
  return columns.map((c) => ctx.values(table, c));
}

/** True when any of the columns is filled on the row. */
export const anyFilled = (columns: readonly (readonly Ssda903Value[])[], row: number): boolean => columns.some((c) => filled(c[row]));

/** True when all of the columns are filled on the row. */
export const allFilled = (columns: readonly (readonly Ssda903Value[])[], row: number): boolean => columns.every((c) => filled(c[row]));

/** Legal statuses of short-break (respite) care, which most looked-after counts leave out. */
export const SHORT_BREAK_LS: ReadonlySet<string> = new Set(["V3", "V4"]);

/**
 * Children with an episode (other than a short break) open at some point of the collection year,
 * as flags by child number (ctx.childIndex).
 */
export function lookedAfterInYear(ctx: Ssda903Context): Uint8Array {
  const children = ctx.childIndex("Episodes");
  const ls = ctx.values("Episodes", "LS");
  const decom = ctx.days("Episodes", "DECOM");
  const dec = ctx.days("Episodes", "DEC");
  const out = new Uint8Array(ctx.childCount);
  for (let i = 0; i < children.length; i++) {
    const child = children[i] ?? -1;
    if (child < 0 || SHORT_BREAK_LS.has(ls[i] ?? "")) continue;
    const decomDay = decom[i] ?? Number.NaN;
    const decDay = dec[i] ?? Number.NaN;
    if (decomDay <= ctx.collectionEnd && (Number.isNaN(decDay) || decDay >= ctx.collectionStart)) out[child] = 1;
  }
  return out;
}

/** The first row's value per child (a child should have one row in Header, OC2, …). */
export function firstByChild(ctx: Ssda903Context, table: Ssda903ValidationTableName, column: string): Map<string, Ssda903Value> {
  const ids = ctx.values(table, "CHILD");
  const values = ctx.values(table, column);
  const out = new Map<string, Ssda903Value>();
  ids.forEach((child, i) => {
    if (child !== null && !out.has(child)) out.set(child, values[i] ?? null);
  });
  return out;
}
