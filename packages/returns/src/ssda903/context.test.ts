/** The context's cached views: columns, children by row and the child numbers shared by the tables. */
import { describe, expect, it } from "vitest";
import { Ssda903Context } from "./context.ts";
import type { EngineTable } from "./engine-table.ts";
import { ssda903Metadata } from "./metadata.ts";

type Row = Record<string, string | null>;
const table = (columns: readonly string[], rows: readonly Row[]): EngineTable => ({ columns, rows });

const ctx = new Ssda903Context(
  {
    Header: table(["CHILD", "SEX"], [{ CHILD: "a", SEX: "1" }, { CHILD: "b", SEX: "2" }, { CHILD: null, SEX: "1" }, { CHILD: "a", SEX: "2" }]),
    Episodes: table(["CHILD", "DECOM"], [{ CHILD: "c", DECOM: "01/04/2017" }, { CHILD: "a", DECOM: "1/4/2017" }, { CHILD: "c", DECOM: "x" }, { CHILD: "a", DECOM: null }]),
    // A row may carry a value its table's columns do not list.
    Reviews: table(["CHILD"], [{ CHILD: "b", EXTRA: "e" }]),
  },
  ssda903Metadata({ year: 2017 }),
);

describe("the SSDA903 context", () => {
  it("reads columns (and values outside the listed columns) row by row", () => {
    expect(ctx.values("Header", "SEX")).toEqual(["1", "2", "1", "2"]);
    expect(ctx.values("Reviews", "EXTRA")).toEqual(["e"]);
    expect(ctx.values("Header", "NONE")).toEqual([null, null, null, null]);
    expect(ctx.values("OC2", "CHILD")).toEqual([]);
    expect(ctx.days("Episodes", "DECOM")[0]).toBe(ctx.days("Episodes", "DECOM")[1]);
  });

  it("groups rows by child in order of first row, blank CHILDs left out", () => {
    expect([...ctx.rowsByChild("Header")]).toEqual([
      ["a", [0, 3]],
      ["b", [1]],
    ]);
    expect([...ctx.rowsByChild("Episodes")]).toEqual([
      ["c", [0, 2]],
      ["a", [1, 3]],
    ]);
    expect(ctx.rowsByChild("OC2").size).toBe(0);
  });

  it("numbers each child once across the tables, for joins by array index", () => {
    const header = ctx.childIndex("Header");
    const episodes = ctx.childIndex("Episodes");
    expect(header[2]).toBe(-1);
    expect(episodes[1]).toBe(header[0]);
    expect(ctx.childIndex("Reviews")[0]).toBe(header[1]);
    expect(ctx.childCount).toBe(3);
    expect(ctx.childIndex("OC2")).toEqual(new Int32Array(0));

    const inEpisodes = ctx.childPresent("Episodes");
    expect([...header].map((c) => (c < 0 ? null : inEpisodes[c]))).toEqual([1, 0, null, 1]);
    expect(ctx.childPresent("OC2")).toEqual(new Uint8Array(3));

    const { start, rows } = ctx.rowsByChildIndex("Episodes");
    const c = episodes[0] ?? -1;
    expect([...rows.subarray(start[c], start[c + 1])]).toEqual([0, 2]);
    const b = header[1] ?? -1;
    expect(start[b]).toBe(start[b + 1]);
  });
});
