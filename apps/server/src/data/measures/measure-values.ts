import { addMonths, monthEnd, monthLabel, monthOf, monthStart, ragRating, trendIntervals, unitValue, type MeasureDefinition, type MeasurePeriod, type MeasureTrendInterval } from "@family-story/domain";
import type { MeasurePoint, MeasureValues } from "@family-story/schemas";
import { sql, type Kysely } from "kysely";
import type { Database } from "../../db/database-types.ts";
import { presentMeasure, presentTarget } from "../../presenters/measure-presenter.ts";
import type { ResolvedScope } from "./measure-scope.ts";

/**
 * Values of many measures over one period and scope, in three queries whatever the number of
 * measures: the monthly sums of computed measures (measure_month), the external figures
 * (measure_value) and the targets (measure_target). docs/measures.md, "The outcomes framework".
 */

export interface ValuesRequest {
  measures: readonly MeasureDefinition[];
  scope: ResolvedScope;
  period: MeasurePeriod;
  interval: MeasureTrendInterval;
  today: string;
}

interface Sums {
  numerator: number;
  denominator: number;
}

/** An external figure as read from measure_value, numeric columns as numbers. */
export interface FigureRow {
  la_code: string;
  measure_id: string;
  period_start: string;
  period_end: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  source: string;
  source_date: string;
}

type PointSpan = Pick<MeasurePoint, "label" | "from" | "to" | "complete"> & { firstMonth: string; lastMonth: string };

const emptyPoint = (span: PointSpan): MeasurePoint => ({ label: span.label, from: span.from, to: span.to, complete: span.complete, numerator: null, denominator: null, value: null, source: null, sourceDate: null });

const num = (v: string | number | null): number | null => (v === null ? null : Number(v));

/** Monthly sums of computed measures for the scope: measure → month (YYYY-MM) → sums. */
async function monthlySums(db: Kysely<Database>, ids: readonly string[], scope: ResolvedScope, firstMonth: string, lastMonth: string): Promise<Map<string, Map<string, Sums>>> {
  const out = new Map<string, Map<string, Sums>>();
  if (ids.length === 0 || lastMonth < firstMonth) return out;
  let query = db
    .selectFrom("measure_month")
    .select(["measure_id", sql<string>`to_char(month, 'YYYY-MM')`.as("ym"), sql<string>`sum(numerator)`.as("numerator"), sql<string>`sum(denominator)`.as("denominator")])
    .where("la_code", "in", scope.authorities)
    .where("measure_id", "in", ids)
    .where("month", ">=", monthStart(firstMonth))
    .where("month", "<=", monthEnd(lastMonth));
  if (scope.teamId !== null) query = query.where("team_id", "=", scope.teamId);
  const rows = await query.groupBy(["measure_id", sql`to_char(month, 'YYYY-MM')`]).execute();
  for (const row of rows) {
    const months = out.get(row.measure_id) ?? new Map<string, Sums>();
    months.set(row.ym, { numerator: Number(row.numerator), denominator: Number(row.denominator) });
    out.set(row.measure_id, months);
  }
  return out;
}

/** The external figures of the scope's authorities ending within the period. */
async function externalFigures(db: Kysely<Database>, ids: readonly string[], scope: ResolvedScope, period: MeasurePeriod): Promise<FigureRow[]> {
  // Figures are per authority: a team has none of its own.
  if (ids.length === 0 || scope.teamId !== null) return [];
  const rows = await db
    .selectFrom("measure_value")
    .select(["la_code", "measure_id", "period_start", "period_end", "value", "numerator", "denominator", "source", "source_date"])
    .where("la_code", "in", scope.authorities)
    .where("measure_id", "in", ids)
    .where("period_end", ">=", period.from)
    .where("period_end", "<=", period.to)
    .execute();
  return rows.map((r) => ({ ...r, value: Number(r.value), numerator: num(r.numerator), denominator: num(r.denominator) }));
}

/** The months facts are built for: the latest first month of the authorities' windows to the current month. */
interface BuiltMonths {
  first: string;
  last: string;
}

async function builtMonths(db: Kysely<Database>, scope: ResolvedScope, currentMonth: string): Promise<BuiltMonths> {
  const rows = await db.selectFrom("measure_state").select(sql<string>`to_char(first_month, 'YYYY-MM')`.as("first")).where("la_code", "in", scope.authorities).execute();
  return { first: rows.map((r) => r.first).sort().at(-1) ?? currentMonth, last: currentMonth };
}

/**
 * A computed measure's point: flow measures summed over the months, stock measures at the last.
 * Months outside those built (before the window, after the current month) have no figures, so
 * a step wholly outside them is blank rather than 0.
 */
function computedPoint(measure: MeasureDefinition, months: Map<string, Sums> | undefined, span: PointSpan, built: BuiltMonths): MeasurePoint {
  const last = span.lastMonth < built.last ? span.lastMonth : built.last;
  const first = span.firstMonth > built.first ? span.firstMonth : built.first;
  if (last < first) return emptyPoint(span);
  const sums: Sums = { numerator: 0, denominator: 0 };
  if (measure.kind === "stock") {
    const at = months?.get(last);
    if (at) Object.assign(sums, at);
  } else {
    for (let m = first; m <= last; m = addMonths(m, 1)) {
      const at = months?.get(m);
      if (!at) continue;
      sums.numerator += at.numerator;
      sums.denominator += at.denominator;
    }
  }
  const isCount = measure.unit === "count" || measure.denominator === null;
  return { ...emptyPoint(span), numerator: sums.numerator, denominator: isCount ? null : sums.denominator, value: unitValue(measure.unit, sums.numerator, sums.denominator) };
}

/** An authority's figure for a span: the one ending latest within it (the shorter on a tie). */
function latestFigure(figures: readonly FigureRow[], span: PointSpan): FigureRow | undefined {
  let best: FigureRow | undefined;
  for (const f of figures) {
    if (f.period_end < span.from || f.period_end > span.to) continue;
    if (!best || f.period_end > best.period_end || (f.period_end === best.period_end && f.period_start > best.period_start)) best = f;
  }
  return best;
}

const sumOrNull = (values: readonly (number | null)[]): number | null => (values.some((v) => v === null) ? null : values.reduce<number>((a, b) => a + (b ?? 0), 0));

/**
 * An external measure's point: the authority's figure ending latest in the span. Several
 * authorities are combined only when each has a figure for the same period, and then only a
 * count (summed) or a figure with its numerator and denominator (Σn / Σd in the unit).
 */
function externalPoint(measure: MeasureDefinition, byLa: ReadonlyMap<string, readonly FigureRow[]>, authorities: readonly string[], span: PointSpan): MeasurePoint {
  const picked = authorities.map((la) => latestFigure(byLa.get(la) ?? [], span));
  const figures = picked.filter((f): f is FigureRow => f !== undefined);
  const [first] = figures;
  if (first === undefined) return emptyPoint(span);
  const source = { source: [...new Set(figures.map((f) => f.source))].sort().join("; "), sourceDate: figures.map((f) => f.source_date).sort().at(-1) ?? null };
  if (figures.length === 1 && authorities.length === 1) return { ...emptyPoint(span), ...source, value: first.value, numerator: first.numerator, denominator: first.denominator };
  const samePeriod = figures.length === authorities.length && figures.every((f) => f.period_start === first.period_start && f.period_end === first.period_end);
  if (!samePeriod) return emptyPoint(span);
  const numerator = sumOrNull(figures.map((f) => f.numerator));
  const denominator = sumOrNull(figures.map((f) => f.denominator));
  if (measure.unit === "count") return { ...emptyPoint(span), ...source, value: figures.reduce((a, f) => a + f.value, 0), numerator, denominator };
  if (numerator === null || denominator === null) return emptyPoint(span);
  return { ...emptyPoint(span), ...source, value: unitValue(measure.unit, numerator, denominator), numerator, denominator };
}

/** The values, trend, target and RAG of each measure, in the order given. */
export async function measureValues(db: Kysely<Database>, request: ValuesRequest): Promise<MeasureValues[]> {
  const { measures, scope, period, interval, today } = request;
  const currentMonth = monthOf(today);
  const computedIds = measures.filter((m) => m.source === "computed").map((m) => m.id);
  const externalIds = measures.filter((m) => m.source === "external").map((m) => m.id);
  const built = computedIds.length === 0 ? { first: currentMonth, last: currentMonth } : await builtMonths(db, scope, currentMonth);
  const sums = await monthlySums(db, computedIds, scope, period.firstMonth, period.lastMonth < currentMonth ? period.lastMonth : currentMonth);
  const figures = await externalFigures(db, externalIds, scope, period);
  // A shared service has no target of its own; a team works to its authority's.
  const targetLa = scope.kind === "shared-service" ? null : (scope.authorities[0] ?? null);
  const ids = measures.map((m) => m.id);
  const targets = targetLa === null || ids.length === 0 ? [] : await db.selectFrom("measure_target").selectAll().where("la_code", "=", targetLa).where("measure_id", "in", ids).execute();

  const spans: PointSpan[] = trendIntervals(period, interval, today);
  const whole: PointSpan = { label: `${monthLabel(period.firstMonth)} to ${monthLabel(period.lastMonth)}`, from: period.from, to: period.to, complete: period.to < today, firstMonth: period.firstMonth, lastMonth: period.lastMonth };
  return measures.map((measure) => {
    let point: (span: PointSpan) => MeasurePoint;
    if (measure.source === "computed") {
      const months = sums.get(measure.id);
      point = (span) => computedPoint(measure, months, span, built);
    } else {
      const byLa = new Map<string, FigureRow[]>();
      for (const f of figures) if (f.measure_id === measure.id) byLa.set(f.la_code, [...(byLa.get(f.la_code) ?? []), f]);
      point = (span) => externalPoint(measure, byLa, scope.authorities, span);
    }
    const value = point(whole);
    const trend = spans.map(point);
    const withFigure = trend.filter((p) => p.value !== null);
    // A five-year sum of a flow measure is no headline: dashboards lead with the latest full step.
    const latest = withFigure.filter((p) => p.complete).at(-1) ?? withFigure.at(-1) ?? null;
    const targetRow = targets.find((t) => t.measure_id === measure.id);
    const target = targetRow ? presentTarget(targetRow) : null;
    return {
      measure: presentMeasure(measure),
      scope: { kind: scope.kind, id: scope.id, name: scope.name, authorities: scope.authorities },
      from: period.from,
      to: period.to,
      interval,
      value,
      trend,
      target,
      rag: target ? ragRating(value.value, target.targetValue, measure.direction, target.amberTolerance) : null,
      latest,
      latestRag: target && latest ? ragRating(latest.value, target.targetValue, measure.direction, target.amberTolerance) : null,
      drillDown: measure.source === "computed",
    };
  });
}
