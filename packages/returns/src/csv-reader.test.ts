import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readSsda903Csv } from "./csv-reader.ts";
import { Ssda903FileError } from "./file-error.ts";

const FIXTURES = path.resolve(import.meta.dirname, "../../../../shared/returns/ssda903/fixtures/fake-2017-18");
const read = (name: string): string => readFileSync(path.join(FIXTURES, name), "utf8");

/** The error a read throws, so its file, line and message can be checked. */
function failure(name: string, text: string): Ssda903FileError {
  try {
    readSsda903Csv({ name, text });
  } catch (error) {
    if (error instanceof Ssda903FileError) return error;
    throw error;
  }
  throw new Error("expected the read to fail");
}

describe("reading SSDA903 CSV files", () => {
  it("recognises every fixture CSV by its header, with one row per non-blank line after it", () => {
    const expected: Record<string, string> = {
      "header.csv": "Header",
      "episodes.csv": "Episodes",
      "reviews.csv": "Reviews",
      "uasc.csv": "UASC",
      "oc2.csv": "OC2",
      "oc3.csv": "OC3",
      "ad1.csv": "AD1",
      "placed_for_adoption.csv": "PlacedAdoption",
      "previous_permanence.csv": "PrevPerm",
      "missing.csv": "Missing",
      "sw_episodes.csv": "SWEpisodes",
      "DoLo.csv": "DoLo",
    };
    const csvs = readdirSync(FIXTURES).filter((n) => n.endsWith(".csv"));
    expect(csvs.sort()).toEqual(Object.keys(expected).sort());
    for (const name of csvs) {
      const text = read(name);
      // Named by content, not by file name.
      const table = readSsda903Csv({ name: `upload-${name.length}.csv`, text });
      expect(table.table, name).toBe(expected[name]);
      const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
      expect(table.rows.length, name).toBe(lines.length - 1);
      expect(table.rows.at(-1)?.line, name).toBe(lines.length);
    }
  });

  it("reads the big tables at their known sizes, values trimmed and blanks as null", () => {
    const episodes = readSsda903Csv({ name: "episodes.csv", text: read("episodes.csv") });
    expect(episodes.rows).toHaveLength(5050);
    expect(episodes.rows[0]).toEqual({
      file: "episodes.csv",
      line: 2,
      values: { CHILD: "566910", DECOM: "15/02/2016", RNE: "L", LS: "C2", CIN: "N3", PLACE: "T2", PLACE_PROVIDER: "PR0", DEC: "14/08/2017", REC: "X1", REASON_PLACE_CHANGE: "CLOSE", HOME_POST: null, PL_POST: null, URN: "4244474" },
    });
    expect(readSsda903Csv({ name: "reviews.csv", text: read("reviews.csv") }).rows).toHaveLength(12582);
    expect(readSsda903Csv({ name: "header.csv", text: read("header.csv") }).rows).toHaveLength(2675);
  });

  it("handles the byte order mark and CRLF line ends of sw_episodes.csv", () => {
    const text = read("sw_episodes.csv");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const table = readSsda903Csv({ name: "sw_episodes.csv", text });
    expect(table.table).toBe("SWEpisodes");
    expect(table.columns).toEqual(["CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"]);
    expect(table.rows).toEqual([{ file: "sw_episodes.csv", line: 2, values: { CHILD: "CHILD10", DOB: "05/12/1993", SW_ID: "SW999", SW_DECOM: "01/01/2020", SW_DEC: "03/01/2020", SW_REASON: "SWLAZY" } }]);
  });

  it("counts lines through blank lines and quoted newlines, and keeps extra columns", () => {
    const text = 'CHILD,DOB,REVIEW,REVIEW_CODE,NOTE\r\n1, 01/01/2017 ,02/02/2017,PN1,"two\r\nlines"\r\n\r\n2,,,PN0,\r\n,,,,\r\n3,01/01/2017,03/03/2017,PN2,x,\r\n';
    const table = readSsda903Csv({ name: "r.csv", text });
    expect(table.columns).toEqual(["CHILD", "DOB", "REVIEW", "REVIEW_CODE", "NOTE"]);
    expect(table.rows.map((r) => r.line)).toEqual([2, 5, 6, 7]);
    expect(table.rows[0]?.values).toEqual({ CHILD: "1", DOB: "01/01/2017", REVIEW: "02/02/2017", REVIEW_CODE: "PN1", NOTE: "two\r\nlines" });
    expect(table.rows[1]?.values).toEqual({ CHILD: "2", DOB: null, REVIEW: null, REVIEW_CODE: "PN0", NOTE: null });
    // A line of empty cells is a row (the DfE reference counts it), unlike a blank line.
    expect(Object.values(table.rows[2]?.values ?? {})).toEqual([null, null, null, null, null]);
  });

  it("names the file and line of what it cannot read", () => {
    const unknown = failure("mystery.csv", "CHILD,DOB,FAVOURITE_COLOUR\n1,01/01/2010,blue\n");
    expect(unknown.message).toBe("mystery.csv line 1: The header has none of the columns that tell SSDA903 tables apart.");
    const missing = failure("episodes-old.csv", "CHILD,DECOM,RNE,LS,CIN,PLACE,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n");
    expect(missing.message).toContain("nearest is Episodes, which also needs PLACE_PROVIDER");
    const wide = failure("reviews.csv", "CHILD,DOB,REVIEW,REVIEW_CODE\n1,01/01/2010,02/02/2017,PN1\n2,01/01/2010,02/02/2017,PN1,extra\n");
    expect([wide.file, wide.line, wide.message]).toEqual(["reviews.csv", 3, "reviews.csv line 3: The row has 5 cells but the header has 4 columns."]);
    const short = failure("reviews.csv", "CHILD,DOB,REVIEW,REVIEW_CODE\n\n1,01/01/2010\n");
    expect(short.line).toBe(3);
    const quote = failure("reviews.csv", 'CHILD,DOB,REVIEW,REVIEW_CODE\n1,01/01/2010,"02/02/2017,PN1\n');
    expect(quote.line).toBe(2);
    expect(failure("empty.csv", "\r\n  \r\n").message).toBe("empty.csv: The file is empty: there is no header line.");
  });
});
