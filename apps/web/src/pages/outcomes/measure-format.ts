import type { MeasureDefinitionDto, MeasurePoint, MeasureRag, MeasureValues } from "@family-story/schemas";

type Unit = MeasureDefinitionDto["unit"];
type Direction = MeasureDefinitionDto["direction"];

/**
 * The figure a dashboard leads with: the latest complete step with a figure and its rating
 * (a five-year sum of a flow measure means little), else the whole period's.
 */
export function headline(values: Pick<MeasureValues, "latest" | "latestRag" | "value" | "rag">): { point: MeasurePoint; rag: MeasureRag | null } {
  return values.latest ? { point: values.latest, rag: values.latestRag } : { point: values.value, rag: values.rag };
}

const whole = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A value in its unit as people read it: 72.5%, 1,204, 41.3 per 10,000, 14.2, 23 days. */
export function formatMeasureValue(value: number | null, unit: Unit): string {
  if (value === null) return "No figure";
  switch (unit) {
    case "percent":
      return `${oneDecimal.format(value)}%`;
    case "count":
      return Number.isInteger(value) ? whole.format(value) : oneDecimal.format(value);
    case "rate":
      return `${oneDecimal.format(value)} per 10,000`;
    case "score":
      return oneDecimal.format(value);
    case "days":
      return `${whole.format(value)} ${value === 1 ? "day" : "days"}`;
  }
}

/** The value without its unit's words, for tight places (chart axes and point labels). */
export function formatShort(value: number, unit: Unit): string {
  if (unit === "percent") return `${oneDecimal.format(value)}%`;
  if (unit === "count" || unit === "days") return whole.format(value);
  return oneDecimal.format(value);
}

/** "145 of 200" behind a percentage, "1,450 over 102" behind a mean; null for a bare count or figure. */
export function formatFraction(point: Pick<MeasurePoint, "numerator" | "denominator">, unit: Unit): string | null {
  const { numerator, denominator } = point;
  if (numerator === null || denominator === null || denominator === 0 || unit === "count") return null;
  if (unit === "percent") return `${whole.format(numerator)} of ${whole.format(denominator)}`;
  return `${oneDecimal.format(numerator)} over ${whole.format(denominator)}`;
}

/** Which way is good, in words. */
export function directionText(direction: Direction): string {
  switch (direction) {
    case "up":
      return "Higher is better";
    case "down":
      return "Lower is better";
    case "none":
      return "For context (no target direction)";
  }
}

/** How a RAG rating reads: the tag's colour class and the words that carry the meaning. */
export function ragLabel(rag: MeasureRag | null): { text: string; tag: string } {
  switch (rag) {
    case "green":
      return { text: "Green: on target", tag: "govuk-tag--green" };
    case "amber":
      return { text: "Amber: close to target", tag: "govuk-tag--yellow" };
    case "red":
      return { text: "Red: off target", tag: "govuk-tag--red" };
    case null:
      return { text: "Not rated", tag: "govuk-tag--grey" };
  }
}

/** The last point with a figure, and the one before it, for "since last year". */
export function lastTwo(trend: readonly MeasurePoint[]): { last: MeasurePoint | null; previous: MeasurePoint | null } {
  const withValue = trend.filter((p) => p.value !== null);
  return { last: withValue.at(-1) ?? null, previous: withValue.at(-2) ?? null };
}

/**
 * The change between the last two figures in words: "Up 2.3 points from 2022/23 to 2023/24,
 * improving".
 * Percentages move in points; whether that is better depends on the measure's direction.
 */
export function changeText(trend: readonly MeasurePoint[], unit: Unit, direction: Direction): string | null {
  const { last, previous } = lastTwo(trend);
  if (last?.value == null || previous?.value == null) return null;
  const delta = last.value - previous.value;
  const size = unit === "percent" ? `${oneDecimal.format(Math.abs(delta))} points` : formatShort(Math.abs(delta), unit);
  const span = `from ${previous.label} to ${last.label}${last.complete ? "" : " so far"}`;
  if (Math.abs(delta) < 0.05) return `No change ${span}`;
  const way = delta > 0 ? "Up" : "Down";
  const judged = direction === "none" ? "" : (delta > 0) === (direction === "up") ? ", improving" : ", worsening";
  return `${way} ${size} ${span}${judged}`;
}

/** A sentence describing the whole trend, for screen readers and for anyone who wants it in words. */
export function trendSummary(title: string, trend: readonly MeasurePoint[], unit: Unit, target: number | null): string {
  const points = trend.filter((p) => p.value !== null);
  if (points.length === 0) return `${title}: no figures for this period.`;
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return `${title}: no figures for this period.`;
  const values = points.map((p) => p.value ?? 0);
  const high = points[values.indexOf(Math.max(...values))];
  const low = points[values.indexOf(Math.min(...values))];
  const parts = [
    points.length === 1
      ? `${title}: ${formatMeasureValue(last.value, unit)} in ${last.label}${last.complete ? "" : " (so far)"}.`
      : `${title}: ${formatMeasureValue(first.value, unit)} in ${first.label}, ${formatMeasureValue(last.value, unit)} in ${last.label}${last.complete ? "" : " (so far)"}.`,
  ];
  if (points.length > 2 && high && low && high !== low && high.value !== low.value) parts.push(`Highest ${formatMeasureValue(high.value, unit)} (${high.label}), lowest ${formatMeasureValue(low.value, unit)} (${low.label}).`);
  if (target !== null) parts.push(`Target ${formatMeasureValue(target, unit)}.`);
  const missing = trend.length - points.length;
  if (missing > 0) parts.push(`${String(missing)} ${missing === 1 ? "period has" : "periods have"} no figure.`);
  return parts.join(" ");
}

/** One point for a screen reader or tooltip: "2023/24: 72.5% (145 of 200)". */
export function pointLabel(point: MeasurePoint, unit: Unit): string {
  const fraction = formatFraction(point, unit);
  const sofar = point.complete ? "" : ", so far";
  return `${point.label}: ${formatMeasureValue(point.value, unit)}${fraction ? ` (${fraction})` : ""}${sofar}`;
}
