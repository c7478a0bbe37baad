import { describe, expect, it } from "vitest";
import {
  ASSESSMENT_FACTORS,
  ASSESSMENT_FACTOR_CODES,
  CASE_NOTE_TYPES,
  CIN_CLOSURE_REASONS,
  CONTACT_DECISIONS,
  CP_CATEGORIES,
  EARLY_HELP_CLOSURE_REASONS,
  PRIMARY_NEEDS,
  REFERRAL_SOURCES,
  REFERRAL_SOURCE_CODES,
  S47_OUTCOMES,
  SUPPORTING_FAMILIES_OUTCOMES,
  THRESHOLD_LEVELS,
  VISIT_TYPES,
  codeLabel,
  isAssessmentFactor,
  isCaseNoteType,
  isCinClosureReason,
  isContactDecision,
  isCpCategory,
  isPrimaryNeed,
  isReferralSource,
  isS47Outcome,
  isThresholdLevel,
  isVisitType,
  s47NeedsIcpc,
} from "./casework-codes.ts";

const codes = (list: readonly { code: string | number }[]) => list.map((entry) => entry.code);

describe("CIN census code sets", () => {
  it("referral sources are 1A–10 with 5D early help", () => {
    expect(codes(REFERRAL_SOURCES)).toEqual(["1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F", "4", "5A", "5B", "5C", "5D", "6", "7", "8", "9", "10"]);
    expect(REFERRAL_SOURCE_CODES).toEqual(codes(REFERRAL_SOURCES));
    expect(isReferralSource("3E")).toBe(true);
    // Rule 8866's example offers "1Z" as an invalid source.
    expect(isReferralSource("1Z")).toBe(false);
    expect(isReferralSource(4)).toBe(false); // codes are strings, as the census sends them
  });

  it("primary need, closure reason and category of abuse match the rules' examples", () => {
    expect(codes(PRIMARY_NEEDS).sort()).toEqual(["N0", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9"]);
    // Rule 8650: AA and BB are invalid; rule 8640: RC13 and RC0 are invalid.
    expect(["N1", "N8", "AA", "N6", "BB", "N9"].map(isPrimaryNeed)).toEqual([true, true, false, true, false, true]);
    expect(codes(CIN_CLOSURE_REASONS)).toEqual(["RC1", "RC2", "RC3", "RC4", "RC5", "RC6", "RC7", "RC8", "RC9"]);
    expect(["RC1", "RC13", "RC0", "RC10"].map(isCinClosureReason)).toEqual([true, false, false, false]);
    expect(codes(CP_CATEGORIES)).toEqual(["NEG", "PHY", "SAB", "EMO", "MUL"]);
    expect(["NEG", "AAA", "PHY", "BBB", "EMO", "MUL"].map(isCpCategory)).toEqual([true, false, true, false, true, true]);
  });

  it("assessment factors hold the current codes and not the retired 18A and 19A", () => {
    expect(ASSESSMENT_FACTOR_CODES).toHaveLength(42);
    expect(new Set(ASSESSMENT_FACTOR_CODES).size).toBe(ASSESSMENT_FACTORS.length);
    for (const code of ["1A", "3C", "7A", "8B", "8F", "18B", "18C", "19B", "19C", "20", "21", "24A"]) expect(isAssessmentFactor(code), code).toBe(true);
    // Rules 8945Q and 8950Q query 18A and 19A; rule 8869's example has AIND, NONE and AA as non-factors.
    for (const code of ["18A", "19A", "8A", "AIND", "NONE", "AA", "18a"]) expect(isAssessmentFactor(code), code).toBe(false);
  });
});

describe("local code sets", () => {
  it("threshold levels are the numbers 1–4", () => {
    expect(codes(THRESHOLD_LEVELS)).toEqual([1, 2, 3, 4]);
    expect(isThresholdLevel(3)).toBe(true);
    expect(isThresholdLevel("3")).toBe(false);
    expect(isThresholdLevel(5)).toBe(false);
    expect(codeLabel(THRESHOLD_LEVELS, 4)).toBe("Level 4: acute");
  });

  it("contact decisions, outcomes, closure reasons and s47 outcomes", () => {
    expect(codes(CONTACT_DECISIONS)).toEqual(["nfa_signpost", "universal_service", "early_help", "social_care_assessment", "strategy_discussion"]);
    expect(isContactDecision("strategy_discussion")).toBe(true);
    expect(isContactDecision("Strategy discussion")).toBe(false);
    expect(codes(SUPPORTING_FAMILIES_OUTCOMES)).toEqual(["education", "early_years", "health", "substance_use", "family_relationships", "safe_from_abuse", "crime", "domestic_abuse", "housing", "financial_stability"]);
    expect(codes(EARLY_HELP_CLOSURE_REASONS)).toEqual(["outcomes_achieved", "stepped_up", "stepped_down_universal", "disengaged", "moved_away"]);
    expect(S47_OUTCOMES.filter((o) => s47NeedsIcpc(o.code)).map((o) => o.code)).toEqual(["icpc"]);
    expect(isS47Outcome("no_further_action")).toBe(true);
  });

  it("case note types, of which the visits are a subset", () => {
    expect(codes(VISIT_TYPES)).toEqual(["home_visit", "office_visit", "school_visit"]);
    for (const v of VISIT_TYPES) expect(isCaseNoteType(v.code)).toBe(true);
    expect(isVisitType("phone_call")).toBe(false);
    expect(codes(CASE_NOTE_TYPES)).toContain("observation");
  });

  it("every list has unique codes and a label for each", () => {
    const lists = [REFERRAL_SOURCES, PRIMARY_NEEDS, CIN_CLOSURE_REASONS, CP_CATEGORIES, ASSESSMENT_FACTORS, THRESHOLD_LEVELS, CONTACT_DECISIONS, SUPPORTING_FAMILIES_OUTCOMES, EARLY_HELP_CLOSURE_REASONS, S47_OUTCOMES, CASE_NOTE_TYPES];
    for (const list of lists) {
      const listCodes = codes(list);
      expect(new Set(listCodes).size).toBe(listCodes.length);
      for (const entry of list) expect(entry.label.trim()).not.toBe("");
    }
  });
});
