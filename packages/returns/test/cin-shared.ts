/**
 * Test support for the CIN census engine: the worked examples, the synthetic fixture and the
 * reference's findings on it, from ../shared/returns/cin. Only tests and scripts read it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { CinInput, CinTable, CinValues } from "../src/cin/cin-table.ts";
import { readCinXml } from "../src/cin/read-cin-xml.ts";
import { SHARED_RETURNS } from "./shared-returns.ts";

/** The CIN directory of the shared returns data. */
export const CIN_SHARED = path.join(SHARED_RETURNS, "cin");
/** The synthetic census file. */
export const CIN_FIXTURE = path.join(CIN_SHARED, "fixtures", "fake_CIN_data.xml");

type Cell = string | number | boolean | null | readonly (string | number)[];
/** A table as the examples give it. */
export interface CinExampleTable {
  readonly columns: readonly string[];
  readonly index: readonly number[];
  readonly rows: readonly (readonly Cell[])[];
}
/** One expected issue of an example. */
export interface CinExampleIssue {
  readonly table: string;
  readonly field: string;
  readonly row: number;
}
/** One worked example. */
export interface CinExample {
  readonly inputs: Readonly<Record<string, CinExampleTable>>;
  readonly expected: readonly CinExampleIssue[];
}
/** A rule's entry in the examples file. */
export interface CinExampleRule {
  readonly rule_code: string;
  readonly message: string;
  readonly module: string;
  readonly affected_fields: readonly string[];
  readonly examples: readonly CinExample[];
}

/** Every rule's worked examples (cin2025_26). */
export function cinExampleRules(): CinExampleRule[] {
  const file = path.join(CIN_SHARED, "rule-examples-cin2025_26.json");
  return (JSON.parse(readFileSync(file, "utf8")) as { rules: CinExampleRule[] }).rules;
}

/** A cell as the engine reads it: trimmed text, blank as null; a list (several assessment factors in one cell) as comma-separated text. */
function cell(value: Cell): string | null {
  if (value === null) return null;
  const text = Array.isArray(value) ? value.map(String).join(",") : String(value).trim();
  return text === "" ? null : text;
}

/** An example table as the engine reads it. */
export function cinExampleTable(table: CinExampleTable): CinTable {
  const rows: CinValues[] = table.rows.map((row) => Object.fromEntries(table.columns.map((c, i) => [c, cell(row[i] ?? null)])));
  return { columns: table.columns, rows };
}

/** An example's tables as the engine takes them. */
export function cinExampleInput(example: CinExample): CinInput {
  return Object.fromEntries(Object.entries(example.inputs).map(([name, table]) => [name, cinExampleTable(table)]));
}

/** The fixture read by the engine's reader. */
export function cinFixtureInput(): CinInput {
  return readCinXml({ name: "fake_CIN_data.xml", text: readFileSync(CIN_FIXTURE, "utf8") }).tables;
}

/** The reference's findings on the fixture as rule|table|row keys. */
export function expectedCinFindings(): Set<string> {
  return new Set(expectedCinRows().map((r) => `${r.rule}|${r.table}|${String(r.row)}`));
}

/** The reference's findings on the fixture, with the child and columns. */
export function expectedCinRows(): { rule: string; table: string; row: number; childId: string; columns: string }[] {
  const text = readFileSync(path.join(CIN_SHARED, "expected", "fake_CIN_data.cin2025_26.csv"), "utf8");
  return text
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l !== "")
    .map((line) => {
      const [rule = "", table = "", row = "", childId = "", columns = ""] = line.split(",");
      return { rule, table, row: Number(row), childId, columns };
    });
}
