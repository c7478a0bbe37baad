import { describe, expect, it } from "vitest";
import { lookedAfterFacts } from "../facts-looked-after.ts";
import type { SubjectCheck, SubjectLacReview } from "../measure-types.ts";
import { LAC_MEASURE } from "./measure-ids.ts";
import { child, episode, factsOf, WINDOW } from "./subject-records-fixture.ts";

const held = (reviewDate: string, caseId?: string): SubjectLacReview => ({ status: "held", plannedDate: null, reviewDate, ...(caseId === undefined ? {} : { caseId }) });
const check = (kind: string, checkDate: string, sdqScore: number | null = null): SubjectCheck => ({ kind, checkDate, sdqScore, outcome: null });

describe("lac-started and lac-returned-home", () => {
  it("counts each start of care (RNE S, blank read as S) in its month, and no change of placement or short break", () => {
    const records = child({
      episodes: [
        episode("2019-03-31", "2019-05-01", { rec: "X1", reasonPlaceChange: "CARPL" }),
        episode("2019-05-01", "2019-06-10", { rne: "P", rec: "E4A" }),
        episode("2019-08-01", "2019-08-05", { ls: "V3", rec: "E8" }),
        episode("2019-10-02", null, { rne: null }),
      ],
    });
    const facts = lookedAfterFacts(records, WINDOW);
    expect(factsOf(facts, LAC_MEASURE.started)).toEqual([["2019-03", 1, 1, "team-1"], ["2019-10", 1, 1, "team-1"]]);
    expect(factsOf(facts, LAC_MEASURE.returnedHome)).toEqual([["2019-06", 1, 1, "team-1"]]);
  });

  it("counts E4B as a return home and not E13 (left care to live with others without parental responsibility)", () => {
    const facts = lookedAfterFacts(child({ episodes: [episode("2018-01-01", "2018-07-31", { rec: "E4B" }), episode("2019-01-01", "2019-02-01", { rec: "E13" })] }), WINDOW);
    expect(factsOf(facts, LAC_MEASURE.returnedHome)).toEqual([["2018-07", 1, 1, "team-1"]]);
  });
});

describe("lac-reviews-on-time", () => {
  // Care from Tuesday 1 May 2018: the first review is due 20 working days later, Thursday 31 May
  // 2018 (7 and 28 May are bank holidays); the second 3 months after the first; then 6-monthly.
  const records = child({
    cases: [
      { id: "case-1", kind: "looked_after", teamId: "team-1", openedOn: "2018-05-01", closedOn: null, closureReason: null },
      { id: "case-9", kind: "looked_after", teamId: "team-9", openedOn: "2018-05-01", closedOn: null, closureReason: null },
    ],
    episodes: [episode("2018-05-01")],
    lacReviews: [held("2018-05-31"), held("2018-09-01"), held("2019-03-01", "case-9"), held("2018-04-20"), { status: "scheduled", plannedDate: "2019-08-01", reviewDate: null }],
  });

  it("counts a review held exactly on its due day as on time, and each due date from the review before", () => {
    expect(factsOf(lookedAfterFacts(records, WINDOW), LAC_MEASURE.reviewsOnTime)).toEqual([
      ["2018-05", 1, 1, "team-1"],
      ["2018-09", 0, 1, "team-1"],
      ["2019-03", 1, 1, "team-9"],
    ]);
  });

  it("starts the schedule again in a new period of care", () => {
    const twoPeriods = child({
      episodes: [episode("2018-05-01", "2018-06-15"), episode("2018-10-01")],
      lacReviews: [held("2018-05-31"), held("2018-10-30"), held("2018-11-01")],
    });
    // 20 working days after Monday 1 October 2018 is Monday 29 October 2018.
    expect(factsOf(lookedAfterFacts(twoPeriods, WINDOW), LAC_MEASURE.reviewsOnTime).map(([m, n]) => [m, n])).toEqual([["2018-05", 1], ["2018-10", 0], ["2018-11", 1]]);
  });
});

describe("lac-health-assessments-on-time", () => {
  it("times the initial assessment from care starting and later ones by the age at the last (6 months under 5, 12 from 5)", () => {
    // Care from Wednesday 1 May 2019: initial due Friday 31 May 2019 (6 and 27 May are bank holidays).
    const records = child({
      dob: "2015-06-15",
      episodes: [episode("2019-05-01")],
      checks: [check("health_assessment", "2019-04-10"), check("health_assessment", "2019-05-31"), check("health_assessment", "2019-12-02"), check("health_assessment", "2020-06-01")],
    });
    // 31 May 2019 + 6 months = 30 November 2019 (late on 2 December); then 2 June 2020.
    expect(factsOf(lookedAfterFacts(records, WINDOW), LAC_MEASURE.healthAssessmentsOnTime)).toEqual([
      ["2019-05", 1, 1, "team-1"],
      ["2019-12", 0, 1, "team-1"],
      ["2020-06", 1, 1, "team-1"],
    ]);
  });

  it("reads a 29 February birthday's fifth birthday as 1 March in a year without one", () => {
    const records = (last: string, next: string) =>
      child({ dob: "2012-02-29", episodes: [episode("2016-06-01")], checks: [check("health_assessment", "2016-06-20"), check("health_assessment", last), check("health_assessment", next)] });
    // Assessed at 4 on 28 February 2017: next due in 6 months (28 August 2017).
    expect(factsOf(lookedAfterFacts(records("2017-02-28", "2017-10-01"), WINDOW), LAC_MEASURE.healthAssessmentsOnTime).at(-1)?.[1]).toBe(0);
    // Assessed at 5 on 1 March 2017: next due in 12 months (1 March 2018).
    expect(factsOf(lookedAfterFacts(records("2017-03-01", "2017-10-01"), WINDOW), LAC_MEASURE.healthAssessmentsOnTime).at(-1)?.[1]).toBe(1);
  });

  it("is not worked out without a date of birth", () => {
    const records = child({ dob: null, episodes: [episode("2019-05-01")], checks: [check("health_assessment", "2019-05-20")] });
    expect(factsOf(lookedAfterFacts(records, WINDOW), LAC_MEASURE.healthAssessmentsOnTime)).toEqual([]);
  });
});

describe("lac-sdq-average", () => {
  it("takes scores of children 4 to 16 looked after continuously for 12 months that day", () => {
    const records = child({
      dob: "2010-03-01",
      episodes: [episode("2018-01-10")],
      checks: [check("sdq", "2019-01-08", 30), check("sdq", "2019-01-09", 14), check("sdq", "2019-07-01", 20), check("sdq", "2019-08-01", null), check("sdq", "2019-09-01", 41)],
    });
    expect(factsOf(lookedAfterFacts(records, WINDOW), LAC_MEASURE.sdqAverage)).toEqual([["2019-01", 14, 1, "team-1"], ["2019-07", 20, 1, "team-1"]]);
  });

  it("leaves out a 17-year-old's score", () => {
    const records = child({ dob: "2002-06-01", episodes: [episode("2017-01-10")], checks: [check("sdq", "2019-05-31", 12), check("sdq", "2019-06-01", 15)] });
    expect(factsOf(lookedAfterFacts(records, WINDOW), LAC_MEASURE.sdqAverage).map(([m, n]) => [m, n])).toEqual([["2019-05", 12]]);
  });
});
