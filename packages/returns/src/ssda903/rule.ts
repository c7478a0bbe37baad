/**
 * An SSDA903 validation rule: its DfE code, the tables it cannot run without, and a check that
 * returns the failing rows of each table (0-based positions). Messages, fields and tables for
 * reporting come from the generated catalogue, never from the rule.
 */
import type { Ssda903ValidationTableName } from "../read-ssda903.ts";
import type { Ssda903Context } from "./context.ts";

/** Failing row positions by table. */
export type RowFindings = Partial<Record<Ssda903ValidationTableName, Iterable<number>>>;

/** One rule. */
export interface Ssda903Rule {
  readonly code: string;
  /** Tables that must be given for the rule to run; otherwise it is reported as skipped. */
  readonly needs: readonly Ssda903ValidationTableName[];
  readonly check: (ctx: Ssda903Context) => RowFindings;
}

/** Declares a rule. */
export function defineRule(code: string, needs: readonly Ssda903ValidationTableName[], check: (ctx: Ssda903Context) => RowFindings): Ssda903Rule {
  return { code, needs, check };
}

/** Row positions where the predicate holds, for a table of `length` rows. */
export function rowsWhere(length: number, failing: (row: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < length; i++) if (failing(i)) out.push(i);
  return out;
}
