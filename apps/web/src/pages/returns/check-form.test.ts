import { describe, expect, it } from "vitest";
import { checkForm } from "./check-form.ts";

describe("the check form", () => {
  const files = [{ name: "episodes.csv" }];

  it("takes the code of any English children's services authority, county councils (E10) included", () => {
    for (const la of ["E06000001", "E08000025", "E09000033", "E10000016"]) expect(checkForm("ssda903", files, "2025", la)).toEqual({});
  });

  it("names each field it refuses", () => {
    expect(checkForm("ssda903", [], "25", "W06000001")).toEqual({ files: "Choose the SSDA903 files to check", year: "Enter the year the collection starts, like 2025", la: "Enter your authority's ONS code, like E09000033" });
    expect(checkForm("cin", [{ name: "census.txt" }], "", "")).toEqual({ files: "Choose .csv or .xml files only" });
  });
});
