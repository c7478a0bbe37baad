/**
 * Test support: the DfE specification data in ../shared/returns (rule examples, fixtures and the
 * reference's findings). Only tests and benchmarks read it; the product never does.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { normalisePostcode } from "@family-story/domain";
import { createPostcodeLookup, parseOnsPostcodeLine, readOnsPostcodeHeader, type OnsPostcodeRecord } from "../src/ons-postcodes.ts";
import { withPlacementFields, type PostcodeLookup } from "../src/postcode-distance.ts";
import { readSsda903Files } from "../src/read-ssda903.ts";
import { dayFromReturnDate } from "../src/validation/day.ts";
import type { Finding } from "../src/validation/findings.ts";
import { ssda903Input, type EngineTable, type Ssda903Input } from "../src/ssda903/engine-table.ts";
import type { Ssda903Metadata } from "../src/ssda903/metadata.ts";

/** The shared returns directory. */
export const SHARED_RETURNS = path.resolve(import.meta.dirname, "../../../../shared/returns");
/** The synthetic 2017/18 903 files. */
export const SSDA903_FIXTURES = path.join(SHARED_RETURNS, "ssda903", "fixtures", "fake-2017-18");

type Cell = string | number | boolean | null;
/** A table as the examples give it. */
export interface ExampleTable {
  readonly columns: readonly string[];
  readonly index: readonly (number | string)[];
  readonly rows: readonly (readonly Cell[])[];
}
/** One worked example of a rule. */
export interface Ssda903Example {
  readonly inputs: Readonly<Record<string, ExampleTable | Readonly<Record<string, unknown>>>>;
  readonly expected: Readonly<Record<string, readonly (number | string)[]>>;
}
/** A rule's entry in the examples file. */
export interface Ssda903ExampleRule {
  readonly rule_code: string;
  readonly message: string;
  readonly examples: readonly Ssda903Example[];
}

/** Every rule's worked examples for lac2026_27. */
export function ssda903ExampleRules(): Ssda903ExampleRule[] {
  const file = path.join(SHARED_RETURNS, "ssda903", "rule-examples-lac2026_27.json");
  return (JSON.parse(readFileSync(file, "utf8")) as { rules: Ssda903ExampleRule[] }).rules;
}

// An explicit '' in an example is a value that was filled in wrongly, not a blank: the
// reference tells the two apart (a blank may be allowed where an empty string is not).
const cell = (value: Cell): string | null => (value === null ? null : String(value).trim());

/** An example table as the engine reads it (cells as trimmed strings, blank as null). */
export function exampleTable(table: ExampleTable): EngineTable {
  return {
    columns: table.columns,
    rows: table.rows.map((row) => Object.fromEntries(table.columns.map((c, i) => [c, cell(row[i] ?? null)]))),
  };
}

function isTable(value: unknown): value is ExampleTable {
  return typeof value === "object" && value !== null && "columns" in value && "rows" in value;
}

/** An example's tables and metadata as the engine takes them. */
export function exampleInput(example: Ssda903Example): { input: Ssda903Input; metadata: Ssda903Metadata } {
  const input: Record<string, EngineTable> = {};
  let meta: Readonly<Record<string, unknown>> = {};
  for (const [name, value] of Object.entries(example.inputs)) {
    if (name === "metadata") meta = value as Record<string, unknown>;
    else if (isTable(value)) input[name] = exampleTable(value);
  }
  const text = (key: string): string | null => (typeof meta[key] === "string" || typeof meta[key] === "number" ? String(meta[key]) : null);
  const provider = meta.provider_info;
  return {
    input,
    metadata: {
      collectionStart: dayFromReturnDate(text("collection_start")),
      collectionEnd: dayFromReturnDate(text("collection_end")),
      collectionYear: text("collectionYear"),
      localAuthority: text("localAuthority"),
      fileFormat: text("file_format") === "xml" ? "xml" : "csv",
      providerInfo: isTable(provider) ? exampleTable(provider) : null,
    },
  };
}

/** Maps the engine's row positions back to an example table's index labels. */
export function exampleLabels(example: Ssda903Example, table: string, rows: readonly number[]): (number | string)[] {
  const t = example.inputs[table];
  return isTable(t) ? rows.map((r) => t.index[r] ?? r) : [...rows];
}

/** The ONS Postcode Directory extract the reference derived the placement fields from. */
export const ONS_POSTCODES = path.resolve(SHARED_RETURNS, "..", "reference", "ons-postcodes.csv.gz");

/** A lookup of the wanted postcodes from the shared ONS directory (read once, filtered by first column). */
export function sharedPostcodeLookup(wanted: ReadonlySet<string>): PostcodeLookup {
  const lines = gunzipSync(readFileSync(ONS_POSTCODES)).toString("utf8").split("\n");
  const layout = readOnsPostcodeHeader(lines[0] ?? "");
  const records: OnsPostcodeRecord[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const comma = line.indexOf(",");
    if (comma < 0 || !wanted.has(normalisePostcode(line.slice(0, comma)))) continue;
    const record = parseOnsPostcodeLine(line, layout);
    if (record !== null) records.push(record);
  }
  return createPostcodeLookup(records);
}

/**
 * The 2017/18 fixture CSVs as the engine reads them (no previous year), with PL_LA, PL_LOCATION
 * and PL_DISTANCE derived from the shared ONS directory as the reference derived them.
 */
export function ssda903FixtureInput(options: { derivePlacements?: boolean } = {}): Ssda903Input {
  const files = readdirSync(SSDA903_FIXTURES)
    .filter((n) => n.endsWith(".csv"))
    .map((name) => ({ name, text: readFileSync(path.join(SSDA903_FIXTURES, name), "utf8") }));
  const tables = readSsda903Files(files).tables;
  const episodes = tables.Episodes;
  if (options.derivePlacements === false || episodes === undefined) return ssda903Input({ current: tables });
  const wanted = new Set<string>();
  for (const row of episodes.rows) for (const p of [row.values.HOME_POST, row.values.PL_POST]) if (p != null) wanted.add(normalisePostcode(p));
  const derived = withPlacementFields(episodes, { lookup: sharedPostcodeLookup(wanted), returningAuthority: "E09000027" });
  return ssda903Input({ current: { ...tables, Episodes: derived } });
}

/** One expected (rule_code, table, row_id) key. */
export const findingKey = (rule: string, table: string, row: number | string): string => `${rule}|${table}|${String(row)}`;

/** The reference's findings on the fixture for a ruleset, as keys. */
export function expectedFixtureFindings(ruleset: string): Set<string> {
  const text = readFileSync(path.join(SHARED_RETURNS, "ssda903", "expected", `fake-2017-18.${ruleset}.csv`), "utf8");
  const keys = new Set<string>();
  for (const line of text.split(/\r?\n/).slice(1)) {
    if (line === "") continue;
    const [rule = "", table = "", row = ""] = line.split(",");
    keys.add(findingKey(rule, table, row));
  }
  return keys;
}

/**
 * Rules where the engine deliberately differs from the reference (docs/returns.md):
 * 233 reads DATE_EPISODE_CEASED in the reference, a column the return does not have, so the
 * reference never reports it; the engine applies the DfE rule to DEC and reports every open
 * episode that gives a reason for a placement change.
 */
export const KNOWN_REFERENCE_DEFECTS: ReadonlySet<string> = new Set(["233"]);

/** Per rule: what the engine reports that the reference does not (extra) and what it misses. */
export interface RuleParity {
  readonly rule: string;
  readonly extra: readonly string[];
  readonly missing: readonly string[];
}

/** Compares findings with expected keys, rule by rule (only rules in `codes` when given). */
export function parityByRule(findings: readonly Finding[], expected: ReadonlySet<string>, codes?: ReadonlySet<string>): RuleParity[] {
  const actual = new Set(findings.map((f) => findingKey(f.rule, f.table, f.row)));
  const rules = new Map<string, { extra: string[]; missing: string[] }>();
  const entry = (rule: string): { extra: string[]; missing: string[] } => {
    let e = rules.get(rule);
    if (e === undefined) {
      e = { extra: [], missing: [] };
      rules.set(rule, e);
    }
    return e;
  };
  const rule = (key: string): string => key.slice(0, key.indexOf("|"));
  for (const key of actual) if (!expected.has(key) && (codes === undefined || codes.has(rule(key)))) entry(rule(key)).extra.push(key);
  for (const key of expected) if (!actual.has(key) && (codes === undefined || codes.has(rule(key)))) entry(rule(key)).missing.push(key);
  return [...rules].map(([r, e]) => ({ rule: r, ...e })).sort((a, b) => a.rule.localeCompare(b.rule));
}
