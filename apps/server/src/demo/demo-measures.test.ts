import { MEASURES, figureProblems, measureById } from "@family-story/domain";
import { describe, expect, it } from "vitest";
import { buildDemoMeasures } from "./demo-measures.ts";
import { RBKC, WCC } from "./demo-organisation.ts";

describe("the demo figures and targets", () => {
  const today = "2026-11-23";
  const { figures, targets } = buildDemoMeasures(today);

  it("give six published periods of every external measure for both authorities, each a valid figure", () => {
    for (const m of MEASURES.filter((x) => x.source === "external")) {
      for (const la of [WCC, RBKC]) {
        const mine = figures.filter((f) => f.measure_id === m.id && f.la_code === la);
        expect(mine, `${m.id} ${la}`).toHaveLength(6);
        for (const f of mine) {
          expect(f.source_date <= today).toBe(true);
          expect(figureProblems(m, { periodStart: f.period_start, periodEnd: f.period_end, value: f.value, numerator: f.numerator, denominator: f.denominator, sourceDate: f.source_date }), `${m.id} ${f.period_end}`).toEqual([]);
        }
      }
    }
  });

  it("put at least one figure of each measure in every year of the default five-year view", () => {
    const years = ["2022-04-01", "2023-04-01", "2024-04-01", "2025-04-01"];
    for (const m of MEASURES.filter((x) => x.source === "external")) {
      for (const start of years) {
        const end = `${String(Number(start.slice(0, 4)) + 1)}-03-31`;
        expect(figures.some((f) => f.measure_id === m.id && f.la_code === WCC && f.period_end >= start && f.period_end <= end), `${m.id} in the year from ${start}`).toBe(true);
      }
    }
  });

  it("set targets for most measures with a direction, computed ones too, and none without one", () => {
    const withDirection = MEASURES.filter((m) => m.direction !== "none" && (m.source === "external" || m.unit !== "count"));
    const targeted = new Set(targets.filter((t) => t.la_code === WCC).map((t) => t.measure_id));
    expect(targeted.size / withDirection.length).toBeGreaterThan(0.8);
    for (const id of targeted) expect(measureById(id)?.direction).not.toBe("none");
    expect(targeted.has("repeat-referrals-csc")).toBe(true);
    expect(buildDemoMeasures(today)).toEqual({ figures, targets });
  });
});
