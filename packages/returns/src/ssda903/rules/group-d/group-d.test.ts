/** Behaviour of group d rules beyond the DfE worked examples: year-dependent codes and cross-year matching. */
import { describe, expect, it } from "vitest";
import type { EngineTable, Ssda903Input } from "../../engine-table.ts";
import { ssda903Metadata } from "../../metadata.ts";
import { validateSsda903 } from "../../validate-ssda903.ts";

function table(columns: readonly string[], rows: readonly (readonly (string | null)[])[]): EngineTable {
  return { columns, rows: rows.map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i] ?? null]))) };
}

function failing(code: string, input: Ssda903Input, year = 2023): number[] {
  const report = validateSsda903(input, { ruleset: "lac2026_27", metadata: ssda903Metadata({ year }), only: [code] });
  expect(report.errors).toEqual([]);
  return report.findings.map((f) => f.row);
}

const EPISODE_COLUMNS = ["CHILD", "DECOM", "DEC", "PLACE", "PL_DISTANCE"];

describe("group d cross-year rules", () => {
  const input: Ssda903Input = {
    Episodes: table(EPISODE_COLUMNS, [
      ["1", "01/02/2023", null, "Z12", "165"],
      ["2", "01/02/2023", null, "Z11", "12.5"],
    ]),
    Episodes_last: table(EPISODE_COLUMNS, [
      ["1", "01/02/2023", null, "Z1", "165.0"],
      ["2", "01/02/2023", null, "R1", "12.4"],
    ]),
  };

  it("503D accepts last year's Z1 carried on as Z11–Z14 from 2023/24 only", () => {
    expect(failing("503D", input, 2023)).toEqual([1]);
    expect(failing("503D", input, 2022)).toEqual([0, 1]);
  });

  it("503G compares distances as numbers", () => {
    expect(failing("503G", input)).toEqual([1]);
  });

  it("576 flags a child's periods only when none restarts last year's open period", () => {
    const columns = ["CHILD", "MIS_START", "MIS_END"];
    const missing: Ssda903Input = {
      Missing: table(columns, [
        ["1", "07/02/2023", "09/04/2023"],
        ["1", "01/06/2023", null],
        ["2", "08/02/2023", null],
      ]),
      Missing_last: table(columns, [
        ["1", "07/02/2023", null],
        ["2", "07/02/2023", null],
      ]),
    };
    expect(failing("576", missing)).toEqual([2]);
  });
});

describe("group d OC2 cohort", () => {
  const episodes = ["CHILD", "DECOM", "DEC", "LS", "REC", "RNE"];
  const oc2 = ["CHILD", "DOB", "HEALTH_CHECK"];
  it("546 counts only children looked after all year without short breaks", () => {
    const input: Ssda903Input = {
      Episodes: table(episodes, [
        ["1", "01/01/2022", null, "C2", null, "S"],
        ["2", "01/01/2022", "01/06/2023", "C2", "E11", "S"],
        ["3", "01/01/2022", null, "V3", null, "S"],
        ["4", "01/05/2023", null, "C2", null, "S"],
      ]),
      OC2: table(oc2, [
        ["1", "01/01/2010", "1"],
        ["2", "01/01/2010", "1"],
        ["3", "01/01/2010", "1"],
        ["4", "01/01/2010", "1"],
      ]),
    };
    expect(failing("546", input)).toEqual([0]);
  });
});
