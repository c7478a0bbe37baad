import { describe, expect, it } from "vitest";
import { ceaseCare, recordChange, startPeriodOfCare, type Episode, type EpisodeResult, type Placement } from "./episode-derivation.ts";

// Foster carer A (in house) and foster carer B (agency), the same home approved as an adoptive
// placement, and a hospital stay.
const fosterA: Placement = { place: "U6", provider: "PR1", postcode: "W2 1AA", urn: null, carerId: "carer-a" };
const fosterB: Placement = { place: "U6", provider: "PR4", postcode: "SW1A 1AA", urn: null, carerId: "carer-b" };
const adoptiveA: Placement = { ...fosterA, place: "A5" };
const hospital: Placement = { place: "T1", provider: null, postcode: "W2 1NY", urn: null };

function ok(result: EpisodeResult): readonly Episode[] {
  if (!result.ok) throw new Error(`Refused: ${result.reason}`);
  return result.episodes;
}

function reasonOf(result: EpisodeResult): string {
  if (result.ok) throw new Error("Expected a refusal");
  return result.reason;
}

/** Looked after from 1 April 2025 under section 20 with carer A. */
const started = ok(startPeriodOfCare([], { date: "2025-04-01", legalStatus: "V2", cin: "N1", placement: fosterA, homePostcode: "W9 3AA" }));

describe("startPeriodOfCare", () => {
  it("opens an episode with RNE S", () => {
    expect(started).toEqual([
      { start: "2025-04-01", rne: "S", legalStatus: "V2", cin: "N1", placement: fosterA, homePostcode: "W9 3AA", end: null, rec: null, reasonPlaceChange: null },
    ]);
  });

  it("is refused while the child is looked after, in a temporary placement, or on a bad date", () => {
    expect(reasonOf(startPeriodOfCare(started, { date: "2025-05-01", legalStatus: "C1", cin: "N1", placement: fosterB }))).toMatch(/already looked after \(since 2025-04-01\)/);
    expect(reasonOf(startPeriodOfCare([], { date: "2025-04-01", legalStatus: "V2", cin: "N1", placement: hospital }))).toMatch(/temporary placement/);
    expect(reasonOf(startPeriodOfCare([], { date: "2025-02-30", legalStatus: "V2", cin: "N1", placement: fosterA }))).toMatch(/not a date/);
  });

  it("refuses a start before, or on the day, the last period ended (rule 431)", () => {
    const ended = ok(ceaseCare(started, { date: "2025-06-10", rec: "E4A" }));
    expect(reasonOf(startPeriodOfCare(ended, { date: "2025-06-01", legalStatus: "V2", cin: "N1", placement: fosterA }))).toMatch(/before 2025-06-10/);
    expect(reasonOf(startPeriodOfCare(ended, { date: "2025-06-10", legalStatus: "V2", cin: "N1", placement: fosterA }))).toMatch(/cannot start the same day/);
    const again = ok(startPeriodOfCare(ended, { date: "2025-06-11", legalStatus: "V2", cin: "N1", placement: fosterA }));
    expect(again.map((e) => [e.start, e.rne, e.end, e.rec])).toEqual([["2025-04-01", "S", "2025-06-10", "E4A"], ["2025-06-11", "S", null, null]]);
  });
});

describe("recordChange derives the RNE", () => {
  it("L: legal status only; the closing episode has X1 and no placement reason", () => {
    const result = recordChange(started, { date: "2025-05-20", legalStatus: "C1", sameCarers: true, reasonPlaceChange: "CARPL" });
    const list = ok(result);
    expect(list.map((e) => [e.start, e.rne, e.legalStatus, e.end, e.rec, e.reasonPlaceChange])).toEqual([
      ["2025-04-01", "S", "V2", "2025-05-20", "X1", null],
      ["2025-05-20", "L", "C1", null, null, null],
    ]);
    expect(list[1]?.placement).toBe(fosterA);
    expect(list[1]?.homePostcode).toBe("W9 3AA");
    expect(result.ok && result.changed.map((c) => [c.kind, c.index])).toEqual([["closed", 0], ["opened", 1]]);
  });

  it("P: placement and carers; the reason for the move goes on the closing episode", () => {
    const list = ok(recordChange(started, { date: "2025-05-20", placement: fosterB, sameCarers: false, reasonPlaceChange: "CREQB" }));
    expect(list.map((e) => [e.rne, e.reasonPlaceChange])).toEqual([["S", "CREQB"], ["P", null]]);
  });

  it("T: placement only, same carers (fostering becomes adoption with the same carer)", () => {
    const list = ok(recordChange(started, { date: "2025-05-20", placement: adoptiveA, sameCarers: true, reasonPlaceChange: "PLACE" }));
    expect(list.map((e) => [e.rne, e.reasonPlaceChange])).toEqual([["S", "PLACE"], ["T", null]]);
  });

  it("U: legal status and placement, same carers", () => {
    const list = ok(recordChange(started, { date: "2025-05-20", legalStatus: "E1", placement: adoptiveA, sameCarers: true, reasonPlaceChange: "CARPL" }));
    expect(list.map((e) => [e.rne, e.legalStatus, e.placement.place])).toEqual([["S", "V2", "U6"], ["U", "E1", "A5"]]);
  });

  it("B: legal status, placement and carers", () => {
    const list = ok(recordChange(started, { date: "2025-05-20", legalStatus: "C2", placement: fosterB, sameCarers: false, reasonPlaceChange: "CARPL" }));
    expect(list.map((e) => e.rne)).toEqual(["S", "B"]);
  });

  it("needs no placement reason into or out of a temporary placement (rules 225, 226), ignoring one given", () => {
    const inHospital = ok(recordChange(started, { date: "2025-05-20", placement: hospital, sameCarers: false, reasonPlaceChange: "OTHER" }));
    expect(inHospital.map((e) => [e.rne, e.reasonPlaceChange])).toEqual([["S", null], ["P", null]]);
    const back = ok(recordChange(inHospital, { date: "2025-05-23", placement: fosterA, sameCarers: false }));
    expect(back.map((e) => [e.start, e.rne, e.end, e.reasonPlaceChange])).toEqual([
      ["2025-04-01", "S", "2025-05-20", null],
      ["2025-05-20", "P", "2025-05-23", null],
      ["2025-05-23", "P", null, null],
    ]);
  });

  it("treats a postcode written differently as the same placement", () => {
    const respelt = { ...fosterA, postcode: "w21aa" };
    expect(reasonOf(recordChange(started, { date: "2025-05-20", placement: respelt, sameCarers: true }))).toMatch(/Nothing has changed/);
  });
});

describe("recordChange refuses", () => {
  it("a move between non-temporary placements without a reason", () => {
    expect(reasonOf(recordChange(started, { date: "2025-05-20", placement: fosterB, sameCarers: false }))).toBe("Say why the placement changed.");
  });

  it("a change with nothing different", () => {
    expect(reasonOf(recordChange(started, { date: "2025-05-20", legalStatus: "V2", placement: { ...fosterA }, sameCarers: true }))).toMatch(/Nothing has changed/);
  });

  it("a date before the open episode started, or no open episode", () => {
    expect(reasonOf(recordChange(started, { date: "2025-03-31", legalStatus: "C1", sameCarers: true }))).toMatch(/before 2025-04-01/);
    expect(reasonOf(recordChange([], { date: "2025-05-20", legalStatus: "C1", sameCarers: true }))).toMatch(/not looked after/);
  });

  it("'same carers' when the named carer differs, and the reverse", () => {
    expect(reasonOf(recordChange(started, { date: "2025-05-20", placement: fosterB, sameCarers: true, reasonPlaceChange: "CARPL" }))).toMatch(/different carer/);
    expect(reasonOf(recordChange(started, { date: "2025-05-20", placement: adoptiveA, sameCarers: false, reasonPlaceChange: "CARPL" }))).toMatch(/same carer/);
  });
});

describe("recordChange on the day the open episode started", () => {
  const moved = ok(recordChange(started, { date: "2025-05-20", placement: fosterB, sameCarers: false, reasonPlaceChange: "CREQB" }));

  it("amends that episode rather than opening one of no length", () => {
    const result = recordChange(moved, { date: "2025-05-20", legalStatus: "C1", sameCarers: false });
    const list = ok(result);
    expect(list.map((e) => [e.start, e.rne, e.legalStatus, e.placement.carerId, e.end, e.reasonPlaceChange])).toEqual([
      ["2025-04-01", "S", "V2", "carer-a", "2025-05-20", "CREQB"],
      ["2025-05-20", "B", "C1", "carer-b", null, null],
    ]);
    expect(result.ok && result.changed.map((c) => [c.kind, c.index])).toEqual([["amended", 1]]);
  });

  it("can correct the reason for the move made that day", () => {
    const list = ok(recordChange(moved, { date: "2025-05-20", placement: { ...fosterB, postcode: "SW1A 2AA" }, sameCarers: false, reasonPlaceChange: "STAND" }));
    expect(list.map((e) => [e.rne, e.reasonPlaceChange])).toEqual([["S", "STAND"], ["P", null]]);
  });

  it("undoes the day's change when things are put back as they were", () => {
    const result = recordChange(moved, { date: "2025-05-20", placement: fosterA, sameCarers: false });
    expect(ok(result)).toEqual(started);
    expect(result.ok && result.changed.map((c) => [c.kind, c.index])).toEqual([["removed", 1], ["amended", 0]]);
  });

  it("corrects the first episode of a period that started that day, keeping RNE S", () => {
    const list = ok(recordChange(started, { date: "2025-04-01", placement: fosterB, sameCarers: false }));
    expect(list).toEqual([{ ...started[0], placement: fosterB }]);
  });

  it("leaves the input list alone", () => {
    const before = JSON.stringify(moved);
    ok(recordChange(moved, { date: "2025-05-20", legalStatus: "C1", sameCarers: false }));
    ok(recordChange(moved, { date: "2025-06-01", legalStatus: "C1", sameCarers: false }));
    expect(JSON.stringify(moved)).toBe(before);
  });
});

describe("ceaseCare", () => {
  it("closes the open episode with the reason care ended", () => {
    const result = ceaseCare(started, { date: "2025-07-01", rec: "E41" });
    expect(ok(result)).toEqual([{ ...started[0], end: "2025-07-01", rec: "E41" }]);
    expect(result.ok && result.changed.map((c) => c.kind)).toEqual(["closed"]);
  });

  it("refuses X1, a date before the episode, no open episode, or ending in a temporary placement (rule 381)", () => {
    expect(reasonOf(ceaseCare(started, { date: "2025-07-01", rec: "X1" }))).toMatch(/X1 continues care/);
    expect(reasonOf(ceaseCare(started, { date: "2025-03-01", rec: "E8" }))).toMatch(/before 2025-04-01/);
    expect(reasonOf(ceaseCare([], { date: "2025-07-01", rec: "E8" }))).toMatch(/not looked after/);
    const inHospital = ok(recordChange(started, { date: "2025-05-20", placement: hospital, sameCarers: false }));
    expect(reasonOf(ceaseCare(inHospital, { date: "2025-05-25", rec: "E4A" }))).toMatch(/temporary placement/);
  });

  it("on the day a change took effect, ends the episode before it instead", () => {
    const changed = ok(recordChange(started, { date: "2025-05-20", legalStatus: "C1", sameCarers: true }));
    const result = ceaseCare(changed, { date: "2025-05-20", rec: "E13" });
    expect(ok(result)).toEqual([{ ...started[0], end: "2025-05-20", rec: "E13" }]);
    expect(result.ok && result.changed.map((c) => [c.kind, c.index])).toEqual([["removed", 1], ["amended", 0]]);
  });

  it("allows care to end the day it began (a short PACE stay)", () => {
    const pace = ok(startPeriodOfCare([], { date: "2025-09-06", legalStatus: "J2", cin: "N6", placement: { place: "K2", provider: "PR1", postcode: null, urn: "SC000001" } }));
    expect(ok(ceaseCare(pace, { date: "2025-09-06", rec: "E14" })).map((e) => [e.start, e.end, e.rec])).toEqual([["2025-09-06", "2025-09-06", "E14"]]);
  });
});
