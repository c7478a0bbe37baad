/**
 * The tables the SSDA903 rules read: this year's and, for the cross-year rules, last year's
 * (`Episodes_last`), each as column names and rows of trimmed values (null = blank).
 */
import type { Ssda903Year, Ssda903ValidationTableName } from "../read-ssda903.ts";
import { SSDA903_TABLE_NAMES, type Ssda903Table, type Ssda903Value } from "../ssda903-tables.ts";

/** One row's values by column. */
export type Ssda903Values = Readonly<Record<string, Ssda903Value>>;

/** A table as the rules see it. */
export interface EngineTable {
  readonly columns: readonly string[];
  readonly rows: readonly Ssda903Values[];
}

/** The tables given to a validation, keyed as the rules name them. */
export type Ssda903Input = Partial<Record<Ssda903ValidationTableName, EngineTable>>;

/** A read table as the rules see it (the rows' values, without file and line). */
export function engineTable(table: Ssda903Table): EngineTable {
  return { columns: table.columns, rows: table.rows.map((r) => r.values) };
}

/** The rules' input for a year read from files: this year's tables and last year's as `_last`. */
export function ssda903Input(year: Ssda903Year): Ssda903Input {
  const out: Ssda903Input = {};
  for (const name of SSDA903_TABLE_NAMES) {
    const current = year.current[name];
    const previous = year.previous?.[name];
    if (current !== undefined) out[name] = engineTable(current);
    if (previous !== undefined) out[`${name}_last`] = engineTable(previous);
  }
  return out;
}
