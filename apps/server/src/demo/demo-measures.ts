import { measureById, type MeasureDefinition } from "@family-story/domain";
import type { Kysely } from "kysely";
import type { FigureRow } from "../data/measures/measure-values.ts";
import type { Database } from "../db/database-types.ts";
import { RBKC, WCC } from "./demo-organisation.ts";
import { SeededRandom } from "./seeded-random.ts";

/**
 * Synthetic figures for every external measure of the demo authorities, and baselines and
 * targets for most measures, so every dashboard shows data, trends and a mix of RAG ratings.
 * All made up: plausible levels and drifts, not any authority's real figures.
 */

/** How a measure's figures are periodised (docs/measures.md, "The period of a figure"), and how long after the period a figure is published. */
type PeriodKind = "academic" | "financial" | "calendar" | "march" | "august" | "january" | "winter";
const LAG_MONTHS: Record<PeriodKind, number> = { academic: 4, financial: 6, calendar: 6, march: 2, august: 2, january: 5, winter: 3 };

/** [measure id, period kind, Westminster's level in the first year, Kensington and Chelsea's, change a year, Westminster's denominator or null]. */
type Spec = readonly [string, PeriodKind, number, number, number, number | null];
const SPECS: readonly Spec[] = [
  ["participation-opportunities", "financial", 38, 24, 3, null],
  ["co-designed-services", "financial", 4, 3, 0.5, null],
  ["children-in-care-consultations-actioned", "financial", 72, 68, 3, 18],
  ["care-leavers-local-offer-involvement", "financial", 22, 14, 2, null],
  ["send-local-offer-involvement", "financial", 140, 95, 8, null],
  ["families-feel-supported", "financial", 81, 84, 1, 420],
  ["parenting-programmes-completed", "financial", 68, 71, 1.5, 160],
  ["healthy-early-years-accredited", "march", 46, 41, 5, 95],
  ["healthy-schools-accredited", "march", 58, 55, 4, 52],
  ["camhs-vulnerable-timely", "financial", 62, 66, 3, 210],
  ["placements-good-outstanding", "march", 82, 85, 1, 160],
  ["exploitation-risk", "march", 64, 41, -3, null],
  ["first-time-entrants", "financial", 48, 30, -3, null],
  ["youth-reoffending", "financial", 34, 31, -1.2, 90],
  ["feel-safer-feedback", "financial", 76, 79, 1.5, 230],
  ["schools-good-outstanding", "august", 91, 93, 0.6, 64],
  ["good-level-of-development", "academic", 66, 70, 0.8, 1900],
  ["ks2-rwm-expected", "academic", 64, 68, 0.5, 1650],
  ["ks4-english-maths-9-4", "academic", 74, 77, 0.5, 1400],
  ["ks4-progress-8", "academic", 0.62, 0.55, 0.02, null],
  ["lac-good-outstanding-education", "march", 84, 87, 1, 110],
  ["lac-expected-progress", "academic", 52, 55, 2, 95],
  ["exclusions-fsm", "academic", 6.1, 5.4, -0.2, 5200],
  ["exclusions-send", "academic", 5.8, 5.1, -0.2, 3600],
  ["attendance-vulnerable", "academic", 86.5, 87.5, 0.4, 520_000],
  ["ehc-plans-20-weeks", "calendar", 58, 62, 5, 170],
  ["pep-quality", "academic", 74, 78, 3, 120],
  ["apprenticeship-starts", "academic", 820, 540, 15, null],
  ["neet-or-not-known", "winter", 3.4, 3.1, -0.15, 4100],
  ["less-anxious-about-future", "financial", 41, 44, 2, 640],
  ["supported-internships", "academic", 18, 12, 2, null],
  ["short-break-services", "march", 21, 16, 1, null],
  ["short-break-outcomes-improved", "financial", 71, 74, 2, 85],
  ["send-eet", "march", 62, 65, 2, 780],
  ["youth-violent-offences", "financial", 410, 260, -15, null],
  ["youth-knife-offences", "financial", 96, 61, -4, null],
  ["send-awareness-attendance", "financial", 260, 170, 20, null],
  ["attendance-primary", "academic", 94.6, 95, 0.1, 3_100_000],
  ["attendance-secondary", "academic", 93.2, 93.8, 0.1, 2_600_000],
  ["suspensions-primary", "academic", 0.9, 0.7, -0.05, 12_500],
  ["suspensions-secondary", "academic", 7.8, 6.9, -0.3, 9800],
  ["permanent-exclusions-primary", "academic", 1.6, 0.8, -0.1, 12_500],
  ["permanent-exclusions-secondary", "academic", 9.2, 7.5, -0.4, 9800],
  ["two-year-old-offer-take-up", "january", 64, 69, 2, 610],
  ["you-me-baby-too-families", "financial", 54, 38, 4, null],
  ["parent-child-interaction-improved", "financial", 67, 70, 2, 140],
  ["substance-misuse-households", "financial", 14.8, 13.9, -0.2, 42_000],
  ["camhs-referrals", "financial", 1850, 1210, 60, null],
  ["rpc-training-practitioners", "financial", 85, 60, 10, null],
  ["mmr2-by-5", "financial", 72.5, 74, 0.8, 2300],
  ["obesity-reception", "academic", 10.4, 8.9, -0.2, 1900],
  ["obesity-year-6", "academic", 24.6, 20.8, -0.3, 1700],
  ["dental-decay-age-5", "financial", 31, 27, -1, 310],
  ["domestic-abuse-incidents", "financial", 3900, 2600, 50, null],
  ["parental-worklessness", "calendar", 12.5, 10.8, -0.3, 36_000],
  ["family-homelessness", "march", 2450, 1380, 40, null],
  ["children-low-income-families", "financial", 19.5, 14.2, 0.3, 38_000],
];

/** Baselines (2022/23) and targets of computed measures with a direction, for both authorities. */
const COMPUTED_TARGETS: readonly (readonly [string, number, number])[] = [
  ["lac-health-assessments-on-time", 88, 95],
  ["lac-sdq-average", 14.2, 13.5],
  ["lac-missing-rhi", 55, 70],
  ["lac-placement-stability-short", 10, 9],
  ["lac-placement-stability-long", 68, 72],
  ["lac-reviews-on-time", 92, 96],
  ["lac-pep", 93, 98],
  ["care-leavers-suitable-accommodation", 88, 92],
  ["care-leavers-eet", 55, 62],
  ["repeat-referrals-csc", 18, 15],
  ["repeat-referrals-early-help", 12, 10],
  ["contacts-decided-on-time", 90, 95],
  ["assessments-45-days", 85, 90],
  ["icpc-15-days", 80, 88],
  ["cin-acute-stress-dysfunction", 20, 18],
  ["family-plan-outcomes-met", 70, 78],
  ["early-help-closed-outcomes-achieved", 68, 75],
  ...["education", "early-years", "health", "substance-use", "family-relationships", "safe-from-abuse", "crime", "domestic-abuse", "housing", "financial-stability"].map((k) => [`sf-${k}`, 65, 72] as const),
];

const pad = (n: number) => String(n).padStart(2, "0");
const iso = (y: number, m: number, d: number) => `${String(y)}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
function addMonthsTo(date: string, months: number): string {
  const [y = 0, m = 1] = date.split("-").map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return iso(year, month, Math.min(15, lastDay(year, month)));
}

/** The period of kind `kind` labelled by year y (the year it starts in), with its label. */
function periodOf(kind: PeriodKind, y: number): { start: string; end: string; label: string } {
  const fy = `${String(y)}/${pad((y + 1) % 100)}`;
  switch (kind) {
    case "academic":
      return { start: iso(y, 9, 1), end: iso(y + 1, 8, 31), label: `${fy} academic year` };
    case "financial":
      return { start: iso(y, 4, 1), end: iso(y + 1, 3, 31), label: fy };
    case "calendar":
      return { start: iso(y, 1, 1), end: iso(y, 12, 31), label: String(y) };
    case "march":
      return { start: iso(y + 1, 3, 31), end: iso(y + 1, 3, 31), label: `31 March ${String(y + 1)}` };
    case "august":
      return { start: iso(y, 8, 31), end: iso(y, 8, 31), label: `31 August ${String(y)}` };
    case "january":
      return { start: iso(y, 1, 18), end: iso(y, 1, 18), label: `January ${String(y)}` };
    case "winter":
      return { start: iso(y, 12, 1), end: iso(y + 1, 2, lastDay(y + 1, 2)), label: `December ${String(y)} to February ${String(y + 1)}` };
  }
}

const round = (v: number, places: number) => Math.round(v * 10 ** places) / 10 ** places;
const SCALE: Record<MeasureDefinition["unit"], number> = { percent: 100, rate: 10_000, score: 1, days: 1, count: 1 };

/** One figure's value, numerator and denominator, consistent with each other. */
function figure(measure: MeasureDefinition, level: number, denominator: number | null): { value: number; numerator: number | null; denominator: number | null } {
  if (measure.unit === "count") return { value: Math.max(0, Math.round(level)), numerator: null, denominator: null };
  const bounded = measure.unit === "percent" ? Math.min(99.9, Math.max(0.1, level)) : level;
  if (denominator === null) return { value: round(bounded, 2), numerator: null, denominator: null };
  const numerator = Math.round((bounded * denominator) / SCALE[measure.unit]);
  return { value: round((SCALE[measure.unit] * numerator) / denominator, 1), numerator, denominator };
}

/** A demo figure: a measure_value row as the values code reads it. */
export type DemoFigure = FigureRow;

export interface DemoTarget {
  la_code: string;
  measure_id: string;
  baseline_value: number;
  baseline_label: string;
  target_value: number;
  target_date: string;
  note: string | null;
}

/**
 * Six years of figures for every external measure for Westminster and Kensington and Chelsea
 * (the most recent periods published by `today`), and baselines and targets: for most external
 * measures from their own figures, for computed ones from COMPUTED_TARGETS. Reproducible.
 */
export function buildDemoMeasures(today: string): { figures: DemoFigure[]; targets: DemoTarget[] } {
  const random = new SeededRandom(20_261_123);
  const thisYear = Number(today.slice(0, 4));
  const targets: DemoTarget[] = [];
  const figures: DemoFigure[] = [];
  SPECS.forEach(([id, kind, wcc, rbkc, change, wccDenominator], index) => {
    const measure = measureById(id);
    if (measure === undefined || measure.source !== "external") throw new Error(`demo figures name an unknown external measure: ${id}`);
    const periods = Array.from({ length: 10 }, (_, i) => periodOf(kind, thisYear - 9 + i))
      .map((p) => ({ ...p, sourceDate: addMonthsTo(p.end, LAG_MONTHS[kind]) }))
      .filter((p) => p.sourceDate <= today)
      .slice(-6);
    for (const [la, base, denominator] of [[WCC, wcc, wccDenominator], [RBKC, rbkc, wccDenominator === null ? null : Math.round(wccDenominator * 0.6)]] as const) {
      const series = periods.map((p, year) => {
        const noise = (random.next() - 0.5) * Math.abs(change) * 1.5;
        return { p, ...figure(measure, base + change * year + noise, denominator) };
      });
      for (const s of series) figures.push({ la_code: la, measure_id: id, period_start: s.p.start, period_end: s.p.end, value: s.value, numerator: s.numerator, denominator: s.denominator, source: measure.dataSource ?? "Local data", source_date: s.p.sourceDate });
      // Most measures have a target; every eighth is left without one, as a real framework has gaps.
      // The baseline is the first year of the default five-year view (the second period seeded).
      const first = series[1] ?? series[0];
      const latest = series.at(-1);
      if (measure.direction === "none" || index % 8 === 7 || first === undefined || latest === undefined) continue;
      const good = measure.direction === "up" ? 1 : -1;
      const stretch = 1 + good * (random.next() * 0.14 - 0.05);
      const target = measure.unit === "count" ? Math.max(0, Math.round(latest.value * stretch)) : round(latest.value * stretch, measure.unit === "score" ? 2 : 1);
      targets.push({ la_code: la, measure_id: id, baseline_value: first.value, baseline_label: first.p.label, target_value: target, target_date: iso(thisYear + 1, 3, 31), note: null });
    }
  });
  for (const la of [WCC, RBKC]) {
    for (const [id, baseline, target] of COMPUTED_TARGETS) {
      if (measureById(id) === undefined) continue;
      targets.push({ la_code: la, measure_id: id, baseline_value: baseline, baseline_label: "2022/23", target_value: target, target_date: iso(thisYear + 1, 3, 31), note: "Demo target" });
    }
  }
  return { figures, targets };
}

/** Writes the demo figures and targets (nothing already there is overwritten). */
export async function seedDemoMeasures(db: Kysely<Database>, today: string): Promise<void> {
  const { figures, targets } = buildDemoMeasures(today);
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < figures.length; i += 500) {
      await trx.insertInto("measure_value").values(figures.slice(i, i + 500)).onConflict((oc) => oc.columns(["la_code", "measure_id", "period_start", "period_end"]).doNothing()).execute();
    }
    await trx.insertInto("measure_target").values(targets).onConflict((oc) => oc.columns(["la_code", "measure_id"]).doNothing()).execute();
  });
}
