import { describe, expect, it } from "vitest";
import { measureById } from "../catalogue.ts";
import type { MeasureDefinition } from "../measure-types.ts";
import { figureProblems, type FigureValues } from "./figure-checks.ts";

const measure = (id: string): MeasureDefinition => {
  const m = measureById(id);
  if (m === undefined) throw new Error(id);
  return m;
};
const base: FigureValues = { periodStart: "2023-09-01", periodEnd: "2024-08-31", value: 65, numerator: 130, denominator: 200, sourceDate: "2024-11-20" };
const fields = (m: MeasureDefinition, f: Partial<FigureValues>) => figureProblems(m, { ...base, ...f }).map((p) => p.field);

describe("figureProblems", () => {
  it("accepts a percentage that its numerator and denominator give, within the sources' rounding", () => {
    expect(figureProblems(measure("good-level-of-development"), base)).toEqual([]);
    expect(fields(measure("good-level-of-development"), { value: 65.5 })).toEqual([]);
    expect(fields(measure("good-level-of-development"), { value: 66 })).toEqual(["value"]);
  });

  it("refuses a measure computed from records", () => {
    const computed: MeasureDefinition = { ...measure("good-level-of-development"), id: "x", source: "computed", kind: "flow" };
    expect(figureProblems(computed, base)).toEqual([{ field: "measureId", message: expect.stringContaining("computed from records") as string }]);
  });

  it("checks the period, the source date and the parts", () => {
    const gld = measure("good-level-of-development");
    expect(fields(gld, { periodEnd: "2023-08-31" })).toContain("periodEnd");
    expect(fields(gld, { sourceDate: "2023-08-31" })).toEqual(["sourceDate"]);
    expect(fields(gld, { numerator: null })).toEqual(["numerator"]);
    expect(fields(gld, { denominator: null })).toEqual(["denominator"]);
    expect(fields(gld, { numerator: null, denominator: null })).toEqual([]);
    expect(fields(gld, { denominator: 0, numerator: 0, value: 0 })).toEqual(["denominator"]);
    expect(fields(gld, { numerator: 250, value: 100 })).toEqual(["numerator"]);
    expect(fields(gld, { value: 101, numerator: null, denominator: null })).toEqual(["value"]);
  });

  it("takes a count as a whole number without parts, a score as any number and a rate per 10,000", () => {
    const count = measure("first-time-entrants");
    expect(fields(count, { value: 42, numerator: null, denominator: null })).toEqual([]);
    expect(fields(count, { value: 4.5, numerator: null, denominator: null })).toEqual(["value"]);
    expect(fields(count, { value: 42, numerator: 42, denominator: null })).toEqual(["numerator"]);
    expect(fields(measure("ks4-progress-8"), { value: -0.12, numerator: null, denominator: null })).toEqual([]);
    expect(fields(measure("permanent-exclusions-secondary"), { value: 12.5, numerator: 10, denominator: 8000 })).toEqual([]);
  });
});
