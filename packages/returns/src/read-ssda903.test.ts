import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isXmlFile, mergeTables, readSsda903Files, validationTables } from "./read-ssda903.ts";
import type { Ssda903Table } from "./ssda903-tables.ts";

const FIXTURES = path.resolve(import.meta.dirname, "../../../../shared/returns/ssda903/fixtures/fake-2017-18");
const fixtureFiles = readdirSync(FIXTURES).map((name) => ({ name, text: readFileSync(path.join(FIXTURES, name), "utf8") }));

describe("reading a year's SSDA903 files", () => {
  it("reads all twelve tables from the fixture CSVs, whatever the files are called", () => {
    const csvs = fixtureFiles.filter((f) => f.name.endsWith(".csv")).map((f, i) => ({ name: `file${i}.txt`, text: f.text }));
    const result = readSsda903Files(csvs);
    expect(result.unrecognised).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(Object.keys(result.tables).sort()).toEqual(["AD1", "DoLo", "Episodes", "Header", "Missing", "OC2", "OC3", "PlacedAdoption", "PrevPerm", "Reviews", "SWEpisodes", "UASC"]);
    expect(result.tables.Episodes?.rows).toHaveLength(5050);
    expect(result.files.every((f) => f.format === "csv" && f.tables.length === 1)).toBe(true);
  });

  it("tells XML from CSV and merges files of the same table, noting it", () => {
    const result = readSsda903Files(fixtureFiles.filter((f) => f.name === "fake_903.xml" || f.name === "header.csv"));
    expect(result.files.map((f) => [f.name, f.format])).toEqual([
      ["fake_903.xml", "xml"],
      ["header.csv", "csv"],
    ]);
    expect(result.tables.Header?.rows).toHaveLength(253 + 2675);
    expect(result.tables.Header?.rows[253]).toMatchObject({ file: "header.csv", line: 2, values: { CHILD: "566910", UASC: null } });
    expect(result.warnings).toEqual(["Header was read from 2 files (fake_903.xml, header.csv) and merged."]);
    expect(isXmlFile({ name: "return.txt", text: "\uFEFF  <?xml version='1.0'?><EXPSSDA903 />" })).toBe(true);
  });

  it("sets aside files it cannot read with the reason, and reads the rest", () => {
    const result = readSsda903Files([
      { name: "notes.csv", text: "NAME,COMMENT\nx,y\n" },
      { name: "reviews.csv", text: "CHILD,DOB,REVIEW,REVIEW_CODE\n1,01/01/2010,02/02/2017,PN1,oops\n" },
      { name: "cin.xml", text: "<Message><Children /></Message>" },
      { name: "oc3.csv", text: "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n1,01/01/2000,YES,F1,S1\n" },
    ]);
    expect(result.unrecognised).toEqual([
      { name: "notes.csv", line: 1, reason: "notes.csv line 1: The header has none of the columns that tell SSDA903 tables apart." },
      { name: "reviews.csv", line: 2, reason: "reviews.csv line 2: The row has 5 cells but the header has 4 columns." },
      { name: "cin.xml", line: null, reason: "cin.xml: The root element is not EXPSSDA903, so this is not an SSDA903 XML file." },
    ]);
    expect(Object.keys(result.tables)).toEqual(["OC3"]);
  });

  it("merges columns, filling blanks where a file lacked an extra column", () => {
    const a: Ssda903Table = { table: "Reviews", columns: ["CHILD", "REVIEW"], rows: [{ file: "a", line: 2, values: { CHILD: "1", REVIEW: "x" } }] };
    const b: Ssda903Table = { table: "Reviews", columns: ["REVIEW", "CHILD", "NOTE"], rows: [{ file: "b", line: 2, values: { REVIEW: "y", CHILD: "2", NOTE: "n" } }] };
    const merged = mergeTables(a, b);
    expect(merged.columns).toEqual(["CHILD", "REVIEW", "NOTE"]);
    expect(merged.rows.map((r) => [r.file, r.values])).toEqual([
      ["a", { CHILD: "1", REVIEW: "x", NOTE: null }],
      ["b", { REVIEW: "y", CHILD: "2", NOTE: "n" }],
    ]);
    expect(() => mergeTables(a, { ...b, table: "Header" })).toThrow("Cannot merge Reviews with Header.");
  });

  it("names the previous year's tables with _last for the cross-year rules", () => {
    const current = readSsda903Files(fixtureFiles.filter((f) => f.name === "episodes.csv")).tables;
    const previous = readSsda903Files(fixtureFiles.filter((f) => f.name === "episodes.csv" || f.name === "header.csv")).tables;
    const tables = validationTables({ current, previous });
    expect(Object.keys(tables)).toEqual(["Header_last", "Episodes", "Episodes_last"]);
    expect(tables.Episodes_last).toBe(previous.Episodes);
    expect(Object.keys(validationTables({ current }))).toEqual(["Episodes"]);
  });
});
