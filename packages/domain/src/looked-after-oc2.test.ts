import { describe, expect, it } from "vitest";
import type { Episode } from "./episode-derivation.ts";
import type { LegalStatus, ReasonEpisodeCeased } from "./looked-after-codes.ts";
import { collectionYearOf, collectionYearSpan, deriveOc2, inOc2Cohort, type Oc2Check } from "./looked-after-oc2.ts";

function episode(start: string, end: string | null = null, rec: ReasonEpisodeCeased | null = null, legalStatus: LegalStatus = "C2"): Episode {
  return { start, rne: "S", legalStatus, cin: "N1", placement: { place: "U6", provider: "PR1", postcode: null, urn: null }, homePostcode: null, end, rec, reasonPlaceChange: null };
}

describe("collection years", () => {
  it("run from 1 April to 31 March, named by their start", () => {
    expect(collectionYearSpan(2024)).toEqual({ from: "2024-04-01", to: "2025-03-31" });
    expect(collectionYearOf("2025-03-31")).toBe(2024);
    expect(collectionYearOf("2025-04-01")).toBe(2025);
  });
});

describe("the OC2 cohort", () => {
  it("needs care from 1 April of the year before to 31 March; a start on 31 March is not 12 months", () => {
    expect(inOc2Cohort([episode("2024-04-01")], 2024)).toBe(true);
    expect(inOc2Cohort([episode("2024-04-02")], 2024)).toBe(false);
    expect(inOc2Cohort([episode("2025-03-31")], 2024)).toBe(false);
    expect(inOc2Cohort([episode("2025-03-31")], 2025)).toBe(true);
  });

  it("leaves out a child who left care before 31 March, or was on short breaks", () => {
    expect(inOc2Cohort([episode("2023-01-01", "2025-03-30", "E4A")], 2024)).toBe(false);
    expect(inOc2Cohort([episode("2023-01-01", null, null, "V3")], 2024)).toBe(false);
    // Episodes joined by X1 are one continuous period.
    expect(inOc2Cohort([episode("2023-01-01", "2024-06-01", "X1"), { ...episode("2024-06-01"), rne: "P" }], 2024)).toBe(true);
  });
});

describe("deriving OC2 from the checks", () => {
  const episodes = [episode("2022-05-01")];
  const year = 2024;
  const derive = (dob: string | null, checks: Oc2Check[]) => deriveOc2({ dob, episodes, checks, year });

  it("gives nothing for a child outside the cohort", () => {
    const d = deriveOc2({ dob: "2015-01-01", episodes: [episode("2024-06-01")], checks: [], year });
    expect(d).toMatchObject({ inCohort: false, flags: null });
  });

  it("flags checks in the year, immunisations as last recorded, and the substance misuse follow-ups", () => {
    const d = derive("2012-06-01", [
      { kind: "health_assessment", date: "2024-05-01" },
      { kind: "dental_check", date: "2024-03-31" }, // the year before
      { kind: "immunisations", date: "2023-09-01", upToDate: true },
      { kind: "substance_misuse", date: "2024-09-01", interventionReceived: false, interventionOffered: true },
      { kind: "conviction", date: "2025-01-10" },
      { kind: "sdq", date: "2024-07-01", sdqScore: 14 },
      { kind: "sdq", date: "2025-02-01", sdqScore: 0 },
    ]);
    expect(d.flags).toEqual({
      sdqScore: "0",
      sdqReason: null,
      convicted: "1",
      healthCheck: null,
      immunisations: "1",
      teethCheck: "0",
      healthAssessment: "1",
      substanceMisuse: "1",
      interventionReceived: "0",
      interventionOffered: "1",
    });
  });

  it("asks intervention received only after misuse, and offered only when none was received", () => {
    expect(derive("2012-06-01", []).flags).toMatchObject({ substanceMisuse: "0", interventionReceived: null, interventionOffered: null, immunisations: "0" });
    expect(derive("2012-06-01", [{ kind: "substance_misuse", date: "2024-09-01", interventionReceived: true, interventionOffered: true }]).flags).toMatchObject({ interventionReceived: "1", interventionOffered: null });
  });

  it("bounds the SDQ to 4 at 31 March and under 17 at 1 April, convictions to 10 and over, the health check to under 5", () => {
    const sdq: Oc2Check = { kind: "sdq", date: "2024-10-01", sdqReason: "SDQ2" };
    // 4 on 31 March 2025: in. 3 on 31 March: out.
    expect(derive("2021-03-31", [sdq]).flags).toMatchObject({ sdqReason: "SDQ2", convicted: null });
    expect(derive("2021-04-01", [sdq]).flags).toMatchObject({ sdqReason: null, sdqScore: null });
    // 16 on 1 April 2024: in. 17 on 1 April 2024: out.
    expect(derive("2007-04-02", [sdq]).flags).toMatchObject({ sdqReason: "SDQ2" });
    expect(derive("2007-04-01", [sdq]).flags).toMatchObject({ sdqReason: null });
    expect(derive("2015-03-31", []).flags).toMatchObject({ convicted: "0" });
    expect(derive("2015-04-01", []).flags).toMatchObject({ convicted: null });
  });

  it("reads the under-5s' health check as assessments up to date at 31 March (6-monthly)", () => {
    const dob = "2021-01-01";
    expect(derive(dob, [{ kind: "health_assessment", date: "2024-10-01" }]).flags?.healthCheck).toBe("1");
    expect(derive(dob, [{ kind: "health_assessment", date: "2024-09-30" }]).flags?.healthCheck).toBe("0");
    expect(derive("2020-01-01", []).flags?.healthCheck).toBeNull();
  });

  it("says what it cannot work out", () => {
    const d = derive(null, []);
    expect(d.flags).toMatchObject({ sdqScore: null, convicted: null, healthCheck: null });
    expect(d.notes.join(" ")).toMatch(/Date of birth unknown/);
  });
});
