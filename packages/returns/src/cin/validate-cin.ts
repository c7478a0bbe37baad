/**
 * Validates a CIN census return by the DfE ruleset: runs each rule on the flattened tables and
 * reports one finding per rule, table and row, with the child (LAchildID), the failing field(s)
 * and the DfE message. A rule whose tables were not given is listed as skipped; a rule that
 * throws is listed as an error (an engine defect) and the others still run.
 */
import type { Finding, ProgressListener, ValidationReport } from "../validation/findings.ts";
import { runRules } from "../validation/run-rules.ts";
import type { CinInput, CinTableName } from "./cin-table.ts";
import { CinContext, type CinMetadata } from "./context.ts";
import { CIN_RULE_CATALOGUE, type CinRuleset } from "./rule-catalogue.ts";
import type { CinRule } from "./rule.ts";
import { CIN_RULES } from "./rules/index.ts";

/** Options for one validation. */
export interface ValidateCinOptions {
  readonly ruleset?: CinRuleset;
  readonly metadata?: CinMetadata;
  /** Only these rule codes (all of the ruleset when absent). */
  readonly only?: readonly string[];
  readonly onProgress?: ProgressListener;
  /** Implementations to use instead of the shipped ones (tests). */
  readonly rules?: ReadonlyMap<string, CinRule>;
}

/** Validates the input by the CIN census ruleset. */
export function validateCin(input: CinInput, options: ValidateCinOptions = {}): ValidationReport {
  const ctx = new CinContext(input, options.metadata);
  const only = options.only === undefined ? null : new Set(options.only);
  const entries = CIN_RULE_CATALOGUE.filter((e) => only === null || only.has(e.code));
  const findings: Finding[] = [];
  const outcome = runRules<CinContext, CinTableName, CinRule>(
    entries,
    options.rules ?? CIN_RULES,
    ctx,
    (entry, rule, table, rows) => {
      const children = ctx.values(table, "LAchildID");
      // CIN findings name the failing field(s), which may differ from the catalogue's.
      const columns = rule.columns[table] ?? entry.fields;
      for (const row of rows) findings.push({ rule: entry.code, table, row, childId: children[row] ?? null, columns, message: entry.message });
    },
    options.onProgress,
  );
  return { ruleset: options.ruleset ?? "cin2025_26", rulesRun: outcome.run, findings, skipped: outcome.skipped, errors: outcome.errors };
}
