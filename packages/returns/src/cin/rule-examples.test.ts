/**
 * Every CIN census rule's worked example from the DfE rule specification: the example's tables go
 * through the engine (that rule only) and the failing rows of each table must be exactly the
 * expected ones, with the expected field among the finding's columns.
 *
 * The reference's example file records only its single-field issues; for 73 rules (those whose
 * issues join tables or span several fields) its `expected` list is empty even where rows plainly
 * fail. For those, test/cin-example-expectations.ts holds the failing rows worked out by hand from
 * the rule's meaning, and an example with neither fails the test.
 */
import { describe, expect, it } from "vitest";
import { cinExampleInput, cinExampleRules, type CinExample } from "../../test/cin-shared.ts";
import { CIN_EXAMPLE_EXPECTATIONS } from "../../test/cin-example-expectations.ts";
import { CIN_RULE_CATALOGUE } from "./rule-catalogue.ts";
import { CIN_RULES } from "./rules/index.ts";
import { validateCin } from "./validate-cin.ts";

function expectedRows(code: string, example: CinExample): Readonly<Record<string, readonly number[]>> | undefined {
  if (example.expected.length === 0) return CIN_EXAMPLE_EXPECTATIONS[code];
  const byTable: Record<string, number[]> = {};
  for (const issue of example.expected) (byTable[issue.table] ??= []).push(issue.row);
  return byTable;
}

const sortedTables = (tables: Readonly<Record<string, readonly number[]>>): Record<string, number[]> =>
  Object.fromEntries(
    Object.entries(tables)
      .filter(([, rows]) => rows.length > 0)
      .map(([t, rows]) => [t, [...new Set(rows)].sort((a, b) => a - b)]),
  );

describe("CIN census rule examples (cin2025_26)", () => {
  for (const rule of cinExampleRules()) {
    rule.examples.forEach((example, i) => {
      it(`rule ${rule.rule_code} example ${String(i + 1)}`, () => {
        const report = validateCin(cinExampleInput(example), { only: [rule.rule_code] });
        expect(report.errors).toEqual([]);
        expect(report.skipped).toEqual([]);
        const actual: Record<string, number[]> = {};
        for (const f of report.findings) {
          // Example tables are indexed 0..n-1, so row positions are the example's labels.
          const index = example.inputs[f.table]?.index[f.row] ?? f.row;
          (actual[f.table] ??= []).push(index);
        }
        const expected = expectedRows(rule.rule_code, example);
        if (expected === undefined) throw new Error(`No reviewed expectation for rule ${rule.rule_code}'s example (the reference lists none).`);
        expect(sortedTables(actual)).toEqual(sortedTables(expected));
        for (const issue of example.expected) {
          const finding = report.findings.find((f) => f.table === issue.table && f.row === issue.row);
          expect(finding?.columns).toContain(issue.field);
        }
      });
    });
  }
});

describe("CIN census rule coverage", () => {
  it("implements every rule of cin2025_26", () => {
    const missing = CIN_RULE_CATALOGUE.filter((r) => !CIN_RULES.has(r.code)).map((r) => r.code);
    expect(missing).toEqual([]);
  });
});
