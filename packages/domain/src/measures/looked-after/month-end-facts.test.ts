import { describe, expect, it } from "vitest";
import { lookedAfterFacts } from "../facts-looked-after.ts";
import { LAC_MEASURE } from "./measure-ids.ts";
import { ofCompulsorySchoolAgeOn } from "./month-end-facts.ts";
import { child, episode, factsOf, monthsOf, WINDOW } from "./subject-records-fixture.ts";

const window = { firstMonth: "2019-01", lastMonth: "2019-12" };

describe("lac-count: children looked after at each month end", () => {
  it("counts a child entering care on 31 March at the March month end", () => {
    const facts = lookedAfterFacts(child({ episodes: [episode("2019-03-31", "2019-06-15")] }), window);
    expect(factsOf(facts, LAC_MEASURE.count)).toEqual([
      ["2019-03", 1, 1, "team-1"],
      ["2019-04", 1, 1, "team-1"],
      ["2019-05", 1, 1, "team-1"],
    ]);
  });

  it("does not count a child whose care ended on the month's last day at that month end", () => {
    const facts = lookedAfterFacts(child({ episodes: [episode("2019-02-10", "2019-04-30")] }), window);
    expect(monthsOf(facts, LAC_MEASURE.count)).toEqual(["2019-02", "2019-03"]);
  });

  it("counts an open episode at every month end to the window's last month, and none before the window", () => {
    const facts = lookedAfterFacts(child({ episodes: [episode("2018-06-01")] }), window);
    expect(monthsOf(facts, LAC_MEASURE.count)).toEqual(["2019-01", "2019-02", "2019-03", "2019-04", "2019-05", "2019-06", "2019-07", "2019-08", "2019-09", "2019-10", "2019-11", "2019-12"]);
  });

  it("leaves out short breaks (V3, V4) and counts the month's end in the team of the episode open that day", () => {
    const records = child({
      cases: [
        { id: "case-1", kind: "looked_after", teamId: "team-1", openedOn: "2019-01-01", closedOn: null, closureReason: null },
        { id: "case-2", kind: "looked_after", teamId: "team-2", openedOn: "2019-01-01", closedOn: null, closureReason: null },
      ],
      episodes: [
        episode("2019-01-05", "2019-02-20", { ls: "V3" }),
        episode("2019-03-01", "2019-04-30", { rec: "X1" }),
        episode("2019-04-30", "2019-05-31", { rne: "L", ls: "C1", caseId: "case-2" }),
      ],
    });
    expect(factsOf(lookedAfterFacts(records, window), LAC_MEASURE.count)).toEqual([
      ["2019-03", 1, 1, "team-1"],
      ["2019-04", 1, 1, "team-2"],
    ]);
  });

  it("gives no facts for a child never looked after", () => {
    expect(lookedAfterFacts(child(), WINDOW)).toEqual([]);
  });
});

describe("lac-placement-stability-short: 3 or more placements in the 12 months to the month end", () => {
  // Foster carer A from 1 June 2018, carer B from 1 September 2018, a children's home from 15 January 2019.
  const moves = child({
    episodes: [
      episode("2018-06-01", "2018-09-01", { rec: "X1", reasonPlaceChange: "CREQO" }),
      episode("2018-09-01", "2019-01-15", { rne: "P", place: "U4", rec: "X1", reasonPlaceChange: "CHILD" }),
      episode("2019-01-15", null, { rne: "P", place: "K2" }),
    ],
  });

  it("counts the placement that ended on the 12 months' first day as not in them", () => {
    const facts = factsOf(lookedAfterFacts(moves, window), LAC_MEASURE.stabilityShort);
    // 31 July 2019: the 12 months from 1 August 2018 include A (ended 1 September): 3.
    // 31 August 2019: from 1 September 2018, A ended that day (the child moved): 2.
    expect(facts.map(([month, n]) => [month, n])).toEqual([
      ["2019-01", 1], ["2019-02", 1], ["2019-03", 1], ["2019-04", 1], ["2019-05", 1], ["2019-06", 1], ["2019-07", 1],
      ["2019-08", 0], ["2019-09", 0], ["2019-10", 0], ["2019-11", 0], ["2019-12", 0],
    ]);
    expect(facts.every(([, , den]) => den === 1)).toBe(true);
  });

  it("does not count a temporary placement, or the return to the same placement after it, as a move", () => {
    const records = child({
      episodes: [
        episode("2018-06-01", "2018-09-01", { rec: "X1", placeProvider: "PR1", plPost: "W2 1AA", providerId: "carer-a" }),
        episode("2018-09-01", "2018-09-05", { rne: "P", place: "T1", rec: "X1" }),
        episode("2018-09-05", null, { rne: "P", placeProvider: "PR1", plPost: "w21aa", providerId: "carer-a" }),
      ],
    });
    expect(factsOf(lookedAfterFacts(records, window), LAC_MEASURE.stabilityShort).every(([, n]) => n === 0)).toBe(true);
  });

  it("counts a return to a different carer of the same type after a temporary placement as a new placement", () => {
    const records = child({
      episodes: [
        episode("2018-06-01", "2018-09-01", { rec: "X1", providerId: "carer-a" }),
        episode("2018-09-01", "2018-09-05", { rne: "P", place: "T1", rec: "X1" }),
        episode("2018-09-05", "2018-12-01", { rne: "P", providerId: "carer-b", rec: "X1" }),
        episode("2018-12-01", null, { rne: "P", place: "K2" }),
      ],
    });
    expect(factsOf(lookedAfterFacts(records, { firstMonth: "2019-03", lastMonth: "2019-03" }), LAC_MEASURE.stabilityShort)).toEqual([["2019-03", 1, 1, "team-1"]]);
  });
});

describe("lac-placement-stability-long: under 16, looked after 2.5 years, same placement 2 years", () => {
  const at = { firstMonth: "2019-03", lastMonth: "2019-04" };

  it("puts a child whose care started on 1 October 2016 in the 31 March 2019 cohort, and one starting 2 October from April", () => {
    const onTime = lookedAfterFacts(child({ dob: "2008-05-01", episodes: [episode("2016-10-01")] }), at);
    expect(factsOf(onTime, LAC_MEASURE.stabilityLong)).toEqual([["2019-03", 1, 1, "team-1"], ["2019-04", 1, 1, "team-1"]]);
    const dayLater = lookedAfterFacts(child({ dob: "2008-05-01", episodes: [episode("2016-10-02")] }), at);
    expect(factsOf(dayLater, LAC_MEASURE.stabilityLong)).toEqual([["2019-04", 1, 1, "team-1"]]);
  });

  it("needs the current placement to have started by 1 April two years before", () => {
    const records = (moved: string) =>
      child({ dob: "2008-05-01", episodes: [episode("2016-06-01", moved, { rec: "X1", reasonPlaceChange: "CARPL" }), episode(moved, null, { rne: "P", place: "U4" })] });
    expect(factsOf(lookedAfterFacts(records("2017-04-01"), at), LAC_MEASURE.stabilityLong)[0]).toEqual(["2019-03", 1, 1, "team-1"]);
    expect(factsOf(lookedAfterFacts(records("2017-04-02"), at), LAC_MEASURE.stabilityLong)[0]).toEqual(["2019-03", 0, 1, "team-1"]);
  });

  it("counts a child placed for adoption when the placement before the adoptive one started 2 years before", () => {
    const records = child({
      dob: "2012-05-01",
      episodes: [episode("2016-06-01", "2018-11-01", { rec: "X1", place: "U5", reasonPlaceChange: "CARPL" }), episode("2018-11-01", null, { rne: "T", ls: "E1", place: "A5" })],
    });
    expect(factsOf(lookedAfterFacts(records, at), LAC_MEASURE.stabilityLong)[0]).toEqual(["2019-03", 1, 1, "team-1"]);
  });

  it("leaves out children who are 16 on the day, and those with no date of birth", () => {
    const sixteen = lookedAfterFacts(child({ dob: "2003-03-31", episodes: [episode("2014-06-01")] }), at);
    expect(monthsOf(sixteen, LAC_MEASURE.stabilityLong)).toEqual([]);
    const fifteen = lookedAfterFacts(child({ dob: "2003-04-01", episodes: [episode("2014-06-01")] }), at);
    expect(monthsOf(fifteen, LAC_MEASURE.stabilityLong)).toEqual(["2019-03"]);
    expect(monthsOf(lookedAfterFacts(child({ dob: null, episodes: [episode("2014-06-01")] }), at), LAC_MEASURE.stabilityLong)).toEqual([]);
  });
});

describe("lac-pep: personal education plan up to date at the month end", () => {
  it("is up to date until the initial PEP is due 20 working days after care started, then until 4 months after the last", () => {
    // Care from Monday 7 January 2019: the initial PEP is due Monday 4 February 2019.
    const records = child({ dob: "2010-05-01", episodes: [episode("2019-01-07")], checks: [{ kind: "pep", checkDate: "2019-03-10", sdqScore: null, outcome: null }] });
    expect(factsOf(lookedAfterFacts(records, { firstMonth: "2019-01", lastMonth: "2019-08" }), LAC_MEASURE.pep).map(([m, n]) => [m, n])).toEqual([
      ["2019-01", 1], ["2019-02", 0], ["2019-03", 1], ["2019-04", 1], ["2019-05", 1], ["2019-06", 1], ["2019-07", 0], ["2019-08", 0],
    ]);
  });

  it("counts a child born on 29 February from the end of the first month after the term their fifth birthday (1 March) brings", () => {
    const records = child({ dob: "2012-02-29", episodes: [episode("2017-01-09")] });
    expect(monthsOf(lookedAfterFacts(records, { firstMonth: "2017-02", lastMonth: "2017-04" }), LAC_MEASURE.pep)).toEqual(["2017-04"]);
  });
});

describe("ofCompulsorySchoolAgeOn", () => {
  it("agrees with the timeliness report at 31 March: fifth birthday by 31 December, not past Year 11", () => {
    const day = "2019-03-31";
    expect(ofCompulsorySchoolAgeOn("2013-12-31", day)).toBe(true);
    expect(ofCompulsorySchoolAgeOn("2014-01-01", day)).toBe(false);
    expect(ofCompulsorySchoolAgeOn("2002-09-01", day)).toBe(true);
    expect(ofCompulsorySchoolAgeOn("2002-08-31", day)).toBe(false);
  });

  it("moves Year 11 on in September and takes summer-born children from the autumn term", () => {
    expect(ofCompulsorySchoolAgeOn("2002-09-01", "2019-08-31")).toBe(true);
    expect(ofCompulsorySchoolAgeOn("2002-09-01", "2019-09-30")).toBe(false);
    expect(ofCompulsorySchoolAgeOn("2014-08-15", "2019-08-31")).toBe(false);
    expect(ofCompulsorySchoolAgeOn("2014-08-15", "2019-09-30")).toBe(true);
  });
});
