/** The OC2 cohort (looked after for 12 months at 31 March) and the sex codes rules 165 and 174 accept. */
import { describe, expect, it } from "vitest";
import { Ssda903Context } from "../../context.ts";
import type { EngineTable } from "../../engine-table.ts";
import { ssda903Metadata } from "../../metadata.ts";
import { rule165, rule174 } from "./header.ts";
import { lookedAfterTwelveMonths } from "./twelve-months.ts";

type Row = Record<string, string | null>;
const table = (rows: readonly Row[]): EngineTable => ({ columns: Object.keys(rows[0] ?? {}), rows });
const episode = (CHILD: string, DECOM: string, DEC: string | null, REC: string | null, RNE = "P", LS = "C2"): Row => ({ CHILD, DECOM, DEC, REC, RNE, LS });
const year2017 = ssda903Metadata({ year: 2017 });

describe("children looked after for 12 months at 31 March", () => {
  it("follows periods of care across episodes", () => {
    const ctx = new Ssda903Context(
      {
        Episodes: table([
          episode("open", "01/04/2017", null, null), // from 1 April, still open: in
          episode("late", "02/04/2017", null, null), // one day short: out
          episode("chain", "01/01/2016", "01/06/2017", "X1"),
          episode("chain", "01/06/2017", null, null), // contiguous X1 chain: in
          episode("gap", "01/01/2016", "01/06/2017", "X1"),
          episode("gap", "02/06/2017", null, null), // a day's gap starts a new period: out
          episode("ceased", "01/01/2016", "01/06/2017", "E11"),
          episode("ceased", "01/06/2017", null, null), // care ended (not X1): out
          episode("restart", "01/01/2016", "01/06/2017", "X1"),
          episode("restart", "01/06/2017", null, null, "S"), // RNE S starts care afresh: out
          episode("x1-end", "01/01/2016", "30/03/2018", "X1"), // ended X1 with no next episode: still looked after
          episode("ended", "01/01/2016", "30/03/2018", "E2"), // left care before 31 March: out
          episode("short", "01/01/2016", null, null, "P", "V3"), // short breaks: out
          episode("overlap", "01/01/2015", "10/04/2017", "E17"),
          episode("overlap", "22/03/2017", null, null, "S"), // counts from the overlapped end, 10 April: out
        ]),
      },
      year2017,
    );
    expect([...lookedAfterTwelveMonths(ctx)].sort()).toEqual(["chain", "open", "x1-end"]);
  });
});

describe("sex codes", () => {
  it("reads M/F and 1/2 alike for mother status and a mother's child", () => {
    const ctx = new Ssda903Context(
      {
        Header: table([
          { CHILD: "a", SEX: "F", MOTHER: null, MC_DOB: null },
          { CHILD: "b", SEX: "2", MOTHER: null, MC_DOB: null },
          { CHILD: "c", SEX: "M", MOTHER: "1", MC_DOB: "01/01/2017" },
          { CHILD: "d", SEX: "1", MOTHER: "0", MC_DOB: "01/01/2017" },
          { CHILD: "e", SEX: "F", MOTHER: "1.0", MC_DOB: null },
        ]),
        Episodes: table(["a", "b", "c", "d", "e"].map((c) => episode(c, "01/05/2017", null, null))),
      },
      year2017,
    );
    expect([...(rule165.check(ctx).Header ?? [])]).toEqual([0, 1, 2, 4]);
    expect([...(rule174.check(ctx).Header ?? [])]).toEqual([2, 3]);
  });
});
