import type { MeasureDirection, MeasureUnit } from "./measure-types.ts";

/**
 * How a figure reads: a numerator over a denominator in the measure's unit, and how it stands
 * against a target (red, amber, green). docs/measures.md, "The outcomes framework".
 */

export const RAG_RATINGS = ["green", "amber", "red"] as const;
export type RagRating = (typeof RAG_RATINGS)[number];

/** The amber tolerance when a target does not give one: a miss within 5% of the target is amber. */
export const DEFAULT_AMBER_TOLERANCE = 5;

/** Rounds half away from zero to the given number of decimal places. */
export function roundTo(value: number, places: number): number {
  const factor = 10 ** places;
  const scaled = Math.abs(value) * factor;
  // The epsilon absorbs binary fractions such as 1.005 * 100 = 100.49999…
  const rounded = Math.floor(scaled + 0.5 + 1e-9) / factor;
  return value < 0 ? -rounded : rounded;
}

/**
 * The value of numerator over denominator in a unit, as presented (one decimal place; a count
 * is the numerator). percent: 100 × n / d; rate: per 10,000 (10,000 × n / d); score and days:
 * the mean n / d. null when there is nothing to divide by.
 */
export function unitValue(unit: MeasureUnit, numerator: number, denominator: number): number | null {
  switch (unit) {
    case "count":
      return numerator;
    case "percent":
      return denominator === 0 ? null : roundTo((100 * numerator) / denominator, 1);
    case "rate":
      return denominator === 0 ? null : roundTo((10000 * numerator) / denominator, 1);
    case "score":
    case "days":
      return denominator === 0 ? null : roundTo(numerator / denominator, 1);
  }
}

/**
 * The rating of a value against a target in the direction of good. Green: the value meets or
 * beats the target. Amber: it misses by no more than `tolerance` percent of the target. Red:
 * otherwise. null without a value, a target or a direction (direction none is context only).
 */
export function ragRating(value: number | null, target: number | null, direction: MeasureDirection, tolerance: number = DEFAULT_AMBER_TOLERANCE): RagRating | null {
  if (value === null || target === null) return null;
  let shortfall: number;
  switch (direction) {
    case "none":
      return null;
    case "up":
      shortfall = target - value;
      break;
    case "down":
      shortfall = value - target;
      break;
  }
  if (shortfall <= 0) return "green";
  // Compared in millionths so that 5% of 80 is exactly 4 whatever the binary fractions do.
  return Math.round(shortfall * 1e6) <= Math.round(((Math.abs(target) * tolerance) / 100) * 1e6) ? "amber" : "red";
}
