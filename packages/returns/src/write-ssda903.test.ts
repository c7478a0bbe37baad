import { describe, expect, it } from "vitest";
import { readSsda903Files } from "./read-ssda903.ts";
import { ssda903Files, ssda903TableToCsv } from "./write-ssda903.ts";

describe("SSDA903 CSV writer", () => {
  it("writes the DfE columns in order, blanks empty, leaves out extra columns and quotes only where needed", () => {
    const csv = ssda903TableToCsv("Episodes", {
      columns: ["CHILD", "DECOM", "RNE", "PL_DISTANCE"],
      rows: [{ CHILD: "1", DECOM: "01/04/2017", RNE: "S", LS: "C2", HOME_POST: "A, B", PL_DISTANCE: "3.2" }],
    });
    expect(csv).toBe("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\r\n1,01/04/2017,S,C2,,,,,,,\"A, B\",,\r\n");
  });

  it("reads back through the 903 reader as the same tables", () => {
    const header = { columns: ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"], rows: [{ CHILD: "7", SEX: "F", DOB: "02/03/2010", ETHNIC: "WBRI", UPN: null, MOTHER: null, MC_DOB: null }] };
    const reviews = { columns: ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"], rows: [] };
    const files = ssda903Files({ Header: header, Reviews: reviews });
    expect(files.map((f) => [f.name, f.table, f.rows])).toEqual([["header.csv", "Header", 1], ["reviews.csv", "Reviews", 0]]);
    const read = readSsda903Files(files.map((f) => ({ name: f.name, text: f.text })));
    expect(read.tables.Header?.rows.map((r) => r.values)).toEqual(header.rows);
    expect(read.tables.Reviews?.rows).toEqual([]);
  });
});
