import { PLACEMENT_TYPE_CODES } from "@family-story/domain";
import { describe, expect, it } from "vitest";
import { PLACEMENT_GROUPS, placementGroup } from "./placement-groups.ts";

describe("placement groups of Tables C and D", () => {
  it("groups foster care by relative and by provider", () => {
    expect(placementGroup("U3", "PR1")).toBe("kinship_foster");
    expect(placementGroup("U6", "PR1")).toBe("la_foster");
    expect(placementGroup("U6", "PR2")).toBe("la_foster");
    expect(placementGroup("U6", null)).toBe("la_foster");
    expect(placementGroup("U4", "PR4")).toBe("independent_foster");
    expect(placementGroup("U5", "PR5")).toBe("independent_foster");
  });

  it("places every current code, withdrawn codes and a blank somewhere known", () => {
    const groups = new Set<string>(PLACEMENT_GROUPS.map((g) => g.code));
    for (const code of [...PLACEMENT_TYPE_CODES, "H5", "P2", "Z1"]) expect(groups.has(placementGroup(code, "PR1"))).toBe(true);
    expect(placementGroup("K2", "PR4")).toBe("residential");
    expect(placementGroup("K3", "PR4")).toBe("supported");
    expect(placementGroup("H5", null)).toBe("supported");
    expect(placementGroup("Z11", null)).toBe("other");
    expect(placementGroup(null, null)).toBe("other");
  });
});
