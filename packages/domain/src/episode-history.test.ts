import { describe, expect, it } from "vitest";
import { ceaseCare, recordChange, startPeriodOfCare, type Episode, type EpisodeResult, type Placement } from "./episode-derivation.ts";
import { isLookedAfterOn, lookedAfterContinuouslyFor, periodsOfCare, placementCountInYear, placementsOf } from "./episode-history.ts";

const fosterA: Placement = { place: "U6", provider: "PR1", postcode: "W2 1AA", urn: null, carerId: "carer-a" };
const fosterB: Placement = { place: "U4", provider: "PR4", postcode: "SW1A 1AA", urn: null, carerId: "carer-b" };
const home: Placement = { place: "K2", provider: "PR4", postcode: "N1 1AA", urn: "SC123456" };
const hospital: Placement = { place: "T1", provider: null, postcode: "W2 1NY", urn: null };

function ok(result: EpisodeResult): readonly Episode[] {
  if (!result.ok) throw new Error(`Refused: ${result.reason}`);
  return result.episodes;
}

// 2024/25: looked after from 10 May 2024 with carer A; a care order on 1 July; hospital 3–6
// September and back to A; moved to carer B on 1 December; went home (E4A) on 20 March 2025;
// back in care in a children's home from 1 April 2025.
let history: readonly Episode[] = ok(startPeriodOfCare([], { date: "2024-05-10", legalStatus: "V2", cin: "N4", placement: fosterA }));
history = ok(recordChange(history, { date: "2024-07-01", legalStatus: "C1", sameCarers: true }));
history = ok(recordChange(history, { date: "2024-09-03", placement: hospital, sameCarers: false }));
history = ok(recordChange(history, { date: "2024-09-06", placement: fosterA, sameCarers: false }));
history = ok(recordChange(history, { date: "2024-12-01", placement: fosterB, sameCarers: false, reasonPlaceChange: "CREQO" }));
history = ok(ceaseCare(history, { date: "2025-03-20", rec: "E4A" }));
history = ok(startPeriodOfCare(history, { date: "2025-04-01", legalStatus: "C2", cin: "N4", placement: home }));

describe("periodsOfCare", () => {
  it("splits at RNE S and after care ended", () => {
    const periods = periodsOfCare(history);
    expect(periods.map((p) => [p.start, p.end, p.rec, p.episodes.length])).toEqual([
      ["2024-05-10", "2025-03-20", "E4A", 5],
      ["2025-04-01", null, null, 1],
    ]);
  });

  it("starts a new period after a gap even without RNE S (imported data)", () => {
    const first = history[0] as Episode;
    const gap: Episode[] = [
      { ...first, end: "2024-06-01", rec: "X1" },
      { ...first, start: "2024-06-05", rne: "L", legalStatus: "C1" },
    ];
    expect(periodsOfCare(gap).map((p) => [p.start, p.end])).toEqual([["2024-05-10", null], ["2024-06-05", null]]);
  });

  it("sorts episodes given out of order", () => {
    expect(periodsOfCare([...history].reverse()).map((p) => p.start)).toEqual(["2024-05-10", "2025-04-01"]);
  });
});

describe("placementsOf", () => {
  it("keeps a legal status change within one placement and splits at P", () => {
    expect(placementsOf(history).map((p) => [p.start, p.end, p.placement.place, p.episodes.length])).toEqual([
      ["2024-05-10", "2024-09-03", "U6", 2],
      ["2024-09-03", "2024-09-06", "T1", 1],
      ["2024-09-06", "2024-12-01", "U6", 1],
      ["2024-12-01", "2025-03-20", "U4", 1],
      ["2025-04-01", null, "K2", 1],
    ]);
  });
});

describe("placementCountInYear", () => {
  it("counts carer A once across the hospital stay, and carer B: 2 in 2024/25", () => {
    expect(placementCountInYear(history, "2024-04-01", "2025-03-31")).toBe(2);
  });

  it("counts every spell when temporary placements are included", () => {
    expect(placementCountInYear(history, "2024-04-01", "2025-03-31", { includeTemporary: true })).toBe(4);
  });

  it("counts placements with a day in the range, not one left on its first day", () => {
    expect(placementCountInYear(history, "2024-12-01", "2025-03-31")).toBe(1);
    expect(placementCountInYear(history, "2024-11-30", "2025-04-01")).toBe(3);
    expect(placementCountInYear([], "2024-04-01", "2025-03-31")).toBe(0);
  });
});

describe("isLookedAfterOn", () => {
  it("counts the first day and every day between episodes, not the day care ended", () => {
    expect(isLookedAfterOn(history, "2024-05-09")).toBe(false);
    expect(isLookedAfterOn(history, "2024-05-10")).toBe(true);
    expect(isLookedAfterOn(history, "2024-07-01")).toBe(true);
    expect(isLookedAfterOn(history, "2025-03-19")).toBe(true);
    expect(isLookedAfterOn(history, "2025-03-20")).toBe(false);
    expect(isLookedAfterOn(history, "2025-03-31")).toBe(false);
    expect(isLookedAfterOn(history, "2025-04-01")).toBe(true);
  });
});

describe("lookedAfterContinuouslyFor", () => {
  const from = (date: string): readonly Episode[] => ok(startPeriodOfCare([], { date, legalStatus: "C2", cin: "N1", placement: fosterA }));

  it("12 months at 31 March 2025 needs a start by 1 April 2024", () => {
    expect(lookedAfterContinuouslyFor(from("2024-04-01"), "2025-03-31", 12)).toBe(true);
    expect(lookedAfterContinuouslyFor(from("2024-04-02"), "2025-03-31", 12)).toBe(false);
  });

  it("handles a leap day start and a month-end date", () => {
    expect(lookedAfterContinuouslyFor(from("2024-02-29"), "2025-02-28", 12)).toBe(true);
    expect(lookedAfterContinuouslyFor(from("2024-03-01"), "2025-02-28", 12)).toBe(false);
    expect(lookedAfterContinuouslyFor(from("2024-12-01"), "2025-05-31", 6)).toBe(true);
  });

  it("is broken by leaving care", () => {
    expect(lookedAfterContinuouslyFor(history, "2025-03-19", 6)).toBe(true);
    expect(lookedAfterContinuouslyFor(history, "2025-04-30", 1)).toBe(false);
    expect(lookedAfterContinuouslyFor(history, "2025-05-01", 1)).toBe(true);
  });
});
