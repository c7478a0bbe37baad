/**
 * A CIN census validation rule: its DfE code, the tables it cannot run without, the field(s)
 * reported as failing in each table, and a check returning the failing rows of each table
 * (0-based positions). Messages come from the generated catalogue, never from the rule.
 */
import type { CinTableName } from "./cin-table.ts";
import type { CinContext } from "./context.ts";

/** Failing row positions by table. */
export type CinRowFindings = Partial<Record<CinTableName, Iterable<number>>>;

/** The failing field(s) a rule reports for each table it flags rows in. */
export type CinFindingColumns = Partial<Record<CinTableName, readonly string[]>>;

/** One rule. */
export interface CinRule {
  readonly code: string;
  /** Tables that must be given for the rule to run; otherwise it is reported as skipped. */
  readonly needs: readonly CinTableName[];
  /** The field(s) reported for a table; the catalogue's fields for a table not listed. */
  readonly columns: CinFindingColumns;
  readonly check: (ctx: CinContext) => CinRowFindings;
}

/** Declares a rule. */
export function defineCinRule(code: string, needs: readonly CinTableName[], columns: CinFindingColumns, check: (ctx: CinContext) => CinRowFindings): CinRule {
  return { code, needs, columns, check };
}

/** Row positions where the predicate holds, for a table of `length` rows. */
export function rowsWhere(length: number, failing: (row: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < length; i++) if (failing(i)) out.push(i);
  return out;
}
