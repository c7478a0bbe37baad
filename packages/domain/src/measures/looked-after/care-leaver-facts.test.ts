import { describe, expect, it } from "vitest";
import { lookedAfterFacts } from "../facts-looked-after.ts";
import type { SubjectOc3 } from "../measure-types.ts";
import { LAC_MEASURE } from "./measure-ids.ts";
import { child, episode, factsOf, WINDOW } from "./subject-records-fixture.ts";

const oc3 = (year: number, inTouch: string | null, activ: string | null, accom: string | null): SubjectOc3 => ({ year, inTouch, activ, accom, recordedOn: null });

describe("care leavers in suitable accommodation and in education, employment or training", () => {
  // Born 29 February 2004; looked after from 1 January 2018 to 30 June 2020 (after the 16th
  // birthday, 29 February 2020), leaving for independent living. Birthdays the return asks about:
  // 17th 1 March 2021 (2020/21), 18th 1 March 2022, 19th 1 March 2023, 20th 29 February 2024,
  // 21st 1 March 2025.
  const leaver = child({
    dob: "2004-02-29",
    cases: [
      { id: "case-1", kind: "looked_after", teamId: "team-1", openedOn: "2018-01-01", closedOn: null, closureReason: null },
      { id: "case-2", kind: "looked_after", teamId: "leaving-care", openedOn: "2018-01-01", closedOn: null, closureReason: null },
    ],
    episodes: [episode("2018-01-01", "2019-05-01", { rec: "X1" }), episode("2019-05-01", "2020-06-30", { rne: "L", ls: "V2", rec: "E5", caseId: "case-2" })],
    oc3: [oc3(2020, "YES", "F2", "D1"), oc3(2021, "NO", null, null), oc3(2023, "YES", "G5", "U1"), oc3(2024, "DIED", null, null)],
  });
  const facts = lookedAfterFacts(leaver, WINDOW);

  it("counts each birthday from the 17th in its month (1 March for a 29 February birthday), in the team of the last episode's case", () => {
    expect(factsOf(facts, LAC_MEASURE.careLeaversAccommodation)).toEqual([
      ["2021-03", 1, 1, "leaving-care"],
      ["2022-03", 0, 1, "leaving-care"],
      ["2023-03", 0, 1, "leaving-care"],
      ["2024-02", 1, 1, "leaving-care"],
    ]);
    expect(factsOf(facts, LAC_MEASURE.careLeaversEet)).toEqual([
      ["2021-03", 1, 1, "leaving-care"],
      ["2022-03", 0, 1, "leaving-care"],
      ["2023-03", 0, 1, "leaving-care"],
      ["2024-02", 0, 1, "leaving-care"],
    ]);
  });

  it("does not count a birthday on which the young person was still looked after, nor anyone who left care before 16", () => {
    const stillLookedAfter = child({ dob: "2002-05-01", episodes: [episode("2016-01-01", "2019-05-02", { rec: "E17" })], oc3: [oc3(2019, "YES", "F5", "B1")] });
    expect(factsOf(lookedAfterFacts(stillLookedAfter, WINDOW), LAC_MEASURE.careLeaversAccommodation).map(([m]) => m)).toEqual(["2020-05", "2021-05", "2022-05", "2023-05"]);
    const leftAt15 = child({ dob: "2004-06-01", episodes: [episode("2018-01-01", "2019-05-31", { rec: "E4A" })] });
    expect(factsOf(lookedAfterFacts(leftAt15, WINDOW), LAC_MEASURE.careLeaversEet)).toEqual([]);
  });
});
