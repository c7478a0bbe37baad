/**
 * Parity with the reference implementation of the DfE CIN census rules on the shared synthetic
 * census file: the engine must report exactly the reference's (rule_code, table, row_id) set,
 * with the same child and failing field. On a difference the test prints, per rule, what the
 * engine reports that the reference does not and what it misses.
 */
import { describe, expect, it } from "vitest";
import { cinFixtureInput, expectedCinFindings, expectedCinRows } from "../../test/cin-shared.ts";
import { parityByRule } from "../../test/shared-returns.ts";
import { validateCin } from "./validate-cin.ts";

describe("CIN census parity with the reference on the synthetic census file", () => {
  const report = validateCin(cinFixtureInput());

  it("reports exactly the reference's findings", () => {
    const expected = expectedCinFindings();
    const differences = parityByRule(report.findings, expected);
    for (const d of differences) {
      console.log(`${d.rule}: ${String(d.extra.length)} extra (${d.extra.slice(0, 3).join(" ")}), ${String(d.missing.length)} missing (${d.missing.slice(0, 3).join(" ")})`);
    }
    expect(report.errors).toEqual([]);
    expect(differences).toEqual([]);
    expect(report.findings.length).toBe(expected.size);
  });

  it("names the reference's child and failing field on each finding", () => {
    const byKey = new Map(report.findings.map((f) => [`${f.rule}|${f.table}|${String(f.row)}`, f]));
    const mismatches = expectedCinRows()
      .map((e) => ({ e, f: byKey.get(`${e.rule}|${e.table}|${String(e.row)}`) }))
      .filter(({ e, f }) => f !== undefined && (f.childId !== e.childId || f.columns.join(";") !== e.columns))
      .map(({ e, f }) => `${e.rule}|${e.table}|${String(e.row)}: ${f?.childId ?? ""} ${f?.columns.join(";") ?? ""} vs ${e.childId} ${e.columns}`);
    expect(mismatches.slice(0, 10)).toEqual([]);
  });
});
