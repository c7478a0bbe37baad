import { describe, expect, it } from "vitest";
import { AUTHORITY_TIERS } from "./authority-tiers.ts";
import { createPostcodeLookup } from "./ons-postcodes.ts";
import { derivePlacementFields, distanceMiles, roundToTenth, upperTierAuthority, withPlacementFields } from "./postcode-distance.ts";
import type { Ssda903Table } from "./ssda903-tables.ts";

// Entries as the ONS Postcode Directory gives them.
const lookup = createPostcodeLookup([
  { postcode: "SW1A 0AA", easting: 530268, northing: 179545, laua: "E09000033" }, // Westminster
  { postcode: "E7 0AA", easting: 540117, northing: 185880, laua: "E09000031" }, // Waltham Forest
  { postcode: "TW9 1AA", easting: 518048, northing: 174903, laua: "E09000027" }, // Richmond upon Thames
  { postcode: "IP1 1AA", easting: 615838, northing: 244034, laua: "E07000202" }, // Ipswich, in Suffolk
  { postcode: "CA1 1AA", easting: 339560, northing: 555499, laua: "E06000063" }, // Cumberland (2023)
]);
const context = { lookup, returningAuthority: "E09000027" };

describe("placement distance", () => {
  it("is the straight line between grid references in miles, to one decimal place", () => {
    expect(distanceMiles({ easting: 0, northing: 0 }, { easting: 3000, northing: 4000 })).toBe(3.1); // 5000 m = 3.107 mi
    expect(distanceMiles({ easting: 100, northing: 100 }, { easting: 100 + 1609.344, northing: 100 })).toBe(1);
    expect(distanceMiles({ easting: 5, northing: 5 }, { easting: 5, northing: 5 })).toBe(0);
    // SW1A 0AA to E7 0AA: sqrt(9849² + 6335²) = 11710.5 m = 7.2765 mi.
    expect(distanceMiles({ easting: 530268, northing: 179545 }, { easting: 540117, northing: 185880 })).toBe(7.3);
  });

  it("rounds halves to even as the reference implementation does", () => {
    expect(roundToTenth(0.25)).toBe(0.2);
    expect(roundToTenth(0.35)).toBe(0.4);
    expect(roundToTenth(0.05)).toBe(0);
    expect(roundToTenth(7.2765465)).toBe(7.3);
    expect(roundToTenth(349.96)).toBe(350);
  });
});

describe("placement authority", () => {
  it("lifts a district to its county and leaves single-tier authorities as they are", () => {
    expect(upperTierAuthority("E07000202")).toBe("E10000029");
    expect(upperTierAuthority("E09000027")).toBe("E09000027");
    expect(upperTierAuthority("W06000024")).toBe("W06000024");
    // Authorities newer than the shipped 2021 lookup are unitary, so their own upper tier.
    expect(upperTierAuthority("E06000063")).toBe("E06000063");
    expect(upperTierAuthority("E08000038")).toBe("E08000038");
    expect(upperTierAuthority("E07999999")).toBeUndefined();
    expect(upperTierAuthority("L99999999")).toBeUndefined();
    expect(upperTierAuthority("E07000202", new Map([["E07000202", "X"]]))).toBe("X");
  });

  it("ships every district of the ONS lookup", () => {
    expect(AUTHORITY_TIERS).toHaveLength(331);
    expect(AUTHORITY_TIERS.find((t) => t.lower === "E07000026")).toEqual({ lower: "E07000026", lowerName: "Allerdale", upper: "E10000006", upperName: "Cumbria" });
  });
});

describe("deriving PL_LA, PL_LOCATION and PL_DISTANCE", () => {
  it("places a child inside or outside the returning authority", () => {
    expect(derivePlacementFields("SW1A 0AA", "tw91aa", context)).toEqual({ PL_LA: "E09000027", PL_LOCATION: "IN", PL_DISTANCE: 8.1 });
    expect(derivePlacementFields("sw1a0aa", " E7  0AA ", context)).toEqual({ PL_LA: "E09000031", PL_LOCATION: "OUT", PL_DISTANCE: 7.3 });
    expect(derivePlacementFields("TW9 1AA", "CA1 1AA", context).PL_LA).toBe("E06000063");
  });

  it("compares upper tiers, so a county's return counts its districts as IN", () => {
    const suffolk = { lookup, returningAuthority: "E10000029" };
    expect(derivePlacementFields(null, "IP1 1AA", suffolk)).toEqual({ PL_LA: "E10000029", PL_LOCATION: "IN", PL_DISTANCE: null });
    // A district's own code is lifted to the county it belongs to.
    expect(derivePlacementFields(null, "IP1 1AA", { lookup, returningAuthority: "E07000202" }).PL_LOCATION).toBe("IN");
  });

  it("leaves a field blank when a postcode it needs is blank or unknown", () => {
    expect(derivePlacementFields("ZZ9 9ZZ", "E7 0AA", context)).toEqual({ PL_LA: "E09000031", PL_LOCATION: "OUT", PL_DISTANCE: null });
    expect(derivePlacementFields("E7 0AA", "ZZ9 9ZZ", context)).toEqual({ PL_LA: null, PL_LOCATION: null, PL_DISTANCE: null });
    expect(derivePlacementFields(null, "", context)).toEqual({ PL_LA: null, PL_LOCATION: null, PL_DISTANCE: null });
  });

  it("adds the three columns to an Episodes table, replacing any the file carried", () => {
    const episodes: Ssda903Table = {
      table: "Episodes",
      columns: ["CHILD", "HOME_POST", "PL_POST", "PL_DISTANCE"],
      rows: [
        { file: "e.csv", line: 2, values: { CHILD: "1", HOME_POST: "SW1A 0AA", PL_POST: "E7 0AA", PL_DISTANCE: "99" } },
        { file: "e.csv", line: 3, values: { CHILD: "2", HOME_POST: null, PL_POST: "TW9 1AA", PL_DISTANCE: null } },
      ],
    };
    const derived = withPlacementFields(episodes, context);
    expect(derived.columns).toEqual(["CHILD", "HOME_POST", "PL_POST", "PL_DISTANCE", "PL_LA", "PL_LOCATION"]);
    expect(derived.rows.map((r) => [r.line, r.values.PL_LA, r.values.PL_LOCATION, r.values.PL_DISTANCE])).toEqual([
      [2, "E09000031", "OUT", "7.3"],
      [3, "E09000027", "IN", null],
    ]);
    expect(() => withPlacementFields({ ...episodes, table: "Header" }, context)).toThrow("Placement fields belong to Episodes");
  });
});
