/**
 * Test support: a child's SubjectRecords with nothing recorded, to which a test adds the few
 * records it is about. Used by the casework and looked-after fact tests.
 */
import type { FactWindow, MeasureFact, SubjectRecords } from "../measure-types.ts";

/** A child with no records, in Westminster. */
export function noRecords(overrides: Partial<SubjectRecords> = {}): SubjectRecords {
  return {
    personId: "00000000-0000-4000-8000-000000000001",
    laCode: "E09000033",
    dob: "2015-06-15",
    sex: "F",
    uasc: false,
    cases: [],
    referrals: [],
    assessments: [],
    strategyDiscussions: [],
    s47s: [],
    conferences: [],
    cpPlans: [],
    cinPlans: [],
    episodes: [],
    lacReviews: [],
    missing: [],
    checks: [],
    oc3: [],
    earlyHelp: [],
    contacts: [],
    ...overrides,
  };
}

/** April 2020 to March 2026: wide enough for every case in the tests. */
export const WIDE_WINDOW: FactWindow = { firstMonth: "2020-04", lastMonth: "2026-03" };

/** The facts of one measure, as [month, numerator, denominator, team] rows in month order. */
export function rowsOf(facts: readonly MeasureFact[], measureId: string): [string, number, number, string | null][] {
  return facts
    .filter((f) => f.measureId === measureId)
    .map((f): [string, number, number, string | null] => [f.month, f.numerator, f.denominator, f.teamId])
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
