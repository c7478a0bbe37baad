import { describe, expect, it } from "vitest";
import { MEASURES } from "./catalogue.ts";
import { EXTERNAL_MEASURES } from "./catalogue-external.ts";
import { MEASURE_GROUPS, measureGroup } from "./catalogue-groups.ts";

describe("the groups", () => {
  it("has the five CYPP outcomes, four Early Help priorities, ten Supporting Families outcomes and six themes", () => {
    const keys = (f: string) => MEASURE_GROUPS.filter((g) => g.framework === f).map((g) => g.key);
    expect(keys("cypp")).toEqual(["listened-to", "happy-healthy", "safe-supported", "achieving", "resilient-prepared"]);
    expect(keys("early-help")).toEqual(["covid-recovery", "youth-engagement", "health-wellbeing", "economic-wellbeing"]);
    expect(keys("supporting-families")).toHaveLength(10);
    expect(keys("performance")).toEqual(["front-door", "assessment", "child-protection", "looked-after", "care-leavers", "early-help"]);
    expect(measureGroup("cypp", "achieving")?.title).toBe("Children and young people are achieving in early years, education and employment");
  });
});

describe("the external measures", () => {
  it("are all external, kebab-case and unique across the whole catalogue", () => {
    expect(EXTERNAL_MEASURES.length).toBeGreaterThan(50);
    for (const m of EXTERNAL_MEASURES) {
      expect(m.source).toBe("external");
      expect(m.kind).toBeNull();
      expect(m.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(m.dataSource).not.toBeNull();
    }
    const ids = MEASURES.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("sit only in groups that exist, and every CYPP outcome and Early Help priority has some", () => {
    for (const m of EXTERNAL_MEASURES) {
      expect(m.placements.length).toBeGreaterThan(0);
      for (const p of m.placements) expect(measureGroup(p.framework, p.group), `${m.id} → ${p.framework}:${p.group}`).toBeDefined();
    }
    const placed = new Set(EXTERNAL_MEASURES.flatMap((m) => m.placements.map((p) => `${p.framework}:${p.group}`)));
    for (const g of MEASURE_GROUPS.filter((x) => x.framework === "cypp" || x.framework === "early-help")) expect(placed.has(`${g.framework}:${g.key}`)).toBe(true);
  });

  it("say what they count: a ratio names both parts, a count or score neither", () => {
    for (const m of EXTERNAL_MEASURES) {
      if (m.unit === "percent" || m.unit === "rate") {
        expect(m.numerator, m.id).not.toBeNull();
        expect(m.denominator, m.id).not.toBeNull();
      } else {
        expect(m.numerator, m.id).toBeNull();
        expect(m.denominator, m.id).toBeNull();
      }
    }
  });
});
