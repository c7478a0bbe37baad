import { describe, expect, it } from "vitest";
import {
  availableSocialCareActions,
  checkAuthoriseAssessment,
  checkCloseCase,
  checkCompleteAssessment,
  checkEndPlan,
  checkInitialConference,
  checkRequestAuthorisation,
  checkReviewConference,
  checkStartAssessment,
  checkStartCinPlan,
  checkStartS47,
  type SocialCareState,
} from "./social-care-rules.ts";

const base: SocialCareState = { caseOpen: true, referralDate: "2025-03-03", assessments: [], strategyDiscussions: [], s47s: [], conferences: [], cpPlans: [], cinPlans: [] };

describe("social care transition rules", () => {
  it("starts an assessment on or after the referral, one at a time", () => {
    expect(checkStartAssessment(base, "2025-03-03")).toBeNull();
    expect(checkStartAssessment(base, "2025-03-02")).toMatchObject({ status: 422, field: "startDate" });
    const inProgress = { ...base, assessments: [{ id: "a", startDate: "2025-03-04", completedDate: null, authorisationRequestedOn: null, authorisedDate: null }] };
    expect(checkStartAssessment(inProgress, "2025-03-05")).toMatchObject({ status: 409 });
    expect(checkStartAssessment({ ...base, caseOpen: false }, "2025-03-05")).toMatchObject({ status: 409, title: "This case is closed" });
  });

  it("refuses a date in the future when today is given", () => {
    expect(checkStartAssessment(base, "2025-04-01", "2025-03-10")).toMatchObject({ status: 422, title: "Date is in the future" });
  });

  it("completes, requests authorisation, then authorises in order", () => {
    const a = { id: "a", startDate: "2025-03-04", completedDate: null as string | null, authorisationRequestedOn: null as string | null, authorisedDate: null as string | null };
    const s = { ...base, assessments: [a] };
    expect(checkCompleteAssessment(s, "a", "2025-03-03", ["21"])).toMatchObject({ status: 422, field: "completedDate" });
    expect(checkCompleteAssessment(s, "a", "2025-03-20", ["21", "1A"])).toMatchObject({ status: 422, field: "factors" });
    expect(checkCompleteAssessment(s, "a", "2025-03-20", [])).toMatchObject({ status: 422, field: "factors" });
    expect(checkCompleteAssessment(s, "a", "2025-03-20", ["3B", "16A"])).toBeNull();
    expect(checkRequestAuthorisation(s, "a")).toMatchObject({ status: 409, title: "The assessment is not complete" });
    expect(checkAuthoriseAssessment(s, "a", "2025-03-21")).toMatchObject({ status: 409 });
    const done = { ...base, assessments: [{ ...a, completedDate: "2025-03-20" }] };
    expect(checkRequestAuthorisation(done, "a")).toBeNull();
    expect(checkAuthoriseAssessment(done, "a", "2025-03-21")).toMatchObject({ status: 409, title: "Authorisation has not been requested" });
    const requested = { ...base, assessments: [{ ...a, completedDate: "2025-03-20", authorisationRequestedOn: "2025-03-20" }] };
    expect(checkAuthoriseAssessment(requested, "a", "2025-03-19")).toMatchObject({ status: 422 });
    expect(checkAuthoriseAssessment(requested, "a", "2025-03-21")).toBeNull();
  });

  it("starts a section 47 only after a strategy discussion that decided on one", () => {
    expect(checkStartS47(base, "sd", "2025-03-04")).toMatchObject({ status: 409 });
    const noS47 = { ...base, strategyDiscussions: [{ id: "sd", date: "2025-03-04", decision: "no_s47" as const }] };
    expect(checkStartS47(noS47, "sd", "2025-03-04")).toMatchObject({ status: 409 });
    const s = { ...base, strategyDiscussions: [{ id: "sd", date: "2025-03-04", decision: "s47" as const }] };
    expect(checkStartS47(s, "sd", "2025-03-03")).toMatchObject({ status: 422 });
    expect(checkStartS47(s, "sd", "2025-03-04")).toBeNull();
  });

  it("refuses a conference before its enquiry has an ICPC outcome", () => {
    const s = { ...base, strategyDiscussions: [{ id: "sd", date: "2025-03-04", decision: "s47" as const }], s47s: [{ id: "s", strategyDiscussionId: "sd", startDate: "2025-03-04", outcome: null, outcomeDate: null }] };
    expect(checkInitialConference(s, "s", "2025-03-20")).toMatchObject({ status: 409, title: "The enquiry has no outcome yet" });
    expect(checkInitialConference(base, "s", "2025-03-20")).toMatchObject({ status: 409, title: "No section 47 enquiry" });
    const s47Row = { id: "s", strategyDiscussionId: "sd", startDate: "2025-03-04", outcome: null, outcomeDate: null };
    const nfa = { ...s, s47s: [{ ...s47Row, outcome: "no_further_action" as const, outcomeDate: "2025-03-10" }] };
    expect(checkInitialConference(nfa, "s", "2025-03-20")).toMatchObject({ status: 409 });
    const icpc = { ...s, s47s: [{ ...s47Row, outcome: "icpc" as const, outcomeDate: "2025-03-10" }] };
    expect(checkInitialConference(icpc, "s", "2025-03-03")).toMatchObject({ status: 422 });
    expect(checkInitialConference(icpc, "s", "2025-03-20")).toBeNull();
    expect(availableSocialCareActions(icpc)).toContain("initial_conference");
  });

  it("reviews only an open plan, after its last conference; ends a plan not before it started", () => {
    expect(checkReviewConference(base, "2025-06-01")).toMatchObject({ status: 409 });
    const s = { ...base, cpPlans: [{ id: "p", startDate: "2025-03-20", endDate: null }], conferences: [{ id: "c", kind: "initial" as const, date: "2025-03-20", s47Id: "s", cpPlanId: "p" }] };
    expect(checkReviewConference(s, "2025-03-20")).toMatchObject({ status: 422 });
    expect(checkReviewConference(s, "2025-06-20")).toBeNull();
    expect(checkEndPlan(s.cpPlans[0], "2025-03-19")).toMatchObject({ status: 422, field: "endDate" });
    expect(checkEndPlan({ startDate: "2025-03-20", endDate: "2025-06-20" }, "2025-07-01")).toMatchObject({ status: 409 });
    expect(checkStartCinPlan(s, "2025-04-01")).toMatchObject({ status: 409 });
    expect(checkCloseCase(s, "2025-07-01")).toMatchObject({ status: 409, title: "The child is on a child protection plan" });
  });

  it("refuses to close what is not open or before the last thing recorded", () => {
    expect(checkCloseCase({ ...base, caseOpen: false }, "2025-04-01")).toMatchObject({ status: 409, title: "The case is not open" });
    const s = { ...base, cinPlans: [{ id: "p", startDate: "2025-03-10", endDate: null, reviewDates: ["2025-05-10"] }] };
    expect(checkCloseCase(s, "2025-05-01")).toMatchObject({ status: 422, field: "closureDate" });
    expect(checkCloseCase(s, "2025-05-12")).toBeNull();
    expect(availableSocialCareActions({ ...base, caseOpen: false })).toEqual([]);
  });
});
