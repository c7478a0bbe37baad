import { describe, expect, it } from "vitest";
import {
  DEFAULT_LOOKED_AFTER_VISIT_STANDARDS,
  dentalCheckDue,
  firstLookedAfterReviewDue,
  healthAssessmentDue,
  lookedAfterVisitDue,
  lookedAfterVisitStandardsProblems,
  nextLookedAfterReviewDue,
  pepDue,
  returnHomeInterviewDueAt,
  returnHomeInterviewDueDate,
  reviewTimeliness,
  sdqDue,
} from "./looked-after-timescales.ts";

describe("looked after reviews", () => {
  it("first review: 20 working days, skipping Easter and the early May bank holiday", () => {
    // Thu 10 April 2025: without Good Friday, Easter Monday and 5 May it would be Thu 8 May.
    expect(firstLookedAfterReviewDue("2025-04-10")).toBe("2025-05-13");
    // Mon 16 December 2024: Christmas Day, Boxing Day and New Year's Day push it to 16 January.
    expect(firstLookedAfterReviewDue("2024-12-16")).toBe("2025-01-16");
  });

  it("next review: the first, then 3 months after it, then 6 months after the last", () => {
    expect(nextLookedAfterReviewDue("2025-04-10", [])).toBe("2025-05-13");
    expect(nextLookedAfterReviewDue("2025-04-10", ["2025-05-09"])).toBe("2025-08-09");
    expect(nextLookedAfterReviewDue("2025-04-10", ["2025-08-01", "2025-05-09"])).toBe("2026-02-01");
  });

  it("clamps to the month end and ignores reviews from an earlier period of care", () => {
    expect(nextLookedAfterReviewDue("2025-10-31", ["2025-11-30"])).toBe("2026-02-28");
    expect(nextLookedAfterReviewDue("2025-10-31", ["2025-11-30", "2026-02-28"])).toBe("2026-08-28");
    expect(nextLookedAfterReviewDue("2025-04-10", ["2024-01-01"])).toBe("2025-05-13");
  });

  it("marks each review on time or late against the review actually held before it", () => {
    expect(reviewTimeliness("2025-04-10", ["2025-08-14", "2025-05-13", "2026-02-14", "2025-05-13", "2025-01-01"])).toEqual([
      { number: 1, date: "2025-05-13", due: "2025-05-13", onTime: true },
      { number: 2, date: "2025-08-14", due: "2025-08-13", onTime: false },
      { number: 3, date: "2026-02-14", due: "2026-02-14", onTime: true },
    ]);
    expect(reviewTimeliness("2025-04-10", [])).toEqual([]);
  });
});

describe("health assessments", () => {
  const dob = "2021-06-15";
  it("initial: by the first review", () => {
    expect(healthAssessmentDue("2025-04-10", dob, [])).toBe("2025-05-13");
    expect(healthAssessmentDue("2025-04-10", dob, ["2024-11-01"])).toBe("2025-05-13");
  });

  it("every 6 months under 5, every 12 months from the 5th birthday", () => {
    expect(healthAssessmentDue("2025-04-10", dob, ["2025-05-01"])).toBe("2025-11-01");
    expect(healthAssessmentDue("2025-04-10", dob, ["2025-05-01", "2026-06-14"])).toBe("2026-12-14");
    expect(healthAssessmentDue("2025-04-10", dob, ["2025-05-01", "2026-06-15"])).toBe("2027-06-15");
  });
});

describe("sdqDue", () => {
  it("12 months after coming into care, then yearly", () => {
    expect(sdqDue("2015-03-10", "2024-05-31", null)).toBe("2025-05-31");
    expect(sdqDue("2015-03-10", "2024-05-31", "2025-06-10")).toBe("2026-06-10");
  });

  it("waits for the 4th birthday and stops at 17", () => {
    expect(sdqDue("2022-01-20", "2024-05-31", null)).toBe("2026-01-20");
    expect(sdqDue("2008-06-15", "2024-07-01", null)).toBeNull();
    // Born 29 February 2008: 17 on 1 March 2025, so 28 February 2025 is the last day at 16.
    expect(sdqDue("2008-02-29", "2024-02-28", null)).toBe("2025-02-28");
    expect(sdqDue("2008-02-29", "2024-03-01", null)).toBeNull();
  });
});

describe("pepDue and dentalCheckDue", () => {
  it("PEP: 20 working days (standing in for school days), then 4-monthly", () => {
    expect(pepDue("2025-04-10", null)).toBe("2025-05-13");
    expect(pepDue("2025-04-10", "2025-10-31")).toBe("2026-02-28");
    expect(pepDue("2025-04-10", "2025-01-01")).toBe("2025-05-13");
  });

  it("dental check: 12 months after the last, never before the initial health assessment", () => {
    expect(dentalCheckDue("2025-04-10", "2024-06-01")).toBe("2025-06-01");
    expect(dentalCheckDue("2025-04-10", "2023-01-01")).toBe("2025-05-13");
    expect(dentalCheckDue("2025-04-10", null)).toBe("2026-04-10");
  });
});

describe("lookedAfterVisitDue", () => {
  const placementStart = "2025-03-03";
  it("within a week of the placement starting, then 6-weekly in the first year", () => {
    expect(lookedAfterVisitDue({ placementStart, lastVisit: null, longTerm: false })).toBe("2025-03-10");
    expect(lookedAfterVisitDue({ placementStart, lastVisit: "2025-02-20", longTerm: false })).toBe("2025-03-10");
    expect(lookedAfterVisitDue({ placementStart, lastVisit: "2025-03-07", longTerm: true })).toBe("2025-04-18");
    expect(lookedAfterVisitDue({ placementStart, lastVisit: "2026-03-02", longTerm: true })).toBe("2026-04-13");
  });

  it("3-monthly after the first year of a long-term placement, still 6-weekly otherwise", () => {
    expect(lookedAfterVisitDue({ placementStart, lastVisit: "2026-03-10", longTerm: true })).toBe("2026-06-10");
    expect(lookedAfterVisitDue({ placementStart, lastVisit: "2026-03-10", longTerm: false })).toBe("2026-04-21");
    expect(lookedAfterVisitDue({ placementStart, lastVisit: "2025-11-30", longTerm: true }, DEFAULT_LOOKED_AFTER_VISIT_STANDARDS)).toBe("2026-01-11");
  });

  it("local standards shorten the intervals but never lengthen them", () => {
    const local = { firstVisitDays: 3, visitWeeks: 4, longTermVisitMonths: 2 };
    expect(lookedAfterVisitDue({ placementStart, lastVisit: null, longTerm: false }, local)).toBe("2025-03-06");
    expect(lookedAfterVisitDue({ placementStart, lastVisit: "2025-03-07", longTerm: false }, local)).toBe("2025-04-04");
    expect(lookedAfterVisitDue({ placementStart, lastVisit: "2026-03-10", longTerm: true }, local)).toBe("2026-05-10");
    const tooLong = { firstVisitDays: 10, visitWeeks: 8, longTermVisitMonths: 6 };
    expect(lookedAfterVisitDue({ placementStart, lastVisit: null, longTerm: false }, tooLong)).toBe("2025-03-10");
    expect(lookedAfterVisitDue({ placementStart, lastVisit: "2025-03-07", longTerm: false }, tooLong)).toBe("2025-04-18");
    expect(lookedAfterVisitDue({ placementStart, lastVisit: "2026-03-10", longTerm: true }, tooLong)).toBe("2026-06-10");
  });

  it("names each standard outside its limits", () => {
    expect(lookedAfterVisitStandardsProblems(DEFAULT_LOOKED_AFTER_VISIT_STANDARDS)).toEqual([]);
    expect(lookedAfterVisitStandardsProblems({ firstVisitDays: 8, visitWeeks: 0, longTermVisitMonths: 2.5 })).toEqual([
      { key: "firstVisitDays", message: "Must be 7 or fewer" },
      { key: "visitWeeks", message: "Must be at least 1" },
      { key: "longTermVisitMonths", message: "Must be a whole number" },
    ]);
  });
});

describe("return home interview", () => {
  it("is due 72 hours after the child came back", () => {
    expect(returnHomeInterviewDueAt("2025-03-29T22:00:00Z")).toBe("2025-04-01T22:00:00.000Z");
    expect(returnHomeInterviewDueAt("2025-03-29T23:30:00+01:00")).toBe("2025-04-01T22:30:00.000Z");
    expect(returnHomeInterviewDueDate("2025-02-27")).toBe("2025-03-02");
  });
});
