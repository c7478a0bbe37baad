import type { MeasureDashboard, MeasureDefinitionDto, MeasureInterval, MeasurePoint, MeasureRag, MeasureTarget, MeasureValues } from "@family-story/schemas";

/**
 * Hand-made dashboards for the PDF tests: the numbers are chosen, not computed, so a test can
 * say exactly what the paper must print.
 */

const SCOPE = { kind: "authority" as const, id: "E09000033", name: "Westminster", authorities: ["E09000033"] };

/** A measure definition with the fields the paper uses. */
export function definition(id: string, title: string, unit: MeasureDefinitionDto["unit"], direction: MeasureDefinitionDto["direction"] = "up"): MeasureDefinitionDto {
  return { id, title, description: `${title}.`, numerator: unit === "count" ? null : "Counted", denominator: unit === "count" ? null : "Out of", unit, direction, source: "computed", kind: "flow", placements: [], dataSource: null };
}

/** A point of a trend or the whole period. */
export function point(label: string, from: string, to: string, numerator: number | null, denominator: number | null, value: number | null, complete = true): MeasurePoint {
  return { label, from, to, numerator, denominator, value, source: null, sourceDate: null, complete };
}

/** A target (with baseline) as the API returns it. */
export function target(baselineValue: number | null, baselineLabel: string | null, targetValue: number | null, targetDate: string | null): MeasureTarget {
  return { baselineValue, baselineLabel, targetValue, targetDate, amberTolerance: 5, note: null, version: 1 };
}

const YEARS = [
  ["2022/23", "2022-04-01", "2023-03-31"],
  ["2023/24", "2023-04-01", "2024-03-31"],
  ["2024/25", "2024-04-01", "2025-03-31"],
  ["2025/26", "2025-04-01", "2026-03-31"],
  ["2026/27", "2026-04-01", "2026-11-23"],
] as const;

/** Five financial years of (numerator, denominator) pairs as a yearly trend; the last year is not over. */
export function yearly(pairs: readonly (readonly [number, number] | null)[], unit: MeasureDefinitionDto["unit"]): MeasurePoint[] {
  return YEARS.map(([label, from, to], i) => {
    const pair = pairs[i] ?? null;
    if (pair === null) return point(label, from, to, null, null, null, i < 4);
    const [num, den] = pair;
    const value = unit === "percent" ? (100 * num) / den : unit === "count" ? num : num / den;
    return point(label, from, to, num, unit === "count" ? num : den, value, i < 4);
  });
}

/** One measure's values: the whole period is the sum of the trend's pairs. */
export function measureValues(measure: MeasureDefinitionDto, trend: MeasurePoint[], options: { target?: MeasureTarget | null; rag?: MeasureRag | null; latestRag?: MeasureRag | null; interval?: MeasureInterval } = {}): MeasureValues {
  const num = trend.reduce((s, p) => s + (p.numerator ?? 0), 0);
  const den = trend.reduce((s, p) => s + (p.denominator ?? 0), 0);
  const any = trend.some((p) => p.numerator !== null);
  const value = !any ? null : measure.unit === "percent" ? (den === 0 ? null : (100 * num) / den) : measure.unit === "count" ? num : den === 0 ? null : num / den;
  // As the API: the latest complete step with a figure, else the latest with one.
  const withFigure = trend.filter((p) => p.value !== null);
  const latest = withFigure.filter((p) => p.complete).at(-1) ?? withFigure.at(-1) ?? null;
  return {
    measure,
    scope: SCOPE,
    from: "2022-04-01",
    to: "2026-11-23",
    interval: options.interval ?? "year",
    value: point("2022/23 to 2026/27", "2022-04-01", "2026-11-23", any ? num : null, any ? den : null, value, false),
    trend,
    target: options.target ?? null,
    rag: options.rag ?? null,
    latest,
    latestRag: latest === null ? null : (options.latestRag === undefined ? (options.rag ?? null) : options.latestRag),
    drillDown: true,
  };
}

/** A leaders' dashboard of two groups and five measures with known figures. */
export function leadersDashboard(): MeasureDashboard {
  const assessments = measureValues(definition("assessments-45-days", "Assessments completed within 45 working days", "percent"), yearly([[800, 1000], [850, 1000], [900, 1000], [870, 1000], [500, 600]], "percent"), {
    target: target(78.5, "2018/19", 90, "2027-03-31"),
    rag: "amber",
  });
  const repeat = measureValues(definition("repeat-referrals-csc", "Re-referrals to children's social care within 12 months", "percent", "down"), yearly([[210, 1000], [190, 1000], [180, 1000], [170, 1000], [90, 600]], "percent"), {
    target: target(22, "2018/19", 20, null),
    rag: "green",
  });
  const sdq = measureValues(definition("lac-sdq-average", "Average SDQ score of children looked after", "score", "down"), yearly([[1400, 100], [1500, 100], null, [1300, 100], [700, 50]], "score"), {
    target: target(null, null, 13, "2027-03-31"),
    // Over the whole period 14.0 misses 13 (red); the latest year, 13.0, meets it (green).
    rag: "red",
    latestRag: "green",
  });
  const started = measureValues(definition("lac-started", "Children who started to be looked after", "count", "none"), yearly([[120, 1], [134, 1], [1234, 1], [98, 1], [41, 1]], "count"));
  const empty = measureValues(definition("schools-good-outstanding", "Schools judged good or outstanding ≥ 90%", "percent"), yearly([null, null, null, null, null], "percent"));
  return {
    board: "leaders",
    title: "Children and young people's plan: outcomes",
    scope: SCOPE,
    from: "2022-04-01",
    to: "2026-11-23",
    interval: "year",
    groups: [
      { key: "safe-supported", title: "Safe and supported", description: "Children and young people are safe at home and in the community.", measures: [assessments, repeat, started] },
      { key: "happy-healthy", title: "Happy and healthy", description: null, measures: [sdq, empty] },
      { key: "listened-to", title: "Listened to", description: "Children's voices shape the services they use.", measures: [] },
    ],
  };
}

/** A long dashboard (monthly trends, many measures) that must run over several pages. */
export function longDashboard(): MeasureDashboard {
  const months: MeasurePoint[] = [];
  for (let i = 0; i < 56; i++) {
    const y = 2022 + Math.floor((i + 3) / 12);
    const m = ((i + 3) % 12) + 1;
    const mm = String(m).padStart(2, "0");
    months.push(point(`${["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m - 1] ?? ""} ${String(y)}`, `${String(y)}-${mm}-01`, `${String(y)}-${mm}-28`, 40 + (i % 7), 60, (100 * (40 + (i % 7))) / 60, i < 55));
  }
  const groups = Array.from({ length: 6 }, (_, g) => ({
    key: `theme-${String(g + 1)}`,
    title: `Theme ${String(g + 1)}`,
    description: "Performance measures for the theme.",
    measures: Array.from({ length: 5 }, (_, k) => measureValues(definition(`m-${String(g)}-${String(k)}`, `Measure ${String(g + 1)}.${String(k + 1)} with a long title that needs two lines on the chart`, "percent"), months, { interval: "month", target: target(60, "2021/22", 70, "2027-03-31"), rag: (["green", "amber", "red", null, "green"] as const)[k] ?? null })),
  }));
  return { board: "team", title: "Team performance", scope: { kind: "team", id: "7b0d3e62-51e4-4ad2-9a3c-1f1f2b4f0a11", name: "Locality Social Work North", authorities: ["E09000033"] }, from: "2022-04-01", to: "2026-11-23", interval: "month", groups };
}
