/**
 * Generating a return and validating it in the same step: the SSDA903 tables (with last year's
 * as the `_last` tables the cross-year rules read) or the CIN census, run through the DfE
 * ruleset of the year, and the findings grouped by rule with each row's child linked back to the
 * person on record.
 */
import type { ReturnKind, ReturnRun } from "@family-story/schemas";
import {
  cinCensusToXml,
  ssda903Files,
  ssda903Metadata,
  validateSsda903,
  type Finding,
  type Ssda903Input,
  type Ssda903Ruleset,
  type ValidationReport,
} from "@family-story/returns";
import { collectionYearSpan } from "@family-story/domain";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/database-types.ts";
import { validateCinCensus, CIN_RULESET } from "./cin-validation.ts";
import { generateCinCensus } from "./cin-generate.ts";
import { generateSsda903Year } from "./ssda903-generate.ts";
import type { YearSpan } from "./ssda903-queries.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** The CIN census file's name. */
export const CIN_FILE_NAME = "cin-census.xml";

/** One generated file with its text. */
export interface GeneratedFile {
  readonly name: string;
  readonly table: string;
  readonly rows: number;
  readonly text: string;
}

/** A generated return: its files, the ruleset it is validated by, and CHILD → person. */
export interface GeneratedReturn {
  readonly kind: ReturnKind;
  readonly ruleset: string;
  readonly files: readonly GeneratedFile[];
  readonly personOf: ReadonlyMap<string, string>;
  /** Validates the return (kept lazy: a file download does not need it). */
  readonly validate: () => ValidationReport;
}

/** The 2025/26 collection is validated by its own rules; every other year by the latest (2026/27). */
export function ssda903RulesetFor(year: number): Ssda903Ruleset {
  return year === 2025 ? "lac2025_26" : "lac2026_27";
}

export function yearSpan(year: number): YearSpan {
  return { year, ...collectionYearSpan(year) };
}

async function generateSsda903(db: Db, laCode: string, year: number): Promise<GeneratedReturn> {
  const current = await generateSsda903Year(db, laCode, yearSpan(year));
  const previous = await generateSsda903Year(db, laCode, yearSpan(year - 1));
  const input: Ssda903Input = { ...current.tables };
  // Last year's tables only when there was a last year on record: empty ones would read as a return with no children.
  if (previous.tables.Episodes.rows.length > 0) for (const [name, table] of Object.entries(previous.tables)) input[`${name as keyof typeof previous.tables}_last`] = table;
  const ruleset = ssda903RulesetFor(year);
  return {
    kind: "ssda903",
    ruleset,
    files: ssda903Files(current.tables),
    personOf: new Map([...previous.personOf, ...current.personOf]),
    validate: () => validateSsda903(input, { ruleset, metadata: ssda903Metadata({ year, localAuthority: laCode, fileFormat: "csv" }) }),
  };
}

async function generateCin(db: Db, laCode: string, year: number, now: Date): Promise<GeneratedReturn> {
  const generated = await generateCinCensus(db, laCode, yearSpan(year), { lea: laCode, dateTime: `${now.toISOString().slice(0, 19)}Z`, release: "1" });
  const text = cinCensusToXml(generated.census);
  return {
    kind: "cin",
    ruleset: CIN_RULESET,
    files: [{ name: CIN_FILE_NAME, table: "CINcensus", rows: generated.census.children.length, text }],
    personOf: generated.personOf,
    validate: () => validateCinCensus(text, year),
  };
}

/** Generates the return of a kind for the authority and collection year. */
export function generateReturn(db: Db, kind: ReturnKind, laCode: string, year: number, now: Date = new Date()): Promise<GeneratedReturn> {
  switch (kind) {
    case "ssda903":
      return generateSsda903(db, laCode, year);
    case "cin":
      return generateCin(db, laCode, year, now);
  }
}

/** The API's view of a validated return: findings by rule, each row linked to its person. */
export function presentReturnRun(generated: GeneratedReturn, report: ValidationReport, laCode: string, year: number, generatedAt: Date): ReturnRun {
  const byRule = new Map<string, { message: string; findings: Finding[] }>();
  for (const f of report.findings) {
    const entry = byRule.get(f.rule);
    if (entry === undefined) byRule.set(f.rule, { message: f.message, findings: [f] });
    else entry.findings.push(f);
  }
  return {
    kind: generated.kind,
    la: laCode,
    year,
    ruleset: report.ruleset,
    generatedAt: generatedAt.toISOString(),
    files: generated.files.map((f) => ({ name: f.name, table: f.table, rows: f.rows })),
    rulesRun: report.rulesRun,
    findingCount: report.findings.length,
    rules: [...byRule].map(([rule, e]) => ({
      rule,
      message: e.message,
      count: e.findings.length,
      findings: e.findings.map((f) => ({ table: f.table, row: f.row, childId: f.childId, columns: [...f.columns], personId: f.childId === null ? null : (generated.personOf.get(f.childId) ?? null) })),
    })),
    // A rule that failed inside the engine could not run either: listed with the skipped, with its reason.
    skipped: [...report.skipped, ...report.errors].map((s) => ({ rule: s.rule, reason: s.reason })),
  };
}
