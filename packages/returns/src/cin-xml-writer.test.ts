import { describe, expect, it } from "vitest";
import { readCinXml } from "./cin/read-cin-xml.ts";
import { cinCensusToXml, type CinCensus } from "./cin-xml-writer.ts";

const census: CinCensus = {
  header: { year: "2025", referenceDate: "2025-03-31", lea: "E09000033", softwareCode: "Family Story", release: "1", serialNo: "1", dateTime: "2025-04-02T09:00:00Z" },
  children: [
    {
      laChildId: "A&B<1>",
      upn: null,
      formerUpn: null,
      upnUnknown: null,
      birthDate: "2016-02-03",
      expectedBirthDate: null,
      sex: "F",
      deathDate: null,
      ethnicity: "WBRI",
      disabilities: ["NONE"],
      episodes: [
        {
          referralDate: "2025-01-06", referralSource: "2A", primaryNeed: "N1", closureDate: null, reasonForClosure: null, dateOfInitialCpc: "2025-01-27", referralNfa: false,
          assessments: [{ startDate: "2025-01-07", internalReviewDate: null, authorisationDate: "2025-01-27", factors: ["3B", "16A"] }],
          cinPlans: [{ startDate: "2025-02-01", endDate: null }],
          section47s: [{ startDate: "2025-01-08", initialCpcTarget: "2025-01-29", dateOfInitialCpc: "2025-01-27", icpcNotRequired: false }],
          cpPlans: [{ startDate: "2025-01-27", endDate: null, initialCategory: "NEG", latestCategory: "EMO", numberOfPreviousCpp: 0, reviewDates: ["2025-03-20"] }],
        },
      ],
    },
  ],
};

describe("CIN census XML writer", () => {
  it("writes the modules in the specification's order, escapes text and leaves out what is not known", () => {
    const xml = cinCensusToXml(census);
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<Message>\n  <Header>\n    <CollectionDetails>\n      <Collection>CIN</Collection>\n      <Year>2025</Year>')).toBe(true);
    expect(xml).toContain("<LAchildID>A&amp;B&lt;1&gt;</LAchildID>");
    expect(xml).not.toContain("<UPN>");
    expect(xml).not.toContain("CINclosureDate");
    expect(xml.indexOf("<Assessments>")).toBeLessThan(xml.indexOf("<CINPlanDates>"));
    expect(xml.indexOf("<CINPlanDates>")).toBeLessThan(xml.indexOf("<Section47>"));
    expect(xml.indexOf("<Section47>")).toBeLessThan(xml.indexOf("<ChildProtectionPlans>"));
  });

  it("reads back through the census reader into the flattened tables", () => {
    const t = readCinXml({ name: "c.xml", text: cinCensusToXml(census) }).tables;
    expect(t.Header?.rows[0]).toMatchObject({ Year: "2025", ReferenceDate: "2025-03-31", LEA: "E09000033" });
    expect(t.ChildIdentifiers?.rows[0]).toMatchObject({ LAchildID: "A&B<1>", PersonBirthDate: "2016-02-03", Sex: "F" });
    expect(t.Disabilities?.rows).toEqual([{ LAchildID: "A&B<1>", Disability: "NONE" }]);
    expect(t.CINdetails?.rows[0]).toMatchObject({ CINreferralDate: "2025-01-06", ReferralNFA: "false", DateOfInitialCPC: "2025-01-27" });
    expect(t.CINplanDates?.rows[0]).toMatchObject({ CINPlanStartDate: "2025-02-01" });
    expect(t.Section47?.rows[0]).toMatchObject({ S47ActualStartDate: "2025-01-08", ICPCnotRequired: "false" });
    expect(t.ChildProtectionPlans?.rows[0]).toMatchObject({ CPPstartDate: "2025-01-27", LatestCategoryOfAbuse: "EMO", NumberOfPreviousCPP: "0" });
    expect(t.Reviews?.rows.map((r) => r.CPPreviewDate)).toEqual(["2025-03-20"]);
  });
});
