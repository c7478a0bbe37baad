import type { IsoDate, MeasureDefinition } from "../measure-types.ts";

/** An external figure as entered or imported, before it is saved. */
export interface FigureValues {
  periodStart: IsoDate;
  periodEnd: IsoDate;
  value: number;
  numerator: number | null;
  denominator: number | null;
  sourceDate: IsoDate;
}

export type FigureField = "measureId" | "periodEnd" | "value" | "numerator" | "denominator" | "sourceDate";

/** What is wrong with a figure, by the field to correct. */
export interface FigureProblem {
  field: FigureField;
  message: string;
}

/** How far a value may be from its numerator and denominator: sources round (DfE to whole percentages, scores to two places). */
const TOLERANCE: Record<MeasureDefinition["unit"], number> = { percent: 0.5, rate: 0.5, score: 0.05, days: 0.5, count: 0 };
const SCALE: Record<MeasureDefinition["unit"], number> = { percent: 100, rate: 10_000, score: 1, days: 1, count: 1 };

function valueProblems(measure: MeasureDefinition, value: number): FigureProblem[] {
  switch (measure.unit) {
    case "count":
      return Number.isInteger(value) && value >= 0 ? [] : [{ field: "value", message: "A count must be a whole number, 0 or more" }];
    case "percent":
      return value >= 0 && value <= 100 ? [] : [{ field: "value", message: "A percentage must be from 0 to 100" }];
    case "rate":
    case "days":
      return value >= 0 ? [] : [{ field: "value", message: "Must be 0 or more" }];
    case "score":
      return [];
  }
}

function partProblems(measure: MeasureDefinition, f: FigureValues): FigureProblem[] {
  const { numerator, denominator } = f;
  if (numerator === null && denominator === null) return [];
  if (measure.unit === "count") {
    return [{ field: numerator === null ? "denominator" : "numerator", message: "A count has no numerator or denominator: leave them blank" }];
  }
  if (numerator === null) return [{ field: "numerator", message: "Give the numerator with the denominator, or neither" }];
  if (denominator === null) return [{ field: "denominator", message: "Give the denominator with the numerator, or neither" }];
  const problems: FigureProblem[] = [];
  if (numerator < 0) problems.push({ field: "numerator", message: "Must be 0 or more" });
  if (denominator <= 0) problems.push({ field: "denominator", message: "Must be more than 0" });
  if (measure.unit === "percent" && numerator > denominator) problems.push({ field: "numerator", message: "Cannot be more than the denominator" });
  if (problems.length > 0) return problems;
  const expected = (SCALE[measure.unit] * numerator) / denominator;
  if (Math.abs(expected - f.value) > TOLERANCE[measure.unit] + 1e-9) {
    problems.push({ field: "value", message: `Does not match the numerator and denominator, which give ${String(Math.round(expected * 100) / 100)}` });
  }
  return problems;
}

/**
 * Checks an external figure against its measure: only external measures take figures (a
 * computed one is worked out from the records), the period runs forwards, the source is not
 * dated before the period starts, the value fits the unit, and a numerator and denominator, when
 * given, come together and give the value (within the sources' rounding).
 */
export function figureProblems(measure: MeasureDefinition, f: FigureValues): FigureProblem[] {
  if (measure.source === "computed") return [{ field: "measureId", message: "This measure is computed from records: its figures cannot be entered or imported" }];
  const problems: FigureProblem[] = [];
  if (f.periodEnd < f.periodStart) problems.push({ field: "periodEnd", message: "The period must end on or after it starts" });
  if (f.sourceDate < f.periodStart) problems.push({ field: "sourceDate", message: "The source cannot be dated before the period starts" });
  problems.push(...valueProblems(measure, f.value), ...partProblems(measure, f));
  return problems;
}
