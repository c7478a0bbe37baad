/** The CIN census XML reader: flattening into module tables, generated keys, and malformed files. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CIN_FIXTURE } from "../../test/cin-shared.ts";
import { CinFileError } from "./cin-file-error.ts";
import { readCinXml } from "./read-cin-xml.ts";

const SAMPLE = `<?xml version="1.0" encoding="utf-8"?>
<Message>
  <Header>
    <CollectionDetails><Collection>CIN</Collection><Year>2022</Year><ReferenceDate>2022-03-31</ReferenceDate></CollectionDetails>
    <Source><LEA>201</LEA></Source>
  </Header>
  <Children>
    <Child>
      <ChildIdentifiers><LAchildID>C1</LAchildID><UPN/><Sex>F</Sex></ChildIdentifiers>
      <ChildCharacteristics><Ethnicity>WBRI</Ethnicity><Disabilities><Disability>VIS</Disability><Disability>MOB</Disability></Disabilities></ChildCharacteristics>
      <CINdetails>
        <CINreferralDate>2021-05-01</CINreferralDate>
        <Assessments>
          <AssessmentActualStartDate>2021-05-02</AssessmentActualStartDate>
          <AssessmentAuthorisationDate>2021-06-01</AssessmentAuthorisationDate>
          <FactorsIdentifiedAtAssessment><AssessmentFactors>2A</AssessmentFactors><AssessmentFactors>3B</AssessmentFactors></FactorsIdentifiedAtAssessment>
        </Assessments>
        <Assessments><AssessmentActualStartDate>2021-07-02</AssessmentActualStartDate></Assessments>
        <CINPlanDates><CINPlanStartDate>2021-06-02</CINPlanStartDate></CINPlanDates>
        <Section47><S47ActualStartDate>2021-05-03</S47ActualStartDate><ICPCnotRequired>false</ICPCnotRequired></Section47>
        <ChildProtectionPlans>
          <CPPstartDate>2021-06-10</CPPstartDate>
          <Reviews><CPPreviewDate>2021-09-10</CPPreviewDate><CPPreviewDate>2021-12-10</CPPreviewDate></Reviews>
        </ChildProtectionPlans>
      </CINdetails>
    </Child>
    <Child>
      <ChildIdentifiers><LAchildID>C2</LAchildID></ChildIdentifiers>
      <CINdetails><CINreferralDate>2021-08-01</CINreferralDate></CINdetails>
      <CINdetails><CINreferralDate>2021-09-01</CINreferralDate><ChildProtectionPlans><CPPstartDate>2021-09-05</CPPstartDate></ChildProtectionPlans></CINdetails>
    </Child>
  </Children>
</Message>`;

function failure(text: string): CinFileError {
  try {
    readCinXml({ name: "census.xml", text });
  } catch (error) {
    if (error instanceof CinFileError) return error;
    throw error;
  }
  throw new Error("expected the read to fail");
}

describe("readCinXml", () => {
  const { tables, warnings } = readCinXml({ name: "census.xml", text: SAMPLE });

  it("flattens the Header's leaves into one row", () => {
    expect(tables.Header?.rows).toEqual([{ Collection: "CIN", Year: "2022", ReferenceDate: "2022-03-31", LEA: "201" }]);
  });

  it("gives each child a ChildIdentifiers and ChildCharacteristics row, blank fields as null", () => {
    expect(tables.ChildIdentifiers?.rows.map((r) => [r.LAchildID, r.UPN, r.Sex])).toEqual([["C1", null, "F"], ["C2", null, null]]);
    expect(tables.ChildCharacteristics?.rows.map((r) => [r.LAchildID, r.Ethnicity])).toEqual([["C1", "WBRI"], ["C2", null]]);
    expect(tables.Disabilities?.rows).toEqual([{ LAchildID: "C1", Disability: "VIS" }, { LAchildID: "C1", Disability: "MOB" }]);
  });

  it("numbers CIN episodes and plans and carries the keys down to their modules", () => {
    expect(tables.CINdetails?.rows.map((r) => [r.LAchildID, r.CINdetailsID, r.CINreferralDate])).toEqual([
      ["C1", "0", "2021-05-01"],
      ["C2", "1", "2021-08-01"],
      ["C2", "2", "2021-09-01"],
    ]);
    expect(tables.ChildProtectionPlans?.rows.map((r) => [r.LAchildID, r.CINdetailsID, r.CPPID, r.CPPstartDate])).toEqual([
      ["C1", "0", "0", "2021-06-10"],
      ["C2", "2", "1", "2021-09-05"],
    ]);
    expect(tables.Reviews?.rows.map((r) => [r.LAchildID, r.CINdetailsID, r.CPPID, r.CPPreviewDate])).toEqual([
      ["C1", "0", "0", "2021-09-10"],
      ["C1", "0", "0", "2021-12-10"],
    ]);
    expect(tables.CINplanDates?.rows).toEqual([{ LAchildID: "C1", CINdetailsID: "0", CINPlanStartDate: "2021-06-02" }]);
    expect(tables.Section47?.rows).toEqual([{ LAchildID: "C1", CINdetailsID: "0", S47ActualStartDate: "2021-05-03", ICPCnotRequired: "false" }]);
  });

  it("reads an assessment as one row per factor, with its AssessmentID", () => {
    expect(tables.Assessments?.rows.map((r) => [r.AssessmentID, r.AssessmentActualStartDate, r.AssessmentFactors])).toEqual([
      ["0", "2021-05-02", "2A"],
      ["0", "2021-05-02", "3B"],
      ["1", "2021-07-02", null],
    ]);
    expect(tables.AssessmentFactorsList?.rows.map((r) => [r.AssessmentID, r.AssessmentFactor])).toEqual([["0", "2A"], ["0", "3B"]]);
    expect(warnings).toEqual([]);
  });

  it("reads the shared synthetic census file", () => {
    const fixture = readCinXml({ name: "fake_CIN_data.xml", text: readFileSync(CIN_FIXTURE, "utf8") }).tables;
    expect(fixture.ChildIdentifiers?.rows.length).toBe(332);
    expect(fixture.CINdetails?.rows.length).toBe(402);
    expect(fixture.Disabilities?.rows.length).toBe(117);
    expect(fixture.Assessments?.rows.length).toBe(0);
  });

  it("names the file and line of malformed XML", () => {
    const error = failure("<Message>\n  <Header>\n  </Head>\n</Message>");
    expect(error.message).toMatch(/^census\.xml line 3: Not well-formed XML/);
    expect(error.line).toBe(3);
  });

  it("names the line of other faults: an unclosed element, text outside the root, a stray '<'", () => {
    expect(failure("<Message>\n<Children>\n</Message>").message).toBe("census.xml line 3: Not well-formed XML: </Message> closes <Children>.");
    expect(failure("<Message>\n  <Header>").message).toBe("census.xml line 2: Not well-formed XML: <Header> is not closed.");
    expect(failure("<Message/>\nstray").line).toBe(1);
    expect(failure("<Message>\n\n<UPN>a < b</UPN></Message>").line).toBe(3);
    expect(failure("<Message><!-- open\n</Message>").message).toBe("census.xml line 1: Not well-formed XML: a comment is not terminated.");
  });

  it("decodes entities and CDATA, skips attributes, comments and declarations, and notes unknown elements", () => {
    const text = `<?xml version="1.0"?><!-- census --><Message xmlns="urn:x"><Children><Child><ChildIdentifiers><LAchildID a=">">A&amp;B</LAchildID>
      <UPN><![CDATA[X<1]]></UPN></ChildIdentifiers><Extra><X>1</X></Extra><CINdetails><Odd><Y>2</Y></Odd></CINdetails></Child></Children></Message>`;
    const read = readCinXml({ name: "census.xml", text });
    expect(read.tables.ChildIdentifiers?.rows).toEqual([{ LAchildID: "A&B", UPN: "X<1" }]);
    expect(read.warnings).toEqual([
      "Element Extra under Child is not a CIN census module; it was not read.",
      "Element Odd under CINdetails is not a CIN census module; it was not read.",
    ]);
  });

  it("rejects a file that is not a CIN census", () => {
    expect(failure("<EXPSSDA903></EXPSSDA903>").message).toBe("census.xml: The root element is not Message, so this is not a CIN census XML file.");
    expect(failure("  ").message).toBe("census.xml: The file is empty.");
  });
});
