/**
 * Cases of group e that the shared worked examples cannot show: an empty string kept apart from a
 * blank (631, 1006, 1009), an episode overlapping several DoLOs reported once (709, 710), and the
 * open-episode and age readings of 1016.
 */
import { describe, expect, it } from "vitest";
import type { EngineTable, Ssda903Input } from "../../engine-table.ts";
import { ssda903Metadata } from "../../metadata.ts";
import { validateSsda903 } from "../../validate-ssda903.ts";

const table = (columns: readonly string[], rows: readonly (readonly (string | null)[])[]): EngineTable => ({
  columns,
  rows: rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] ?? null]))),
});

const failing = (code: string, input: Ssda903Input, year = 2019): Record<string, number[]> => {
  const report = validateSsda903(input, { ruleset: "lac2026_27", metadata: ssda903Metadata({ year, localAuthority: "E09000027" }), only: [code] });
  expect(report.errors).toEqual([]);
  const out: Record<string, number[]> = {};
  for (const f of report.findings) (out[f.table] ??= []).push(f.row);
  return out;
};

describe("group e rules", () => {
  it("treats an empty code as given and a blank one as absent (631, 1006, 1009)", () => {
    expect(failing("631", { PrevPerm: table(["CHILD", "PREV_PERM"], [["1", "P1"], ["2", ""], ["3", null], ["4", "p1"]]) })).toEqual({ PrevPerm: [1, 3] });
    expect(failing("1006", { Missing: table(["CHILD", "MISSING"], [["1", "M"], ["2", ""], ["3", null], ["4", "AWAY"]]) })).toEqual({ Missing: [1, 3] });
    expect(failing("1009", { Episodes: table(["CHILD", "REASON_PLACE_CHANGE"], [["1", "CARPL"], ["2", ""], ["3", null]]) })).toEqual({ Episodes: [1] });
  });

  it("reports an episode once however many DoLOs overlap it, reading PLACE (709, 710)", () => {
    const dolo = table(["CHILD", "DOB", "DOLO_START", "DOLO_END"], [
      ["1", "01/01/2005", "02/01/2020", "03/01/2020"],
      ["1", "01/01/2005", "02/01/2020", "05/01/2020"],
      ["1", "01/01/2005", "25/12/2019", "31/12/2019"],
    ]);
    const episodes = table(["CHILD", "DECOM", "DEC", "PLACE"], [
      ["1", "01/01/2020", "04/01/2020", "P1"],
      ["1", "01/01/2020", "04/01/2020", "A3"],
      ["1", "01/01/2020", "04/01/2020", "K2"],
    ]);
    expect(failing("710", { DoLo: dolo, Episodes: episodes })).toEqual({ DoLo: [0, 1], Episodes: [0] });
    expect(failing("709", { DoLo: dolo, Episodes: episodes })).toEqual({ DoLo: [0, 1], Episodes: [1] });
  });

  it("counts an open episode with a start, and ages by days / 365.25 (1016)", () => {
    const oc3 = table(["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"], [
      ["a", "16/01/2001", "YES", null, null],
      ["b", "31/03/2001", "YES", null, null],
      ["c", "16/01/2001", null, null, null],
    ]);
    const episodes = table(["CHILD", "DECOM", "DEC"], [
      ["a", "09/09/2017", null],
      ["b", "31/05/2017", null],
      ["c", "09/09/2017", null],
    ]);
    expect(failing("1016", { OC3: oc3, Episodes: episodes }, 2017)).toEqual({ OC3: [0] });
  });
});
