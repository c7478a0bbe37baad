import { describe, expect, it } from "vitest";
import { measureGroup } from "./catalogue-groups.ts";
import { LOOKED_AFTER_MEASURES } from "./catalogue-looked-after.ts";
import { lookedAfterFacts } from "./facts-looked-after.ts";
import { child, episode, WINDOW } from "./looked-after/subject-records-fixture.ts";

/** The plan's table: id → unit, direction, kind, placements. */
const EXPECTED: Record<string, [string, string, string, string[]]> = {
  "lac-count": ["count", "none", "stock", ["performance:looked-after"]],
  "lac-started": ["count", "none", "flow", ["performance:looked-after"]],
  "lac-returned-home": ["count", "up", "flow", ["cypp:safe-supported"]],
  "lac-health-assessments-on-time": ["percent", "up", "flow", ["cypp:happy-healthy", "performance:looked-after"]],
  "lac-sdq-average": ["score", "down", "flow", ["cypp:happy-healthy"]],
  "lac-missing-children": ["count", "down", "flow", ["cypp:safe-supported"]],
  "lac-missing-rhi": ["percent", "up", "flow", ["cypp:safe-supported"]],
  "lac-placement-stability-short": ["percent", "down", "stock", ["cypp:safe-supported", "performance:looked-after"]],
  "lac-placement-stability-long": ["percent", "up", "stock", ["cypp:safe-supported", "performance:looked-after"]],
  "lac-reviews-on-time": ["percent", "up", "flow", ["performance:looked-after"]],
  "lac-pep": ["percent", "up", "stock", ["cypp:achieving"]],
  "lac-convicted": ["count", "down", "flow", ["cypp:safe-supported"]],
  "care-leavers-suitable-accommodation": ["percent", "up", "flow", ["cypp:safe-supported", "performance:care-leavers"]],
  "care-leavers-eet": ["percent", "up", "flow", ["cypp:achieving", "performance:care-leavers"]],
};

describe("the looked-after catalogue", () => {
  it("defines the fourteen measures with their unit, direction, kind and placements", () => {
    expect(Object.fromEntries(LOOKED_AFTER_MEASURES.map((m) => [m.id, [m.unit, m.direction, m.kind, m.placements.map((p) => `${p.framework}:${p.group}`)]]))).toEqual(EXPECTED);
  });

  it("marks every one computed, with a numerator and denominator exactly when it is not a count", () => {
    for (const m of LOOKED_AFTER_MEASURES) {
      expect(m.source).toBe("computed");
      expect(m.dataSource).toBeNull();
      expect(m.numerator === null, m.id).toBe(m.unit === "count");
      expect(m.denominator === null, m.id).toBe(m.unit === "count");
      expect(m.title.length).toBeGreaterThan(0);
      expect(m.description.length).toBeGreaterThan(0);
      for (const p of m.placements) expect(measureGroup(p.framework, p.group), `${m.id} ${p.framework}:${p.group}`).toBeDefined();
    }
  });

  it("only produces facts of catalogued measures, within the window, with whole numbers", () => {
    const ids = new Set(LOOKED_AFTER_MEASURES.map((m) => m.id));
    const records = child({
      dob: "2004-02-29",
      episodes: [episode("2014-05-01", "2020-06-30", { rec: "E5" })],
      lacReviews: [{ status: "held", plannedDate: null, reviewDate: "2014-05-20" }],
      checks: [{ kind: "sdq", checkDate: "2016-06-01", sdqScore: 12, outcome: null }],
    });
    const facts = lookedAfterFacts(records, WINDOW);
    expect(facts.length).toBeGreaterThan(0);
    for (const f of facts) {
      expect(ids.has(f.measureId), f.measureId).toBe(true);
      expect(f.month >= WINDOW.firstMonth && f.month <= WINDOW.lastMonth, f.month).toBe(true);
      expect(Number.isInteger(f.numerator) && f.numerator >= 0 && f.numerator <= f.denominator * 40).toBe(true);
    }
  });
});
