/**
 * Intended behaviour of the group b rules whose reference examples are suspect (231 and 233 use
 * columns the return does not have) or whose reading is not obvious from the DfE message.
 */
import { describe, expect, it } from "vitest";
import type { Ssda903Input } from "../../engine-table.ts";
import { ssda903Metadata } from "../../metadata.ts";
import { validateSsda903 } from "../../validate-ssda903.ts";

type Row = Record<string, string | null>;
const table = (rows: Row[]): { columns: string[]; rows: Row[] } => ({ columns: Object.keys(rows[0] ?? {}), rows });

/** Failing rows by table for one rule on the 2024/25 collection year. */
function failing(code: string, input: Ssda903Input, fileFormat: "csv" | "xml" = "csv"): Record<string, number[]> {
  const report = validateSsda903(input, { ruleset: "lac2026_27", metadata: ssda903Metadata({ year: 2024, fileFormat }), only: [code] });
  expect(report.errors).toEqual([]);
  const out: Record<string, number[]> = {};
  for (const f of report.findings) (out[f.table] ??= []).push(f.row);
  return out;
}

describe("rule 231 (UASC children are expected to be 11 or over at 31 March)", () => {
  it("reports a child flagged UASC in the header who is under 11 at the end of the collection year", () => {
    const header = table([
      { CHILD: "1", DOB: "01/04/2014", UASC: "1" }, // 10 on 31/03/2025
      { CHILD: "2", DOB: "31/03/2014", UASC: "1" }, // 11 that day
      { CHILD: "3", DOB: "01/04/2014", UASC: "0" }, // not UASC
      { CHILD: "4", DOB: null, UASC: "1" },
    ]);
    expect(failing("231", { Header: header }, "xml")).toEqual({ Header: [0] });
  });

  it("reports nothing when the header has no UASC flag (the CSV return)", () => {
    expect(failing("231", { Header: table([{ CHILD: "1", DOB: "01/04/2020" }]) })).toEqual({});
  });
});

describe("rule 233 (no reason for placement change while the episode is open)", () => {
  it("reports an episode with a reason for placement change and no date ceased (DEC)", () => {
    const episodes = table([
      { CHILD: "1", DECOM: "01/05/2024", DEC: "01/06/2024", REASON_PLACE_CHANGE: "CARPL" },
      { CHILD: "1", DECOM: "01/06/2024", DEC: null, REASON_PLACE_CHANGE: "CARPL" },
      { CHILD: "2", DECOM: "01/06/2024", DEC: null, REASON_PLACE_CHANGE: null },
    ]);
    expect(failing("233", { Episodes: episodes })).toEqual({ Episodes: [1] });
  });
});

describe("rule 218 (URN required)", () => {
  it("reports nothing when the placement authority (PL_LA) was not derived", () => {
    const episodes = table([{ CHILD: "1", PLACE: "U1", DEC: null, URN: null }]);
    expect(failing("218", { Episodes: episodes })).toEqual({});
  });

  it("requires a URN for an English placement open in the year, not for Welsh or Scottish ones", () => {
    const episodes = table([
      { CHILD: "1", PLACE: "U1", DEC: null, PL_LA: "E09000027", URN: null },
      { CHILD: "2", PLACE: "U1", DEC: null, PL_LA: "W06000008", URN: null },
      { CHILD: "3", PLACE: "U1", DEC: null, PL_LA: "SCO", URN: null },
      { CHILD: "4", PLACE: "R1", DEC: null, PL_LA: "E09000027", URN: null },
      { CHILD: "5", PLACE: "U1", DEC: "31/03/2024", PL_LA: "E09000027", URN: null },
    ]);
    expect(failing("218", { Episodes: episodes })).toEqual({ Episodes: [0] });
  });
});

describe("rule 205D (UASC this year, not last year)", () => {
  const uasc = table([{ CHILD: "1", SEX: "1", DOB: "01/01/2008", DUC: "01/01/2026" }]);
  const uascLast = table([{ CHILD: "1", SEX: "1", DOB: "01/01/2008", DUC: null }]);

  it("reads the status from the UASC tables in a CSV return and reports the UASC row", () => {
    expect(failing("205D", { UASC: uasc, UASC_last: uascLast })).toEqual({ UASC: [0] });
  });

  it("reads the status from the header flags in an XML return and reports the header row", () => {
    const header = table([{ CHILD: "1", DOB: "01/01/2008", UASC: "1" }]);
    const headerLast = table([{ CHILD: "1", DOB: "01/01/2008", UASC: "0" }]);
    expect(failing("205D", { UASC: uasc, UASC_last: uascLast, Header: header, Header_last: headerLast }, "xml")).toEqual({ Header: [0] });
  });
});
