import { describe, expect, it } from "vitest";
import type { SubjectEarlyHelp, SubjectEarlyHelpGoal } from "../measure-types.ts";
import { earlyHelpFacts } from "./early-help-facts.ts";
import { WIDE_WINDOW, noRecords, rowsOf } from "./subject-records-fixture.ts";

const HUB = "cccccccc-0000-4000-8000-000000000003";

function goal(outcome: string, status: string): SubjectEarlyHelpGoal {
  return { outcome, status };
}

function episode(caseId: string, openedOn: string, closure: SubjectEarlyHelp["closure"], goals: SubjectEarlyHelpGoal[] = [], teamId: string | null = HUB): SubjectEarlyHelp {
  return { caseId, teamId, openedOn, closedOn: closure?.closedOn ?? null, goals, closure };
}

const closedWith = (closedOn: string, reason: string) => ({ closedOn, reason, goalOutcomes: {} });

describe("family plan goals met at closure", () => {
  it("counts goals met of goals rated at an authorised closure, overall and per Supporting Families outcome", () => {
    const goals = [goal("education", "met"), goal("education", "not_met"), goal("housing", "met"), goal("domestic_abuse", "not_met")];
    const facts = earlyHelpFacts(noRecords({ earlyHelp: [episode("eh-1", "2024-01-08", closedWith("2024-06-28", "outcomes_achieved"), goals)] }), WIDE_WINDOW);
    expect(rowsOf(facts, "family-plan-outcomes-met")).toEqual([["2024-06", 2, 4, HUB]]);
    expect(rowsOf(facts, "sf-education")).toEqual([["2024-06", 1, 2, HUB]]);
    expect(rowsOf(facts, "sf-housing")).toEqual([["2024-06", 1, 1, HUB]]);
    // A goal not met at closure is in the denominator only.
    expect(rowsOf(facts, "sf-domestic-abuse")).toEqual([["2024-06", 0, 1, HUB]]);
    expect(rowsOf(facts, "sf-early-years")).toEqual([]);
    expect(rowsOf(facts, "early-help-closed-outcomes-achieved")).toEqual([["2024-06", 1, 1, HUB]]);
  });

  it("the sf-* numerators and denominators add up to the overall figure", () => {
    const goals = ["education", "early_years", "health", "substance_use", "family_relationships", "safe_from_abuse", "crime", "domestic_abuse", "housing", "financial_stability"].map((o, i) => goal(o, i % 3 === 0 ? "met" : "not_met"));
    const facts = earlyHelpFacts(noRecords({ earlyHelp: [episode("eh-1", "2024-01-08", closedWith("2024-06-28", "stepped_down_universal"), goals)] }), WIDE_WINDOW);
    const sf = facts.filter((f) => f.measureId.startsWith("sf-"));
    expect(sf).toHaveLength(10);
    expect(sf.reduce((n, f) => n + f.numerator, 0)).toBe(4);
    expect(sf.reduce((n, f) => n + f.denominator, 0)).toBe(10);
    expect(rowsOf(facts, "family-plan-outcomes-met")).toEqual([["2024-06", 4, 10, HUB]]);
  });

  it("does not count a closure that is not authorised, nor an open episode", () => {
    // Requested or returned: the episode may even show a closed date, but no authorised closure.
    const unapproved: SubjectEarlyHelp = { ...episode("eh-1", "2023-01-09", null, [goal("health", "met")]), closedOn: "2024-06-28" };
    const open = episode("eh-2", "2024-09-02", null, [goal("crime", "open")]);
    const facts = earlyHelpFacts(noRecords({ earlyHelp: [unapproved, open] }), WIDE_WINDOW);
    expect(facts.filter((f) => f.measureId !== "repeat-referrals-early-help")).toEqual([]);
  });

  it("counts a stepped-up closure (its open goals recorded not met) and a plan with no goals for the reason only", () => {
    const facts = earlyHelpFacts(
      noRecords({
        earlyHelp: [
          episode("eh-1", "2023-01-09", closedWith("2023-05-31", "stepped_up"), [goal("safe_from_abuse", "not_met"), goal("health", "met")]),
          episode("eh-2", "2024-09-02", closedWith("2024-10-01", "moved_away"), []),
        ],
      }),
      WIDE_WINDOW,
    );
    expect(rowsOf(facts, "early-help-closed-outcomes-achieved")).toEqual([
      ["2023-05", 0, 1, HUB],
      ["2024-10", 0, 1, HUB],
    ]);
    expect(rowsOf(facts, "family-plan-outcomes-met")).toEqual([["2023-05", 1, 2, HUB]]);
  });

  it("uses the case's team when the episode has none, and leaves out closures outside the window", () => {
    const cases = [{ id: "eh-1", kind: "early_help", teamId: "dddddddd-0000-4000-8000-000000000004", openedOn: "2024-01-08", closedOn: "2024-06-28", closureReason: "outcomes_achieved" }];
    const facts = earlyHelpFacts(noRecords({ cases, earlyHelp: [episode("eh-1", "2024-01-08", closedWith("2024-06-28", "outcomes_achieved"), [goal("health", "met")], null)] }), { firstMonth: "2024-01", lastMonth: "2024-05" });
    expect(rowsOf(facts, "repeat-referrals-early-help")).toEqual([["2024-01", 0, 1, "dddddddd-0000-4000-8000-000000000004"]]);
    expect(rowsOf(facts, "family-plan-outcomes-met")).toEqual([]);
  });
});

describe("repeat referrals to early help", () => {
  it("an episode opened exactly 12 months after the previous one is a repeat; a day later is not", () => {
    const twelve = earlyHelpFacts(noRecords({ earlyHelp: [episode("a", "2023-05-15", closedWith("2023-09-01", "disengaged")), episode("b", "2024-05-15", null)] }), WIDE_WINDOW);
    expect(rowsOf(twelve, "repeat-referrals-early-help")).toEqual([
      ["2023-05", 0, 1, HUB],
      ["2024-05", 1, 1, HUB],
    ]);
    const later = earlyHelpFacts(noRecords({ earlyHelp: [episode("a", "2023-05-14", closedWith("2023-09-01", "disengaged")), episode("b", "2024-05-15", null)] }), WIDE_WINDOW);
    expect(rowsOf(later, "repeat-referrals-early-help").map((r) => r[1])).toEqual([0, 0]);
  });

  it("counts a sibling's episode the child was a member of as a previous episode", () => {
    const cases = [
      { id: "sibling-led", kind: "early_help", teamId: HUB, openedOn: "2024-02-01", closedOn: "2024-07-01", closureReason: "outcomes_achieved" },
      { id: "sc", kind: "social_care", teamId: null, openedOn: "2024-03-01", closedOn: null, closureReason: null },
    ];
    const facts = earlyHelpFacts(noRecords({ cases, earlyHelp: [episode("mine", "2024-11-04", null)] }), WIDE_WINDOW);
    expect(rowsOf(facts, "repeat-referrals-early-help")).toEqual([["2024-11", 1, 1, HUB]]);
  });
});
