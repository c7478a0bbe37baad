/**
 * Group f decisions the reference's examples and 2017/18 findings leave open (blank values,
 * repeated Header rows, date forms, the SW10 overlap rule).
 */
import { describe, expect, it } from "vitest";
import type { EngineTable, Ssda903Input } from "../../engine-table.ts";
import { ssda903Metadata, type Ssda903Metadata } from "../../metadata.ts";
import { validateSsda903 } from "../../validate-ssda903.ts";

const table = (columns: readonly string[], rows: readonly (readonly (string | null)[])[]): EngineTable => ({
  columns,
  rows: rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] ?? null]))),
});

const metadata = ssda903Metadata({ year: 2024 });

function failing(code: string, input: Ssda903Input, meta: Ssda903Metadata = metadata): Record<string, number[]> {
  const report = validateSsda903(input, { ruleset: "lac2026_27", metadata: meta, only: [code] });
  expect(report.errors).toEqual([]);
  const out: Record<string, number[]> = {};
  for (const f of report.findings) (out[f.table] ??= []).push(f.row);
  return out;
}

const header = table(["CHILD", "SEX", "DOB"], [["1", "M", "01/04/2020"], ["2", "F", null], ["3", "F", "05/06/2019"], ["3", "F", "05/06/2019"]]);

describe("internal checks (INT)", () => {
  it("INT03 ignores a blank CHILD and flags a child missing from Header", () => {
    const episodes = table(["CHILD"], [["1"], [null], ["9"]]);
    expect(failing("INT03", { Header: header, Episodes: episodes })).toEqual({ Episodes: [2] });
  });

  it("INT17 compares dates as days, blank against blank agrees, blank against a date does not", () => {
    const reviews = table(["CHILD", "DOB"], [["1", "1/4/2020"], ["2", null], ["2", "01/01/2019"], ["1", null], ["3", "06/06/2019"]]);
    expect(failing("INT17", { Header: header, Reviews: reviews })).toEqual({ Reviews: [2, 3, 4] });
  });

  it("INT21 compares sex as text", () => {
    const uasc = table(["CHILD", "SEX", "DOB"], [["1", "M", null], ["3", "M", null]]);
    expect(failing("INT21", { Header: header, UASC: uasc })).toEqual({ UASC: [1] });
  });

  it("INT32 flags every row of a repeated child", () => {
    expect(failing("INT32", { Header: header })).toEqual({ Header: [2, 3] });
  });

  it("a rule is skipped when its second table was not given", () => {
    const report = validateSsda903({ Header: header }, { ruleset: "lac2026_27", metadata, only: ["INT01"] });
    expect(report.skipped.map((s) => s.rule)).toEqual(["INT01"]);
  });
});

describe("social worker checks (SW)", () => {
  const sw = (rows: readonly (readonly (string | null)[])[]): Ssda903Input => ({ SWEpisodes: table(["CHILD", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"], rows) });

  it("SW04 accepts real dates and the dd/mm/yyyy shape, rejects other text", () => {
    const input = sw([["1", "SW1", "1/4/2024", null, null], ["1", "SW1", "ZZ/ZZ/ZZZZ", null, null], ["1", "SW1", "2024-04-01", null, null]]);
    expect(failing("SW04STG1", input)).toEqual({ SWEpisodes: [2] });
  });

  it("SW10 flags an episode starting before the previous one (by start date) ended", () => {
    const input = sw([
      ["1", "SW1", "10/05/2024", "20/06/2024", "MANAGE"],
      ["1", "SW2", "01/04/2024", "15/05/2024", "MANAGE"],
      ["1", "SW3", "20/06/2024", null, "MANAGE"],
      ["2", "SW4", "01/04/2024", "01/05/2024", "MANAGE"],
      ["2", "SW5", "02/05/2024", null, "MANAGE"],
    ]);
    expect(failing("SW10STG2", input)).toEqual({ SWEpisodes: [0] });
  });

  it("SW11b looks at the last five days before 31 March only", () => {
    const input = sw([
      ["1", "SW1", "01/04/2024", "26/03/2025", "MANAGE"],
      ["2", "SW1", "01/04/2024", "25/03/2025", "MANAGE"],
      ["3", "SW1", "01/04/2024", "31/03/2025", "MANAGE"],
      ["4", "SW1", "01/04/2024", "30/03/2025", "MANAGE"],
      ["4", "SW2", "30/03/2025", null, "MANAGE"],
    ]);
    expect(failing("SW11bSTG2", input)).toEqual({ SWEpisodes: [0] });
  });

  it("SW12 asks for a social worker episode starting on or after a period of care's boundary episode", () => {
    const episodes = table(
      ["CHILD", "DECOM", "RNE", "LS", "DEC", "REC"],
      [
        ["1", "01/06/2024", "S", "C2", null, null],
        ["2", "01/06/2024", "S", "C2", null, null],
        ["3", "01/06/2023", "S", "C2", "01/04/2025", "E11"],
        ["4", "01/06/2022", "S", "C2", "31/03/2023", "E11"],
        ["5", "01/06/2024", "P", "C2", "01/07/2024", "X1"],
        ["6", "01/06/2024", "S", "V3", null, null],
      ],
    );
    const swEpisodes = table(["CHILD", "SW_DECOM"], [["1", "01/06/2024"], ["2", "31/05/2024"]]);
    expect(failing("SW12STG2", { Episodes: episodes, SWEpisodes: swEpisodes })).toEqual({ Episodes: [1] });
  });

  it("date rules find nothing when the collection year is unknown", () => {
    const unknown: Ssda903Metadata = { ...metadata, collectionStart: Number.NaN, collectionEnd: Number.NaN };
    const input = sw([["1", "SW1", "01/04/2030", "01/04/2031", "MANAGE"]]);
    expect(failing("SW06STG2", input, unknown)).toEqual({});
    expect(failing("SW07STG2", input, unknown)).toEqual({});
    expect(failing("SW07STG2", input)).toEqual({ SWEpisodes: [0] });
  });
});
