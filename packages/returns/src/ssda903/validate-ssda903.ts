/**
 * Validates SSDA903 data by a DfE ruleset: runs each rule of the ruleset on the given tables and
 * reports one finding per rule, table and row, with the child, the rule's fields and the DfE
 * message. A rule whose tables were not given is listed as skipped; a rule that throws is listed
 * as an error (an engine defect) and the others still run.
 */
import type { Finding, ProgressListener, ValidationReport } from "../validation/findings.ts";
import { runRules } from "../validation/run-rules.ts";
import { Ssda903Context } from "./context.ts";
import type { Ssda903ValidationTableName } from "../read-ssda903.ts";
import type { Ssda903Input } from "./engine-table.ts";
import type { Ssda903Metadata } from "./metadata.ts";
import { SSDA903_RULE_CATALOGUE, type Ssda903Ruleset } from "./rule-catalogue.ts";
import type { Ssda903Rule } from "./rule.ts";
import { SSDA903_RULES } from "./rules/index.ts";

/** Options for one validation. */
export interface ValidateSsda903Options {
  readonly ruleset: Ssda903Ruleset;
  readonly metadata: Ssda903Metadata;
  /** Only these rule codes (all of the ruleset when absent). */
  readonly only?: readonly string[];
  readonly onProgress?: ProgressListener;
  /**
   * Receives each finding as it is made, instead of its being kept in the report (whose
   * `findings` is then empty): a national return has over a million, and a caller writing them
   * out as they come need not hold them all. Same findings, same order.
   */
  readonly onFinding?: (finding: Finding) => void;
  /** Implementations to use instead of the shipped ones (tests). */
  readonly rules?: ReadonlyMap<string, Ssda903Rule>;
}

/** The catalogue entries of a ruleset, in catalogue order. */
export function ssda903RulesetRules(ruleset: Ssda903Ruleset): typeof SSDA903_RULE_CATALOGUE {
  return SSDA903_RULE_CATALOGUE.filter((r) => r.rulesets.includes(ruleset));
}

/** Validates the input by the ruleset. */
export function validateSsda903(input: Ssda903Input, options: ValidateSsda903Options): ValidationReport {
  const ctx = new Ssda903Context(input, options.metadata);
  const only = options.only === undefined ? null : new Set(options.only);
  const entries = ssda903RulesetRules(options.ruleset).filter((e) => only === null || only.has(e.code));
  const findings: Finding[] = [];
  const keep = options.onFinding ?? ((finding: Finding): void => void findings.push(finding));
  const outcome = runRules<Ssda903Context, Ssda903ValidationTableName, Ssda903Rule>(
    entries,
    options.rules ?? SSDA903_RULES,
    ctx,
    (entry, _rule, table, rows) => {
      const children = ctx.values(table, "CHILD");
      for (const row of rows) keep({ rule: entry.code, table, row, childId: children[row] ?? null, columns: entry.fields, message: entry.message });
    },
    options.onProgress,
  );
  return { ruleset: options.ruleset, rulesRun: outcome.run, findings, skipped: outcome.skipped, errors: outcome.errors };
}
