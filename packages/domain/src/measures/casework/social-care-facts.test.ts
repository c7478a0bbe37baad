import { describe, expect, it } from "vitest";
import type { SubjectAssessment, SubjectEpisode } from "../measure-types.ts";
import { assessmentFacts, conferenceFacts, supportedAtHomeFacts } from "./social-care-facts.ts";
import { WIDE_WINDOW, noRecords, rowsOf } from "./subject-records-fixture.ts";

const TEAM = "aaaaaaaa-0000-4000-8000-000000000001";
const OTHER_TEAM = "bbbbbbbb-0000-4000-8000-000000000002";
const cases = [
  { id: "sc-1", kind: "social_care", teamId: TEAM, openedOn: "2024-03-18", closedOn: null, closureReason: null },
  { id: "sc-2", kind: "social_care", teamId: OTHER_TEAM, openedOn: "2024-09-02", closedOn: null, closureReason: null },
];
const referrals = [
  { caseId: "sc-1", referralDate: "2024-03-18", primaryNeed: "N4", nfa: false, closureDate: null },
  { caseId: "sc-2", referralDate: "2024-09-02", primaryNeed: null, nfa: false, closureDate: null },
];

function assessment(caseId: string, startDate: string, completedDate: string | null, primaryNeed: string | null = null): SubjectAssessment {
  return { caseId, startDate, completedDate, primaryNeed };
}

describe("assessments completed within 45 working days", () => {
  it("counts an assessment completed on exactly the 45th working day as in time, the day after as late", () => {
    // Referral Monday 2 September 2024: nine weeks of working days, no bank holidays → Monday 4 November.
    const onDay = assessmentFacts(noRecords({ cases, referrals, assessments: [assessment("sc-2", "2024-09-03", "2024-11-04")] }), WIDE_WINDOW);
    expect(rowsOf(onDay, "assessments-45-days")).toEqual([["2024-11", 1, 1, OTHER_TEAM]]);
    const dayAfter = assessmentFacts(noRecords({ cases, referrals, assessments: [assessment("sc-2", "2024-09-03", "2024-11-05")] }), WIDE_WINDOW);
    expect(rowsOf(dayAfter, "assessments-45-days")).toEqual([["2024-11", 0, 1, OTHER_TEAM]]);
  });

  it("skips bank holidays: from Monday 18 March 2024 the 45th working day is Thursday 23 May", () => {
    // Good Friday, Easter Monday and the early May bank holiday push it three days past 20 May.
    const records = noRecords({ cases, referrals, assessments: [assessment("sc-1", "2024-03-19", "2024-05-23")] });
    expect(rowsOf(assessmentFacts(records, WIDE_WINDOW), "assessments-45-days")).toEqual([["2024-05", 1, 1, TEAM]]);
    const late = noRecords({ cases, referrals, assessments: [assessment("sc-1", "2024-03-19", "2024-05-24")] });
    expect(rowsOf(assessmentFacts(late, WIDE_WINDOW), "assessments-45-days")).toEqual([["2024-05", 0, 1, TEAM]]);
  });

  it("times a later assessment on the same case from its own start; one in progress is not counted", () => {
    const records = noRecords({
      cases,
      referrals,
      assessments: [assessment("sc-2", "2024-09-03", "2024-10-01"), assessment("sc-2", "2025-01-06", "2025-03-10"), assessment("sc-1", "2024-04-01", null)],
    });
    // 6 January 2025 + 45 working days = 10 March 2025 (nine weeks, no bank holidays).
    expect(rowsOf(assessmentFacts(records, WIDE_WINDOW), "assessments-45-days")).toEqual([
      ["2024-10", 1, 1, OTHER_TEAM],
      ["2025-03", 1, 1, OTHER_TEAM],
    ]);
  });
});

describe("children in need due to family acute stress or dysfunction", () => {
  it("counts N4 and N5 of assessments finding a need N1–N8, falling back to the referral's need", () => {
    const records = noRecords({
      cases,
      referrals,
      assessments: [
        assessment("sc-1", "2024-03-19", "2024-04-10"), // referral says N4
        assessment("sc-2", "2024-09-03", "2024-09-20", "N5"),
        assessment("sc-2", "2024-10-01", "2024-10-20", "N1"),
        assessment("sc-2", "2024-11-01", "2024-11-20", "N9"), // not a child in need: left out
        assessment("sc-2", "2024-12-01", "2024-12-20", "N0"), // not stated: left out
      ],
    });
    expect(rowsOf(assessmentFacts(records, WIDE_WINDOW), "cin-acute-stress-dysfunction")).toEqual([
      ["2024-04", 1, 1, TEAM],
      ["2024-09", 1, 1, OTHER_TEAM],
      ["2024-10", 0, 1, OTHER_TEAM],
    ]);
  });
});

describe("initial child protection conferences within 15 working days", () => {
  const strategyDiscussions = [
    { id: "sd-1", caseId: "sc-2", discussionDate: "2024-09-02" },
    { id: "sd-2", caseId: "sc-1", discussionDate: "2024-12-20" },
  ];
  const s47s = [
    { id: "s47-1", caseId: "sc-2", strategyDiscussionId: "sd-1", startDate: "2024-09-02", outcome: "icpc", outcomeDate: "2024-09-10" },
    { id: "s47-2", caseId: "sc-1", strategyDiscussionId: "sd-2", startDate: "2024-12-20", outcome: "icpc", outcomeDate: "2025-01-06" },
  ];

  it("counts a conference on the 15th working day as in time and the day after as late", () => {
    const onDay = noRecords({ cases, strategyDiscussions, s47s, conferences: [{ caseId: "sc-2", kind: "initial", s47Id: "s47-1", conferenceDate: "2024-09-23", outcome: "plan" }] });
    expect(rowsOf(conferenceFacts(onDay, WIDE_WINDOW), "icpc-15-days")).toEqual([["2024-09", 1, 1, OTHER_TEAM]]);
    const late = noRecords({ cases, strategyDiscussions, s47s, conferences: [{ caseId: "sc-2", kind: "initial", s47Id: "s47-1", conferenceDate: "2024-09-24", outcome: "plan" }] });
    expect(rowsOf(conferenceFacts(late, WIDE_WINDOW), "icpc-15-days")).toEqual([["2024-09", 0, 1, OTHER_TEAM]]);
  });

  it("skips Christmas and New Year: from Friday 20 December 2024 the 15th working day is 15 January 2025", () => {
    const records = noRecords({ cases, strategyDiscussions, s47s, conferences: [{ caseId: "sc-1", kind: "initial", s47Id: "s47-2", conferenceDate: "2025-01-15", outcome: "no_plan" }] });
    expect(rowsOf(conferenceFacts(records, WIDE_WINDOW), "icpc-15-days")).toEqual([["2025-01", 1, 1, TEAM]]);
  });

  it("leaves out review conferences and initial ones with no strategy discussion; without the s47 link uses the case's latest", () => {
    const records = noRecords({
      cases,
      strategyDiscussions: [...strategyDiscussions, { id: "sd-3", caseId: "sc-2", discussionDate: "2024-09-10" }],
      s47s,
      conferences: [
        { caseId: "sc-2", kind: "review", s47Id: null, conferenceDate: "2024-12-20", outcome: "continue" },
        { caseId: "sc-9", kind: "initial", s47Id: null, conferenceDate: "2024-10-01", outcome: "plan" },
        // No s47 link: timed from sd-3 (10 September), so 1 October (15th working day) is in time.
        { caseId: "sc-2", kind: "initial", s47Id: null, conferenceDate: "2024-10-01", outcome: "plan" },
      ],
    });
    expect(rowsOf(conferenceFacts(records, WIDE_WINDOW), "icpc-15-days")).toEqual([["2024-10", 1, 1, OTHER_TEAM]]);
  });
});

function episode(decom: string, dec: string | null, ls = "C2"): SubjectEpisode {
  return { caseId: null, decom, rne: "S", ls, cin: "N1", place: "U4", dec, rec: dec === null ? null : "E11", reasonPlaceChange: null };
}

describe("children supported at home", () => {
  const window = { firstMonth: "2024-01", lastMonth: "2024-06" };

  it("counts month ends on a plan: a plan starting on a month's last day counts, one ending on it does not", () => {
    const records = noRecords({
      cases,
      cpPlans: [{ caseId: "sc-1", startDate: "2024-01-31", endDate: "2024-03-31", category: "NEG" }],
      cinPlans: [{ caseId: "sc-2", startDate: "2024-03-31", endDate: null }],
    });
    expect(rowsOf(supportedAtHomeFacts(records, window), "children-supported-at-home")).toEqual([
      ["2024-01", 1, 1, TEAM],
      ["2024-02", 1, 1, TEAM],
      ["2024-03", 1, 1, OTHER_TEAM],
      ["2024-04", 1, 1, OTHER_TEAM],
      ["2024-05", 1, 1, OTHER_TEAM],
      ["2024-06", 1, 1, OTHER_TEAM],
    ]);
  });

  it("does not count a child looked after at the month end, unless on a short break", () => {
    const records = noRecords({
      cases,
      cinPlans: [{ caseId: "sc-2", startDate: "2024-01-10", endDate: null }],
      episodes: [episode("2024-02-15", "2024-04-30"), episode("2024-05-01", null, "V3")],
    });
    // Looked after at the end of February and March; care ended on 30 April (not looked after
    // that day); from May on short breaks, living at home.
    expect(rowsOf(supportedAtHomeFacts(records, window), "children-supported-at-home").map((r) => r[0])).toEqual(["2024-01", "2024-04", "2024-05", "2024-06"]);
  });

  it("gives one fact per month end when both plans are open, with the CP plan's team", () => {
    const records = noRecords({
      cases,
      cpPlans: [{ caseId: "sc-1", startDate: "2024-05-01", endDate: null, category: "EMO" }],
      cinPlans: [{ caseId: "sc-2", startDate: "2024-04-01", endDate: null }],
    });
    expect(rowsOf(supportedAtHomeFacts(records, window), "children-supported-at-home")).toEqual([
      ["2024-04", 1, 1, OTHER_TEAM],
      ["2024-05", 1, 1, TEAM],
      ["2024-06", 1, 1, TEAM],
    ]);
  });
});
