import { describe, expect, it } from "vitest";
import { lookedAfterFacts } from "../facts-looked-after.ts";
import type { SubjectMissing } from "../measure-types.ts";
import { LAC_MEASURE } from "./measure-ids.ts";
import { child, episode, factsOf, WINDOW } from "./subject-records-fixture.ts";

const missing = (startDate: string, endDate: string | null, more: Partial<SubjectMissing> = {}): SubjectMissing => ({ missingType: "M", startDate, endDate, rhiOfferedOn: null, rhiAccepted: null, ...more });

describe("lac-missing-children", () => {
  it("counts a child once a financial year, in the month of their first missing episode that year", () => {
    const records = child({
      episodes: [episode("2019-01-01", "2019-03-20"), episode("2019-04-10")],
      missing: [
        missing("2019-03-25", "2019-03-26"), // not looked after that day
        missing("2019-05-03", "2019-05-04"),
        missing("2019-06-10", "2019-06-11"),
        missing("2019-07-01", "2019-07-02", { missingType: "A" }),
        missing("2020-03-31", "2020-04-01"),
        missing("2020-04-01", "2020-04-02"),
      ],
    });
    expect(factsOf(lookedAfterFacts(records, WINDOW), LAC_MEASURE.missingChildren)).toEqual([
      ["2019-05", 1, 1, "team-1"],
      ["2020-04", 1, 1, "team-1"],
    ]);
  });
});

describe("lac-missing-rhi", () => {
  it("counts missing episodes by the month they ended, with a return home interview offered and accepted in the numerator", () => {
    const records = child({
      episodes: [episode("2019-01-01")],
      missing: [
        missing("2019-05-31", "2019-06-01", { rhiOfferedOn: "2019-06-02", rhiAccepted: true }),
        missing("2019-06-10", "2019-06-12", { rhiOfferedOn: "2019-06-13", rhiAccepted: false }),
        missing("2019-06-20", "2019-06-21"),
        missing("2019-06-25", null),
        missing("2019-06-26", "2019-06-27", { missingType: "A", rhiOfferedOn: "2019-06-28", rhiAccepted: true }),
      ],
    });
    expect(factsOf(lookedAfterFacts(records, WINDOW), LAC_MEASURE.missingRhi)).toEqual([
      ["2019-06", 0, 1, "team-1"],
      ["2019-06", 0, 1, "team-1"],
      ["2019-06", 1, 1, "team-1"],
    ]);
  });
});

describe("lac-convicted", () => {
  it("counts children convicted from their 10th birthday while looked after, once a financial year", () => {
    const conviction = (checkDate: string) => ({ kind: "conviction", checkDate, sdqScore: null, outcome: null });
    const records = child({
      dob: "2005-06-01",
      episodes: [episode("2015-01-01")],
      checks: [conviction("2015-05-31"), conviction("2015-06-01"), conviction("2015-09-01"), conviction("2016-04-01")],
    });
    expect(factsOf(lookedAfterFacts(records, { firstMonth: "2015-04", lastMonth: "2017-03" }), LAC_MEASURE.convicted)).toEqual([
      ["2015-06", 1, 1, "team-1"],
      ["2016-04", 1, 1, "team-1"],
    ]);
  });
});
