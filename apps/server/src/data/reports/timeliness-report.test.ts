import { describe, expect, it } from "vitest";
import { ofCompulsorySchoolAge, upToDateTallies, type ChildDates } from "./timeliness-report.ts";

const child = (over: Partial<ChildDates>): ChildDates => ({
  dob: "2010-01-01",
  period_start: "2017-01-01",
  spell_start: "2017-01-01",
  spell_place: "U6",
  health_assessment: null,
  dental_check: null,
  pep: null,
  visit: null,
  ha_in_year: false,
  dental_in_year: false,
  ...over,
});

describe("timeliness at 31 March", () => {
  it("knows who is of compulsory school age on 31 March 2019", () => {
    expect(ofCompulsorySchoolAge("2013-12-31", 2018)).toBe(true); // five by 31 December: in school since January
    expect(ofCompulsorySchoolAge("2014-01-01", 2018)).toBe(false);
    expect(ofCompulsorySchoolAge("2002-09-01", 2018)).toBe(true); // Year 11
    expect(ofCompulsorySchoolAge("2002-08-31", 2018)).toBe(false); // left after Year 11 last summer
  });

  // A PEP falls due 4 months on: 1 December gives 1 April (in time), 30 November gives 30 March.
  it("counts an item up to date when it falls due on 31 March or later, overdue before", () => {
    const t = upToDateTallies(
      [
        child({ health_assessment: "2018-03-31", dental_check: "2018-03-31", pep: "2018-12-01", visit: "2019-02-17" }),
        child({ health_assessment: "2018-03-30", dental_check: "2018-03-30", pep: "2018-11-30", visit: "2019-02-16" }),
        child({ dob: null, spell_start: null }),
      ],
      2018,
      "2019-03-31",
    );
    expect(t.health).toEqual({ counted: 3, upToDate: 1, notJudged: 1 });
    expect(t.dental).toEqual({ counted: 3, upToDate: 1, notJudged: 0 });
    expect(t.pep).toEqual({ counted: 2, upToDate: 1, notJudged: 0 });
    expect(t.visit).toEqual({ counted: 3, upToDate: 1, notJudged: 1 });
  });
});
