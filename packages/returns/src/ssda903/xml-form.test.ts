/**
 * The XML form of the 903. The shared XML fixture holds different (random) children from the
 * CSVs and the reference published findings only for the CSVs, so parity is shown on the CSVs
 * (conformance.test.ts); here the XML path is shown to give the same findings as the same tables
 * read from CSV, apart from the rules the DfE defines by file format.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { SSDA903_FIXTURES } from "../../test/shared-returns.ts";
import { readSsda903Files } from "../read-ssda903.ts";
import type { Ssda903Table } from "../ssda903-tables.ts";
import type { Finding } from "../validation/findings.ts";
import { ssda903Input } from "./engine-table.ts";
import { ssda903Metadata } from "./metadata.ts";
import { validateSsda903 } from "./validate-ssda903.ts";

const xml = readSsda903Files([{ name: "fake_903.xml", text: readFileSync(path.join(SSDA903_FIXTURES, "fake_903.xml"), "utf8") }]);
const toCsv = (t: Ssda903Table): { name: string; text: string } => ({
  name: `${t.table}.csv`,
  text: Papa.unparse({ fields: [...t.columns], data: t.rows.map((r) => t.columns.map((c) => r.values[c] ?? "")) }),
});
const csv = readSsda903Files(Object.values(xml.tables).map(toCsv));
const key = (f: Finding): string => `${f.rule}|${f.table}|${String(f.row)}|${f.childId ?? ""}`;
/** Rules whose meaning depends on whether the return came as XML (105: the UASC flag; 205A–D: where UASC status is read). */
const BY_FORMAT = new Set(["105", "205A", "205B", "205C", "205D"]);

describe("the SSDA903 XML form", () => {
  const run = (tables: typeof xml.tables, fileFormat: "csv" | "xml") =>
    validateSsda903(ssda903Input({ current: tables }), { ruleset: "lac2026_27", metadata: ssda903Metadata({ year: 2017, localAuthority: "E09000027", fileFormat }) });

  it("validates the shared XML fixture with no engine error", () => {
    expect(xml.unrecognised).toEqual([]);
    const report = run(xml.tables, "xml");
    expect(report.errors).toEqual([]);
    expect(report.findings.length).toBeGreaterThan(1000);
    // Only rules needing last year's tables, or the tables this file does not hold (no social
    // worker episodes or DoLOs), are left out.
    expect(Object.keys(xml.tables).sort()).toEqual(["AD1", "Episodes", "Header", "Missing", "OC2", "OC3", "PlacedAdoption", "PrevPerm", "Reviews", "UASC"]);
    expect(report.skipped.filter((s) => !/_last|SWEpisodes|DoLo/.test(s.reason))).toEqual([]);
  });

  it("finds the same as the same tables read from CSV, apart from the rules defined by file format", () => {
    const fromXml = run(xml.tables, "xml").findings.filter((f) => !BY_FORMAT.has(f.rule)).map(key);
    const fromCsv = run(csv.tables, "csv").findings.filter((f) => !BY_FORMAT.has(f.rule)).map(key);
    expect(fromXml).toEqual(fromCsv);
  });
});
