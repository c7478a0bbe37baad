import { describe, expect, it } from "vitest";
import type { SubjectReferral } from "../measure-types.ts";
import { contactDecisionDueDate, contactFacts, referralFacts } from "./front-door-facts.ts";
import { WIDE_WINDOW, noRecords, rowsOf } from "./subject-records-fixture.ts";

const TEAM_A = "aaaaaaaa-0000-4000-8000-000000000001";
const TEAM_B = "bbbbbbbb-0000-4000-8000-000000000002";

function referral(caseId: string, referralDate: string): SubjectReferral {
  return { caseId, referralDate, primaryNeed: null, nfa: false, closureDate: null };
}

const cases = [
  { id: "case-1", kind: "social_care", teamId: TEAM_A, openedOn: "2023-05-15", closedOn: "2023-08-01", closureReason: "RC8" },
  { id: "case-2", kind: "social_care", teamId: TEAM_B, openedOn: "2024-05-15", closedOn: null, closureReason: null },
];

describe("referrals to children's social care", () => {
  it("counts each referral in its month, with the team of its case", () => {
    const facts = referralFacts(noRecords({ cases, referrals: [referral("case-1", "2023-05-15"), referral("case-2", "2024-05-15")] }), WIDE_WINDOW);
    expect(rowsOf(facts, "referrals-csc")).toEqual([
      ["2023-05", 1, 1, TEAM_A],
      ["2024-05", 1, 1, TEAM_B],
    ]);
  });

  it("a referral exactly 12 months after the previous one is a repeat", () => {
    const facts = referralFacts(noRecords({ cases, referrals: [referral("case-1", "2023-05-15"), referral("case-2", "2024-05-15")] }), WIDE_WINDOW);
    expect(rowsOf(facts, "repeat-referrals-csc")).toEqual([
      ["2023-05", 0, 1, TEAM_A],
      ["2024-05", 1, 1, TEAM_B],
    ]);
  });

  it("a referral 12 months and a day after the previous one is not a repeat", () => {
    const facts = referralFacts(noRecords({ cases, referrals: [referral("case-1", "2023-05-14"), referral("case-2", "2024-05-15")] }), WIDE_WINDOW);
    expect(rowsOf(facts, "repeat-referrals-csc").map((r) => r[1])).toEqual([0, 0]);
  });

  it("looks back from 29 February to 28 February, and finds a repeat behind a later referral", () => {
    const leap = referralFacts(noRecords({ referrals: [referral("x", "2023-02-28"), referral("y", "2024-02-29")] }), WIDE_WINDOW);
    expect(rowsOf(leap, "repeat-referrals-csc")).toEqual([
      ["2023-02", 0, 1, null],
      ["2024-02", 1, 1, null],
    ]);
    // Three referrals out of order: the third is 10 months after the second.
    const three = referralFacts(noRecords({ referrals: [referral("c", "2024-09-01"), referral("a", "2021-06-01"), referral("b", "2023-11-01")] }), WIDE_WINDOW);
    expect(rowsOf(three, "repeat-referrals-csc").map((r) => r[1])).toEqual([0, 0, 1]);
  });

  it("two referrals on the same day are not repeats of each other", () => {
    const facts = referralFacts(noRecords({ referrals: [referral("a", "2024-01-10"), referral("b", "2024-01-10")] }), WIDE_WINDOW);
    expect(rowsOf(facts, "repeat-referrals-csc")).toEqual([
      ["2024-01", 0, 1, null],
      ["2024-01", 0, 1, null],
    ]);
  });

  it("counts only months in the window, but a referral before it can make one a repeat", () => {
    const facts = referralFacts(noRecords({ referrals: [referral("a", "2020-03-31"), referral("b", "2020-04-01")] }), WIDE_WINDOW);
    expect(rowsOf(facts, "referrals-csc")).toEqual([["2020-04", 1, 1, null]]);
    expect(rowsOf(facts, "repeat-referrals-csc")).toEqual([["2020-04", 1, 1, null]]);
  });
});

describe("contacts decided within one working day", () => {
  it("is due the next working day, or the one after when received on a non-working day", () => {
    // Friday → Monday; Saturday → Tuesday (Monday is the first working day); Thursday before
    // Good Friday 2025 → Tuesday 22 April (Good Friday and Easter Monday are skipped).
    expect(contactDecisionDueDate("2025-03-28")).toBe("2025-03-31");
    expect(contactDecisionDueDate("2025-03-29")).toBe("2025-04-01");
    expect(contactDecisionDueDate("2025-04-17")).toBe("2025-04-22");
  });

  it("counts each decided contact in the month of its decision; on the due day is on time", () => {
    const records = noRecords({
      contacts: [
        { receivedOn: "2025-03-28", decision: "early_help", decidedOn: "2025-03-31", repeatReferral: false },
        { receivedOn: "2025-03-28", decision: "nfa_signpost", decidedOn: "2025-04-01", repeatReferral: false },
        { receivedOn: "2025-04-17", decision: "social_care_assessment", decidedOn: "2025-04-22", repeatReferral: true },
        { receivedOn: "2025-04-30", decision: null, decidedOn: null, repeatReferral: false },
      ],
    });
    expect(rowsOf(contactFacts(records, WIDE_WINDOW), "contacts-decided-on-time")).toEqual([
      ["2025-03", 1, 1, null],
      ["2025-04", 0, 1, null],
      ["2025-04", 1, 1, null],
    ]);
  });
});
