/**
 * Parity with the reference implementation of the DfE rules on the shared synthetic 2017/18
 * files (E09000027, no previous year, no provider lists): the engine must report exactly the
 * reference's (rule_code, table, row_id) set, for both rulesets. On a difference the test prints,
 * per rule, what the engine reports that the reference does not and what it misses. Rule 233 is
 * a known reference defect: the engine applies the rule as the DfE writes it (checked below).
 */
import { describe, expect, it } from "vitest";
import { KNOWN_REFERENCE_DEFECTS, expectedFixtureFindings, findingKey, parityByRule, ssda903FixtureInput } from "../../test/shared-returns.ts";
import { ssda903Metadata } from "./metadata.ts";
import { SSDA903_RULESETS } from "./rule-catalogue.ts";
import { validateSsda903 } from "./validate-ssda903.ts";

const input = ssda903FixtureInput();

describe("SSDA903 parity with the reference on the 2017/18 fixture", () => {
  for (const ruleset of SSDA903_RULESETS) {
    it(`reports exactly the reference's findings by ${ruleset}`, () => {
      const report = validateSsda903(input, { ruleset, metadata: ssda903Metadata({ year: 2017, localAuthority: "E09000027" }) });
      const expected = expectedFixtureFindings(ruleset);
      const findings = report.findings.filter((f) => !KNOWN_REFERENCE_DEFECTS.has(f.rule));
      const differences = parityByRule(findings, expected);
      for (const d of differences) {
        console.log(`${ruleset} ${d.rule}: ${String(d.extra.length)} extra (${d.extra.slice(0, 3).join(" ")}), ${String(d.missing.length)} missing (${d.missing.slice(0, 3).join(" ")})`);
      }
      expect(report.errors).toEqual([]);
      expect(differences).toEqual([]);
      expect(findings.length).toBe(expected.size);
      expect(new Set(findings.map((f) => findingKey(f.rule, f.table, f.row))).size).toBe(expected.size);
    });
  }

  it("reports rule 233 as the DfE writes it: an open episode (no DEC) giving a reason for a placement change", () => {
    const report = validateSsda903(input, { ruleset: "lac2026_27", metadata: ssda903Metadata({ year: 2017, localAuthority: "E09000027" }), only: ["233"] });
    const episodes = input.Episodes?.rows ?? [];
    const open = episodes.flatMap((row, i) => (row.DEC === null && row.REASON_PLACE_CHANGE !== null ? [i] : []));
    expect(open.length).toBe(777);
    expect(report.findings.map((f) => f.row)).toEqual(open);
  });
});
