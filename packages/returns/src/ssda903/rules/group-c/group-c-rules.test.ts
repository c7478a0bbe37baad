/**
 * Group-c behaviour the DfE worked examples do not reach: postcode rules with the derived
 * placement fields, cross-year comparisons, and the episode order the sequence rules rely on.
 */
import { describe, expect, it } from "vitest";
import { Ssda903Context } from "../../context.ts";
import type { EngineTable, Ssda903Input } from "../../engine-table.ts";
import { ssda903Metadata } from "../../metadata.ts";
import type { RowFindings, Ssda903Rule } from "../../rule.ts";
import { rule388 } from "./episode-sequence.ts";
import { episodesInOrder } from "./episode-views.ts";
import { rule367 } from "./legal-status-durations.ts";
import { rule392c, rule392d, rule411, rule452, rule453, rule454 } from "./placement-location.ts";

function table(columns: readonly string[], rows: readonly (readonly (string | null)[])[]): EngineTable {
  return { columns, rows: rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] ?? null]))) };
}

function context(input: Ssda903Input, localAuthority = "E09000027"): Ssda903Context {
  return new Ssda903Context(input, ssda903Metadata({ year: 2017, localAuthority }));
}

function rows(rule: Ssda903Rule, ctx: Ssda903Context): Record<string, number[]> {
  const found: RowFindings = rule.check(ctx);
  return Object.fromEntries(Object.entries(found).map(([t, r]) => [t, [...(r as Iterable<number>)].sort((a, b) => a - b)]));
}

describe("392c with the derived placement fields", () => {
  const columns = ["CHILD", "HOME_POST", "PL_POST", "PL_LA", "PL_LOCATION", "PL_DISTANCE"];
  const episodes = table(columns, [
    ["1", "TW9 1AA", "TW10 6AA", "E09000027", "IN", "1.2"], // both known
    ["2", "ZZ9 9ZZ", "TW10 6AA", "E09000027", "IN", null], // home unknown
    ["3", "TW9 1AA", "ZZ9 9ZZ", null, null, null], // placement unknown
    ["4", "TW9 1AA", null, null, null, null], // home alone: only its shape can be checked
    ["5", "not a postcode", null, null, null, null],
    ["6", null, null, null, null, null],
  ]);

  it("flags unknown postcodes and, beside a blank placement postcode, badly shaped home ones", () => {
    expect(rows(rule392c, context({ Episodes: episodes }))).toEqual({ Episodes: [1, 2, 4] });
  });
});

describe("392d", () => {
  it("compares postcodes normalised and allows placement with parents", () => {
    const episodes = table(["CHILD", "PLACE", "HOME_POST", "PL_POST"], [
      ["1", "U1", "tw9 1aa", "TW91AA"],
      ["2", "P1", "TW9 1AA", "TW9 1AA"],
      ["3", "U1", "TW9 1AA", "TW9 1AB"],
      ["4", "U1", "TW9 1AA", null],
    ]);
    expect(rows(rule392d, context({ Episodes: episodes }))).toEqual({ Episodes: [0] });
  });
});

describe("411", () => {
  it("compares with the returning authority lifted to its upper tier", () => {
    // Epping Forest (district) returns under Essex (county).
    const episodes = table(["CHILD", "PL_LA", "PL_LOCATION"], [
      ["1", "E10000012", "IN"],
      ["2", "E09000027", "IN"],
    ]);
    expect(rows(rule411, context({ Episodes: episodes }, "E07000072"))).toEqual({ Episodes: [1] });
  });
});

describe("452 and 453", () => {
  const columns = ["CHILD", "DECOM", "PL_LA", "PL_DISTANCE"];
  const current = table(columns, [
    ["1", "10/06/2017", "E09000027", "3.0"],
    ["1", "01/04/2017", "E09000027", "3"],
    ["2", "01/04/2017", null, null],
    ["3", "01/04/2017", "E09000001", "2.5"],
  ]);
  const previous = table(columns, [
    ["1", "01/01/2016", "E09000001", "9.9"],
    ["1", "01/02/2017", "E09000027", "3.00"],
    ["2", "01/02/2017", null, null],
    ["3", "01/02/2017", "E09000027", "2.4"],
  ]);
  const ctx = context({ Episodes: current, Episodes_last: previous });

  it("compares this year's first episode with last year's last one", () => {
    expect(rows(rule452, ctx)).toEqual({ Episodes: [3] });
  });

  it("compares distances as numbers; blank against blank is no contradiction", () => {
    expect(rows(rule453, ctx)).toEqual({ Episodes: [3] });
  });
});

describe("454", () => {
  it("leaves out children who are or were UASC", () => {
    const episodes = table(["CHILD", "PL_DISTANCE"], [
      ["1", "400"],
      ["2", "400"],
    ]);
    const uasc = table(["CHILD", "SEX", "DOB", "DUC"], [["2", "1", "01/01/2005", "01/01/2023"]]);
    expect(rows(rule454, context({ Episodes: episodes, UASC: uasc }))).toEqual({ Episodes: [0] });
  });
});

describe("episode order", () => {
  it("sorts each child's episodes by DECOM, blank and invalid dates last, ties in file order", () => {
    const episodes = table(["CHILD", "DECOM"], [
      ["1", "05/05/2017"],
      ["1", null],
      ["1", "01/04/2017"],
      ["1", "31/02/2017"],
      ["1", "01/04/2017"],
    ]);
    expect(episodesInOrder(context({ Episodes: episodes })).get("1")).toEqual([2, 4, 0, 1, 3]);
  });

  it("lets 388 see an episode listed before the one it continues", () => {
    const episodes = table(["CHILD", "DECOM", "DEC", "REC"], [
      ["1", "10/05/2017", null, null],
      ["1", "01/04/2017", "10/05/2017", "X1"],
    ]);
    expect(rows(rule388, context({ Episodes: episodes }))).toEqual({ Episodes: [] });
  });
});

describe("367", () => {
  it("counts only respite days inside the collection year", () => {
    const episodes = table(["CHILD", "DECOM", "DEC", "LS"], [
      ["1", "01/01/2017", "10/06/2017", "V3"], // 70 days in the year
      ["1", "01/01/2016", "01/01/2017", "V3"], // none in the year
      ["2", "01/04/2017", "01/06/2017", "V3"], // 61 days
      ["2", "01/03/2018", null, "V3"], // 30 days to 31 March
    ]);
    expect(rows(rule367, context({ Episodes: episodes }))).toEqual({ Episodes: [2, 3] });
  });
});
