import { describe, expect, it } from "vitest";
import { SSDA903_TABLES, SSDA903_TABLE_NAMES, isSsda903TableName, normaliseColumnName, recogniseTable } from "./ssda903-tables.ts";

describe("SSDA903 tables", () => {
  it("lists the twelve tables of the return", () => {
    expect(SSDA903_TABLE_NAMES).toEqual(["Header", "Episodes", "Reviews", "UASC", "OC2", "OC3", "AD1", "PlacedAdoption", "PrevPerm", "Missing", "SWEpisodes", "DoLo"]);
    expect(SSDA903_TABLES.Episodes).toContain("PLACE_PROVIDER");
    expect(isSsda903TableName("Episodes")).toBe(true);
    expect(isSsda903TableName("toString")).toBe(false);
  });

  it("recognises every table from exactly its own columns", () => {
    for (const name of SSDA903_TABLE_NAMES) {
      const result = recogniseTable(SSDA903_TABLES[name]);
      expect(result.ok && result.table, name).toBe(name);
    }
  });

  it("tolerates a byte order mark, spaces, lower case, any order and extra columns", () => {
    const columns = [" pl_post", "\uFEFFCHILD", "DECOM ", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE", "HOME_POST", "URN", "PL_LA", "PL_DISTANCE"];
    const result = recogniseTable(columns);
    expect(result).toMatchObject({ ok: true, table: "Episodes", extraColumns: ["PL_LA", "PL_DISTANCE"] });
    expect(result.ok && result.columns[0]).toBe("PL_POST");
    expect(normaliseColumnName("\uFEFF child ")).toBe("CHILD");
  });

  it("says which columns are missing when nothing matches", () => {
    const result = recogniseTable(["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE", "HOME_POST"]);
    expect(result).toMatchObject({ ok: false, closest: { table: "Episodes", missing: ["PL_POST", "URN"] } });
    expect(!result.ok && result.reason).toBe("The header does not match any SSDA903 table; nearest is Episodes, which also needs PL_POST, URN.");
  });

  it("refuses headers with no telling columns, repeated columns, or two tables' columns", () => {
    expect(recogniseTable(["CHILD", "DOB", "NOTES"])).toMatchObject({ ok: false, closest: null });
    expect(recogniseTable(["CHILD", "DOB", "REVIEW", "REVIEW_CODE", "review"])).toMatchObject({ ok: false, reason: "The header repeats the column REVIEW." });
    const both = recogniseTable([...SSDA903_TABLES.Header, "DUC"]);
    expect(both).toMatchObject({ ok: false, reason: "The header has the columns of more than one table (Header, UASC)." });
  });

  it("has no table whose columns are all inside another's, so a match is never a guess", () => {
    for (const a of SSDA903_TABLE_NAMES) {
      for (const b of SSDA903_TABLE_NAMES) {
        if (a !== b) expect(SSDA903_TABLES[a].every((c) => (SSDA903_TABLES[b] as readonly string[]).includes(c)), `${a} ⊆ ${b}`).toBe(false);
      }
    }
  });
});
