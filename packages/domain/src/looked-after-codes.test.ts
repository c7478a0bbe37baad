import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  ADOPTER_LEGAL_STATUS_CODES,
  ADOPTER_SEX_CODES,
  CARE_LEAVER_ACCOMMODATION,
  CARE_LEAVER_ACCOMMODATION_CODES,
  CARE_LEAVER_ACTIVITY_CODES,
  CARE_LEAVER_IN_TOUCH_CODES,
  PLACED_FOR_ADOPTION_CEASED_REASON_CODES,
  PREVIOUS_PERMANENCE_CODES,
  SDQ_REASON_CODES,
  isAdopterLegalStatus,
  isAdopterSex,
  isCareLeaverAccommodation,
  isCareLeaverActivity,
  isCareLeaverInTouch,
  isInEducationEmploymentOrTraining,
  isPlacedForAdoptionCeasedReason,
  isSdqReason,
  isSuitableAccommodation,
} from "./care-leaver-codes.ts";
import { codeLabel } from "./casework-codes.ts";
import {
  CARE_ENDING_REASON_CODES,
  CATEGORY_OF_NEED_CODES,
  LEGAL_STATUS_CODES,
  MISSING_TYPE_CODES,
  PLACEMENT_PROVIDER_CODES,
  PLACEMENT_TYPES,
  PLACEMENT_TYPE_CODES,
  REASONS_FOR_NEW_EPISODE,
  REASON_EPISODE_CEASED_CODES,
  REASON_FOR_NEW_EPISODE_CODES,
  REASON_FOR_PLACEMENT_CHANGE_CODES,
  REVIEW_PARTICIPATION_CODES,
  REVIEW_VIEWS_METHOD_CODES,
  SOCIAL_WORKER_CHANGE_REASON_CODES,
  TEMPORARY_PLACEMENT_TYPE_CODES,
  isCategoryOfNeed,
  isLegalStatus,
  isLongTermFostering,
  isMissingType,
  isPlacementType,
  isReasonEpisodeCeased,
  isReasonForNewEpisode,
  isReasonForPlacementChange,
  isReviewParticipation,
  isSocialWorkerChangeReason,
  isTemporaryPlacement,
  placementTakesProvider,
} from "./looked-after-codes.ts";

describe("SSDA903 2026/27 code sets", () => {
  it("hold the codes the returns README lists", () => {
    expect(REASON_FOR_NEW_EPISODE_CODES).toEqual(["S", "L", "P", "T", "U", "B"]);
    expect(LEGAL_STATUS_CODES).toEqual(["C1", "C2", "D1", "E1", "V2", "V3", "V4", "L1", "L2", "L3", "J1", "J2", "J3"]);
    expect(CATEGORY_OF_NEED_CODES).toEqual(["N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"]);
    expect(REASON_EPISODE_CEASED_CODES).toEqual(["X1", "E11", "E12", "E2", "E3", "E4A", "E4B", "E13", "E41", "E45", "E46", "E47", "E48", "E5", "E6", "E7", "E8", "E9", "E14", "E15", "E16", "E17"]);
    expect(PLACEMENT_TYPE_CODES).toEqual(
      ["A3", "A4", "A5", "A6", "K1", "K2", "K3", "P1", "P3", "R1", "R2", "R3", "R5", "S1", "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z11", "Z12", "Z13", "Z14"],
    );
    expect(PLACEMENT_PROVIDER_CODES).toEqual(["PR0", "PR1", "PR2", "PR3", "PR4", "PR5"]);
    expect(REVIEW_PARTICIPATION_CODES).toEqual(["PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"]);
    expect(SOCIAL_WORKER_CHANGE_REASON_CODES).toEqual(["MANAGE", "FCONTA", "LEFTRL", "ORGRST", "TSPROC", "ABSENC", "CHCHAN", "PCCHAN", "SWDIED", "OTHERS"]);
    expect(PLACED_FOR_ADOPTION_CEASED_REASON_CODES).toEqual(["RD1", "RD2", "RD3", "RD4"]);
    expect(REASON_FOR_PLACEMENT_CHANGE_CODES).toEqual(["CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ", "PLACE", "CUSTOD", "OTHER"]);
    expect(MISSING_TYPE_CODES).toEqual(["M", "A"]);
    expect(CARE_LEAVER_IN_TOUCH_CODES).toEqual(["YES", "NO", "DIED", "REFU", "NREQ", "RHOM"]);
    expect(CARE_LEAVER_ACTIVITY_CODES).toEqual(["F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6"]);
    expect(SDQ_REASON_CODES).toEqual(["SDQ1", "SDQ2", "SDQ3", "SDQ4", "SDQ5"]);
    expect(ADOPTER_LEGAL_STATUS_CODES).toEqual(["L0", "L11", "L12", "L2", "L3", "L4"]);
    expect(ADOPTER_SEX_CODES).toEqual(["M1", "F1", "MM", "FF", "MF"]);
    expect(PREVIOUS_PERMANENCE_CODES).toEqual(["P1", "P2", "P3", "P4", "Z1"]);
    expect(REVIEW_VIEWS_METHOD_CODES).toEqual(["in_meeting", "face_to_face", "phone", "text", "consultation_form", "advocate"]);
  });

  it("give every code a label", () => {
    expect(codeLabel(REASONS_FOR_NEW_EPISODE, "T")).toBe("Change of placement only, carer(s) stayed the same");
    expect(codeLabel(REASONS_FOR_NEW_EPISODE, "B")).toBe("Change of legal status, placement and carer(s) at the same time");
    for (const entry of [...PLACEMENT_TYPES, ...CARE_LEAVER_ACCOMMODATION]) expect(entry.label.length).toBeGreaterThan(5);
  });

  it("reject the withdrawn and wrongly cased codes the rule examples use", () => {
    // Rule 146: H5, P2 and Z1 are withdrawn; codes are case sensitive.
    for (const code of ["H5", "P2", "Z1", "t3", "A2", ""]) expect(isPlacementType(code)).toBe(false);
    expect(isReasonForNewEpisode("p")).toBe(false);
    expect(isReasonEpisodeCeased("E4b")).toBe(false);
    expect(isCareLeaverActivity("F3")).toBe(false); // withdrawn: split into F4 and F5
    expect(isCareLeaverAccommodation("S1")).toBe(false); // no fixed abode is never suitable
    expect(isAdopterLegalStatus("L1")).toBe(false);
    expect(isSdqReason("sdq2")).toBe(false);
    expect(isMissingType("AWAY")).toBe(false);
    expect(isReasonForPlacementChange("other")).toBe(false);
  });

  it("mark T0–T4 temporary, and leave the provider blank for them and Z11–Z14", () => {
    expect(TEMPORARY_PLACEMENT_TYPE_CODES).toEqual(["T0", "T1", "T2", "T3", "T4"]);
    expect(isTemporaryPlacement("T1")).toBe(true);
    expect(isTemporaryPlacement("U4")).toBe(false);
    expect(placementTakesProvider("U6")).toBe(true);
    expect(placementTakesProvider("T3")).toBe(false);
    expect(placementTakesProvider("Z12")).toBe(false);
    expect(isLongTermFostering("U1")).toBe(true);
    expect(isLongTermFostering("U6")).toBe(false);
  });

  it("end care with any reason but X1", () => {
    expect(CARE_ENDING_REASON_CODES).not.toContain("X1");
    expect(CARE_ENDING_REASON_CODES).toHaveLength(REASON_EPISODE_CEASED_CODES.length - 1);
  });

  it("say whether an accommodation code means suitable, and whether an activity is EET", () => {
    expect(isSuitableAccommodation("Z1")).toBe(true);
    expect(isSuitableAccommodation("B2")).toBe(false);
    expect(isSuitableAccommodation("S2")).toBe(false);
    for (const entry of CARE_LEAVER_ACCOMMODATION) expect(isSuitableAccommodation(entry.code)).toBe(entry.suitable);
    expect(CARE_LEAVER_ACCOMMODATION_CODES).toHaveLength(30);
    expect(isInEducationEmploymentOrTraining("F4")).toBe(true);
    expect(isInEducationEmploymentOrTraining("G6")).toBe(false);
  });
});

// The reference implementation's findings on the synthetic 2017/18 files: a value a validity
// rule flags must fail our guard, and every other value must pass it.
const SSDA903 = path.resolve(import.meta.dirname, "../../../../shared/returns/ssda903");

function readCsv(file: string): Record<string, string>[] {
  const [header = "", ...lines] = readFileSync(path.join(SSDA903, file), "utf8").replace(/^\uFEFF/, "").split(/\r?\n/).filter((line) => line !== "");
  const columns = header.split(",");
  return lines.map((line) => {
    const cells = line.split(",");
    return Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? ""]));
  });
}

const expected = readCsv("expected/fake-2017-18.lac2026_27.csv");

function flagged(rule: string, table: string): Set<number> {
  return new Set(expected.filter((row) => row.rule_code === rule && row.table === table).map((row) => Number(row.row_id)));
}

describe("code guards agree with the reference implementation on the fake 2017/18 return", () => {
  const cases: [string, string, string, string, (value: unknown) => boolean][] = [
    ["143", "Episodes", "episodes.csv", "RNE", isReasonForNewEpisode],
    ["144", "Episodes", "episodes.csv", "LS", isLegalStatus],
    ["145", "Episodes", "episodes.csv", "CIN", isCategoryOfNeed],
    ["146", "Episodes", "episodes.csv", "PLACE", isPlacementType],
    ["149", "Episodes", "episodes.csv", "REC", isReasonEpisodeCeased],
    ["1009", "Episodes", "episodes.csv", "REASON_PLACE_CHANGE", isReasonForPlacementChange],
    ["167", "Reviews", "reviews.csv", "REVIEW_CODE", isReviewParticipation],
    ["131", "OC3", "oc3.csv", "IN_TOUCH", isCareLeaverInTouch],
    ["132", "OC3", "oc3.csv", "ACTIV", (v) => v === "0" || isCareLeaverActivity(v)],
    ["133", "OC3", "oc3.csv", "ACCOM", (v) => v === "0" || isCareLeaverAccommodation(v)],
    ["196", "OC2", "oc2.csv", "SDQ_REASON", isSdqReason],
    ["176", "AD1", "ad1.csv", "SEX_ADOPTR", isAdopterSex],
    ["177", "AD1", "ad1.csv", "LS_ADOPTR", isAdopterLegalStatus],
    ["120", "PlacedAdoption", "placed_for_adoption.csv", "REASON_PLACED_CEASED", isPlacedForAdoptionCeasedReason],
    ["1006", "Missing", "missing.csv", "MISSING", isMissingType],
    ["SW13STG1", "SWEpisodes", "sw_episodes.csv", "SW_REASON", isSocialWorkerChangeReason],
  ];
  it.each(cases)("rule %s (%s)", (rule, table, file, column, guard) => {
    const bad = flagged(rule, table);
    const rows = readCsv(`fixtures/fake-2017-18/${file}`);
    const disagreements = rows.flatMap((row, i) => {
      const value = row[column] ?? "";
      if (value === "") return []; // blanks are other rules' business
      return guard(value) === bad.has(i) ? [`row ${String(i)}: ${value}`] : [];
    });
    expect(disagreements).toEqual([]);
    expect(rows.length).toBeGreaterThan(0);
  });

  it("rule 178: temporary placements T0–T3 carry no provider", () => {
    const bad = flagged("178", "Episodes");
    const rows = readCsv("fixtures/fake-2017-18/episodes.csv");
    const disagreements = rows.flatMap((row, i) => {
      const place = row.PLACE ?? "";
      // The reference tolerates a provider on T4; we leave it blank like the other temporaries.
      if (!isPlacementType(place) || place === "T4") return [];
      return bad.has(i) === placementTakesProvider(place) ? [`row ${String(i)}: ${place}`] : [];
    });
    expect(disagreements).toEqual([]);
    expect(bad.size).toBeGreaterThan(0);
  });
});
