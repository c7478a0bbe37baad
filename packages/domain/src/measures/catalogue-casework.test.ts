import { describe, expect, it } from "vitest";
import { CASEWORK_MEASURES } from "./catalogue-casework.ts";
import { WIDE_WINDOW, noRecords } from "./casework/subject-records-fixture.ts";
import { caseworkFacts } from "./facts-casework.ts";

/** The plan's contract for each casework measure: [unit, direction, kind, placements]. */
const CONTRACT: Record<string, [string, string, string, string[]]> = {
  "referrals-csc": ["count", "none", "flow", ["early-help:covid-recovery", "performance:front-door"]],
  "repeat-referrals-csc": ["percent", "down", "flow", ["cypp:happy-healthy", "performance:front-door"]],
  "repeat-referrals-early-help": ["percent", "down", "flow", ["cypp:happy-healthy", "performance:early-help"]],
  "contacts-decided-on-time": ["percent", "up", "flow", ["performance:front-door"]],
  "assessments-45-days": ["percent", "up", "flow", ["performance:assessment"]],
  "icpc-15-days": ["percent", "up", "flow", ["performance:child-protection"]],
  "cin-acute-stress-dysfunction": ["percent", "down", "flow", ["early-help:covid-recovery"]],
  "children-supported-at-home": ["count", "none", "stock", ["cypp:safe-supported"]],
  "family-plan-outcomes-met": ["percent", "up", "flow", ["early-help:health-wellbeing", "performance:early-help"]],
  "early-help-closed-outcomes-achieved": ["percent", "up", "flow", ["performance:early-help"]],
  ...Object.fromEntries(
    ["education", "early-years", "health", "substance-use", "family-relationships", "safe-from-abuse", "crime", "domestic-abuse", "housing", "financial-stability"].map((key) => [
      `sf-${key}`,
      ["percent", "up", "flow", [`supporting-families:${key}`]],
    ]),
  ),
};

describe("the casework catalogue", () => {
  it("defines exactly the plan's measures with their unit, direction, kind and placements", () => {
    expect(CASEWORK_MEASURES.map((m) => m.id).sort()).toEqual(Object.keys(CONTRACT).sort());
    for (const m of CASEWORK_MEASURES) {
      const [unit, direction, kind, placements] = CONTRACT[m.id] ?? [];
      expect({ id: m.id, unit: m.unit, direction: m.direction, kind: m.kind, placements: m.placements.map((p) => `${p.framework}:${p.group}`) }).toEqual({ id: m.id, unit, direction, kind, placements });
      expect(m.source).toBe("computed");
      expect(m.dataSource).toBeNull();
      expect(m.title.length).toBeGreaterThan(0);
      expect(m.description.length).toBeGreaterThan(0);
    }
  });

  it("gives counts no numerator or denominator text and every percentage both", () => {
    for (const m of CASEWORK_MEASURES) {
      if (m.unit === "count") expect([m.id, m.numerator, m.denominator]).toEqual([m.id, null, null]);
      else expect([m.id, typeof m.numerator, typeof m.denominator]).toEqual([m.id, "string", "string"]);
    }
  });

  it("titles each Supporting Families measure with its outcome", () => {
    expect(CASEWORK_MEASURES.find((m) => m.id === "sf-early-years")?.title).toBe("Family plan goals met at closure: Good early years development");
  });
});

describe("caseworkFacts", () => {
  it("gives nothing for a child with no casework records", () => {
    expect(caseworkFacts(noRecords(), WIDE_WINDOW)).toEqual([]);
  });

  it("only produces facts of catalogued measures, within the window, the same on every call", () => {
    const records = noRecords({
      cases: [{ id: "sc", kind: "social_care", teamId: null, openedOn: "2024-09-02", closedOn: null, closureReason: null }],
      referrals: [{ caseId: "sc", referralDate: "2024-09-02", primaryNeed: "N5", nfa: false, closureDate: null }],
      assessments: [{ caseId: "sc", startDate: "2024-09-02", completedDate: "2024-10-15", primaryNeed: "N5" }],
      strategyDiscussions: [{ id: "sd", caseId: "sc", discussionDate: "2024-09-05" }],
      s47s: [{ id: "s47", caseId: "sc", strategyDiscussionId: "sd", startDate: "2024-09-05", outcome: "icpc", outcomeDate: "2024-09-12" }],
      conferences: [{ caseId: "sc", kind: "initial", s47Id: "s47", conferenceDate: "2024-09-20", outcome: "plan" }],
      cpPlans: [{ caseId: "sc", startDate: "2024-09-20", endDate: null, category: "NEG" }],
      contacts: [{ receivedOn: "2024-09-02", decision: "strategy_discussion", decidedOn: "2024-09-02", repeatReferral: false }],
      earlyHelp: [{ caseId: "eh", teamId: null, openedOn: "2023-01-09", closedOn: "2023-06-30", goals: [{ outcome: "health", status: "met" }], closure: { closedOn: "2023-06-30", reason: "outcomes_achieved", goalOutcomes: {} } }],
    });
    const window = { firstMonth: "2024-04", lastMonth: "2025-03" };
    const facts = caseworkFacts(records, window);
    const ids = new Set(CASEWORK_MEASURES.map((m) => m.id));
    expect(facts.every((f) => ids.has(f.measureId) && f.month >= window.firstMonth && f.month <= window.lastMonth)).toBe(true);
    expect(new Set(facts.map((f) => f.measureId))).toEqual(new Set(["referrals-csc", "repeat-referrals-csc", "contacts-decided-on-time", "assessments-45-days", "cin-acute-stress-dysfunction", "icpc-15-days", "children-supported-at-home"]));
    // The CP plan from 20 September 2024: a fact at each month end September to March.
    expect(facts.filter((f) => f.measureId === "children-supported-at-home")).toHaveLength(7);
    expect(caseworkFacts(records, window)).toEqual(facts);
  });
});
