/**
 * The loop both engines share: each catalogue entry's rule is looked up, skipped (with the
 * reason) when a table it needs was not given, run, and its failing rows handed on once each in
 * ascending order. A rule that throws is an engine defect: it is recorded and the others still run.
 */
import type { ProgressListener, RuleCatalogueEntry, SkippedRule } from "./findings.ts";

/** A rule as the loop sees it: the tables it needs and its check. */
export interface RunnableRule<Context, Table extends string> {
  readonly needs: readonly Table[];
  readonly check: (ctx: Context) => Partial<Record<Table, Iterable<number>>>;
}

/** What running the rules found besides the rows. */
export interface RulesOutcome {
  readonly run: number;
  readonly skipped: SkippedRule[];
  readonly errors: SkippedRule[];
}

/**
 * Runs the entries' rules on the context. `emit` receives each rule's failing rows of each table;
 * it is called outside the rule's error handling, so a failing caller is not taken for the rule.
 */
export function runRules<Context extends { has(table: Table): boolean }, Table extends string, Rule extends RunnableRule<Context, Table>>(
  entries: readonly RuleCatalogueEntry[],
  implementations: ReadonlyMap<string, Rule>,
  ctx: Context,
  emit: (entry: RuleCatalogueEntry, rule: Rule, table: Table, rows: readonly number[]) => void,
  onProgress?: ProgressListener,
): RulesOutcome {
  const skipped: SkippedRule[] = [];
  const errors: SkippedRule[] = [];
  let run = 0;
  entries.forEach((entry, index) => {
    const rule = implementations.get(entry.code);
    if (rule === undefined) {
      errors.push({ rule: entry.code, reason: "This rule is not implemented." });
    } else {
      const missing = rule.needs.filter((t) => !ctx.has(t));
      if (missing.length > 0) {
        skipped.push({ rule: entry.code, reason: `Needs ${missing.join(", ")}, which ${missing.length === 1 ? "was" : "were"} not given.` });
      } else {
        const found: [Table, readonly number[]][] = [];
        try {
          const byTable = rule.check(ctx);
          run++;
          for (const [table, rows] of Object.entries(byTable) as [Table, Iterable<number>][]) found.push([table, ascendingUnique(rows)]);
        } catch (error) {
          errors.push({ rule: entry.code, reason: error instanceof Error ? error.message : String(error) });
        }
        for (const [table, rows] of found) emit(entry, rule, table, rows);
      }
    }
    onProgress?.(index + 1, entries.length, entry.code);
  });
  return { run, skipped, errors };
}

/**
 * A rule's rows once each, in ascending order. Most rules already return them so (one pass over
 * the table), and then no Set or sort is made: a national return has over a million findings.
 */
export function ascendingUnique(rows: Iterable<number>): readonly number[] {
  const list = Array.isArray(rows) ? (rows as readonly number[]) : [...rows];
  for (let i = 1; i < list.length; i++) {
    const before = list[i - 1];
    const at = list[i];
    if (before === undefined || at === undefined || !(at > before)) return [...new Set(list)].sort((a, b) => a - b);
  }
  return list;
}
