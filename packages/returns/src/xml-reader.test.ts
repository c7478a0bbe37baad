import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Ssda903FileError } from "./file-error.ts";
import { readSsda903Xml } from "./xml-reader.ts";

const FIXTURES = path.resolve(import.meta.dirname, "../../../../shared/returns/ssda903/fixtures/fake-2017-18");
const fixture = readSsda903Xml({ name: "fake_903.xml", text: readFileSync(path.join(FIXTURES, "fake_903.xml"), "utf8") });

function xmlFailure(text: string): Ssda903FileError {
  try {
    readSsda903Xml({ name: "bad.xml", text });
  } catch (error) {
    if (error instanceof Ssda903FileError) return error;
    throw error;
  }
  throw new Error("expected the read to fail");
}

describe("reading the SSDA903 XML form", () => {
  it("reads every table the fixture holds, with the CSV tables' columns", () => {
    const counts = Object.fromEntries(Object.entries(fixture.tables).map(([name, t]) => [name, t.rows.length]));
    expect(counts).toEqual({ Header: 253, Episodes: 459, Reviews: 1206, UASC: 12, OC2: 253, OC3: 6, AD1: 3, PlacedAdoption: 3, PrevPerm: 253, Missing: 6 });
    expect(fixture.warnings).toEqual([]);
    expect(fixture.tables.Header?.columns).toEqual(["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB", "UASC"]);
  });

  it("maps HEADER and EPISODE fields to table rows, PL read as PLACE, line = CHILD ordinal", () => {
    const { Header, Episodes, Reviews, OC2, PrevPerm } = fixture.tables;
    expect(Header?.rows[0]).toEqual({
      file: "fake_903.xml",
      line: 1,
      values: { CHILD: "907440", SEX: "2", DOB: "28/07/2010", ETHNIC: "BAFR", UPN: "O013219285333", MOTHER: null, MC_DOB: null, UASC: null },
    });
    expect(Episodes?.rows[0]?.values).toEqual({
      CHILD: "907440",
      DECOM: "06/01/2017",
      RNE: "T",
      LS: "J3",
      CIN: "N4",
      PLACE: "R5",
      PLACE_PROVIDER: "PR2",
      DEC: "06/10/2017",
      REC: "X1",
      REASON_PLACE_CHANGE: "CUSTOD",
      HOME_POST: "B15 8PZ",
      PL_POST: "E7 5YR",
      URN: "1465167",
    });
    expect(Episodes?.rows[2]?.line).toBe(2);
    expect(Reviews?.rows.slice(0, 2).map((r) => [r.line, r.values])).toEqual([
      [1, { CHILD: "907440", DOB: "28/07/2010", REVIEW: "27/09/2015", REVIEW_CODE: "PN0" }],
      [1, { CHILD: "907440", DOB: "28/07/2010", REVIEW: "14/07/2016", REVIEW_CODE: "PN1" }],
    ]);
    // Absent elements (SDQ_REASON here; LA_PERM, DATE_PERM) read as blank.
    expect(OC2?.rows[0]?.values).toMatchObject({ SDQ_SCORE: "21", SDQ_REASON: null, CONVICTED: "1" });
    expect(PrevPerm?.rows[0]?.values).toEqual({ CHILD: "907440", DOB: "28/07/2010", PREV_PERM: "Z1", LA_PERM: null, DATE_PERM: null });
  });

  it("reads the fields that sit directly in HEADER (UASC, OC3, AD1) and the adoption and missing elements", () => {
    const { UASC, OC3, AD1, PlacedAdoption, Missing, Header } = fixture.tables;
    for (const row of UASC?.rows ?? []) {
      expect(row.values.DUC).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
      expect(Header?.rows.find((h) => h.values.CHILD === row.values.CHILD)?.values).toMatchObject({ UASC: "1", SEX: row.values.SEX, DOB: row.values.DOB });
    }
    expect(OC3?.rows[0]?.values).toEqual({ CHILD: "381315", DOB: "21/01/2001", IN_TOUCH: "NO", ACTIV: "P2", ACCOM: "S1" });
    expect(AD1?.rows[0]?.values.CHILD).toBe(PlacedAdoption?.rows[0]?.values.CHILD);
    expect(Missing?.rows[0]?.values).toEqual({ CHILD: "608176", DOB: "05/11/2009", MISSING: "A", MIS_START: "29/07/2017", MIS_END: "15/09/2017" });
  });

  it("reads other containers as the table their fields belong to, and notes what it cannot place", () => {
    const text = `<?xml version="1.0"?><EXPSSDA903><CHILD><HEADER><CHILDID>7</CHILDID><SEX>1</SEX><DOB>01/02/2010</DOB><NICKNAME>Al</NICKNAME><AMISSING /></HEADER>
      <SWEPISODE><SW_ID>SW1</SW_ID><SW_DECOM>01/04/2017</SW_DECOM><SW_REASON>MANAGE</SW_REASON></SWEPISODE>
      <DOLO><DOLO_START>02/04/2017</DOLO_START><DOLO_END /></DOLO><PETS><DOG>Rex</DOG></PETS><EPISODE><PLACE>U1</PLACE><PL_DISTANCE>3.2</PL_DISTANCE></EPISODE></CHILD></EXPSSDA903>`;
    const result = readSsda903Xml({ name: "x.xml", text });
    expect(result.tables.SWEpisodes?.rows[0]?.values).toEqual({ CHILD: "7", DOB: "01/02/2010", SW_ID: "SW1", SW_DECOM: "01/04/2017", SW_DEC: null, SW_REASON: "MANAGE" });
    expect(result.tables.DoLo?.rows[0]?.values).toEqual({ CHILD: "7", DOB: "01/02/2010", DOLO_START: "02/04/2017", DOLO_END: null });
    expect(result.tables.Episodes?.columns.at(-1)).toBe("PL_DISTANCE");
    expect(result.tables.Episodes?.rows[0]?.values).toMatchObject({ PLACE: "U1", PL_DISTANCE: "3.2", DECOM: null });
    expect(result.tables.Header?.rows[0]?.values).toMatchObject({ CHILD: "7", NICKNAME: "Al" });
    expect(result.tables.Missing).toBeUndefined();
    expect(result.warnings).toEqual(["HEADER field NICKNAME is not in the specification; kept as a Header column.", "Element PETS matches no SSDA903 table; it was not read."]);
  });

  it("refuses text that is not an SSDA903 XML file, naming where", () => {
    const broken = xmlFailure("<EXPSSDA903>\n<CHILD><HEADER></CHILD>\n</EXPSSDA903>");
    expect([broken.file, broken.line]).toEqual(["bad.xml", 2]);
    expect(broken.message).toMatch(/^bad\.xml line 2: Not well-formed XML/);
    expect(xmlFailure("<CINCENSUS><Child /></CINCENSUS>").message).toBe("bad.xml: The root element is not EXPSSDA903, so this is not an SSDA903 XML file.");
    expect(xmlFailure("<EXPSSDA903><CHILD><HEADER><SEX>1</SEX></HEADER></CHILD><CHILD /></EXPSSDA903>").message).toBe("bad.xml line 1: CHILD number 1 has no CHILDID.");
    expect(xmlFailure("<EXPSSDA903><CHILD><HEADER><CHILDID>1</CHILDID></HEADER></CHILD><CHILD /></EXPSSDA903>").message).toBe("bad.xml line 2: CHILD number 2 has no HEADER.");
  });
});
