/**
 * Small builders of one child's SubjectRecords for the looked-after measure tests: a child with
 * nothing recorded, and an SSDA903 episode with the usual defaults (C2, N1, foster care U6).
 */
import { noRecords } from "../casework/subject-records-fixture.ts";
import type { FactWindow, MeasureFact, SubjectEpisode, SubjectRecords } from "../measure-types.ts";

/** Ten financial years, April 2016 to March 2026. */
export const WINDOW: FactWindow = { firstMonth: "2016-04", lastMonth: "2026-03" };

/** A child with no records but a looked-after case (case-1, team-1): override what a test needs. */
export function child(overrides: Partial<SubjectRecords> = {}): SubjectRecords {
  return noRecords({
    dob: "2010-05-01",
    cases: [{ id: "case-1", kind: "looked_after", teamId: "team-1", openedOn: "2015-01-01", closedOn: null, closureReason: null }],
    ...overrides,
  });
}

/** An episode in case-1: a period of care's first (RNE S) unless said otherwise. */
export function episode(decom: string, dec: string | null = null, overrides: Partial<SubjectEpisode> = {}): SubjectEpisode {
  return { caseId: "case-1", decom, rne: "S", ls: "C2", cin: "N1", place: "U6", dec, rec: dec === null ? null : "E8", reasonPlaceChange: null, ...overrides };
}

/** The facts of one measure as [month, numerator, denominator, team], by month then numerator. */
export function factsOf(facts: readonly MeasureFact[], measureId: string): [string, number, number, string | null][] {
  return facts
    .filter((f) => f.measureId === measureId)
    .map((f): [string, number, number, string | null] => [f.month, f.numerator, f.denominator, f.teamId])
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
}

/** Just the months of one measure's facts. */
export function monthsOf(facts: readonly MeasureFact[], measureId: string): string[] {
  return factsOf(facts, measureId).map(([month]) => month);
}
