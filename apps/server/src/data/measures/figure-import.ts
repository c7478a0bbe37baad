/**
 * Reading and saving a CSV file of external measure figures. Every row is checked on its own:
 * a bad row is reported with its line, the column at fault and why, and the good rows are saved
 * (an upsert by measure, authority and period, so importing the same file again changes
 * nothing and figures not in the file are kept).
 */
import { figureProblems, isIsoDate, measureById, type FigureField } from "@family-story/domain";
import { MEASURE_IMPORT_COLUMNS, type MeasureImportProblem } from "@family-story/schemas";
import { sql, type Transaction } from "kysely";
import Papa from "papaparse";
import type { Database } from "../../db/database-types.ts";

/** A row that passed every check, ready to save. */
export interface FigureRow {
  line: number;
  measureId: string;
  laCode: string;
  periodStart: string;
  periodEnd: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  source: string;
  sourceDate: string;
  note: string | null;
}

export interface FigureCsv {
  /** Data rows read (blank lines skipped). */
  read: number;
  rows: FigureRow[];
  /** Lines with at least one problem. */
  rejected: number;
  problems: MeasureImportProblem[];
}

type Column = (typeof MEASURE_IMPORT_COLUMNS)[number];
const REQUIRED: readonly Column[] = ["measure_id", "la_code", "period_start", "period_end", "value", "source", "source_date"];
const COLUMN_OF_FIELD: Record<FigureField, Column> = {
  measureId: "measure_id",
  periodEnd: "period_end",
  value: "value",
  numerator: "numerator",
  denominator: "denominator",
  sourceDate: "source_date",
};

/** The records of the file with the line each starts on (a quoted cell may hold line breaks). */
function records(text: string): { cells: string[]; line: number }[] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { delimiter: ",", skipEmptyLines: false });
  let line = 1;
  return parsed.data.map((cells) => {
    const record = { cells, line };
    line += 1 + cells.reduce((n, c) => n + (c.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
    return record;
  });
}

/** A number as people write it in a spreadsheet: "1,234.5" and " 65 " are fine, "65%" is not. */
function parseNumber(raw: string): number | null {
  const text = raw.trim().replace(/,/g, "");
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) return null;
  return Number(text);
}

/** Checks one data row; returns the figure or the problems with it. */
function checkRow(values: Record<Column, string>, line: number, laCodes: readonly string[]): FigureRow | MeasureImportProblem[] {
  const problems: MeasureImportProblem[] = [];
  const fail = (column: Column, message: string) => problems.push({ line, column, message });
  for (const column of REQUIRED) if (values[column] === "") fail(column, "Enter a value");
  const date = (column: Column): string => {
    const v = values[column];
    if (v !== "" && !isIsoDate(v)) fail(column, "Enter a real date as YYYY-MM-DD");
    return v;
  };
  const number = (column: Column): number | null => {
    const v = values[column];
    if (v === "") return null;
    const n = parseNumber(v);
    if (n === null) fail(column, "Enter a number");
    return n;
  };
  const measure = values.measure_id === "" ? undefined : measureById(values.measure_id);
  if (values.measure_id !== "" && measure === undefined) fail("measure_id", `There is no measure ${values.measure_id}`);
  if (values.la_code !== "" && !laCodes.includes(values.la_code)) fail("la_code", `${values.la_code} is not an authority you work in`);
  const periodStart = date("period_start");
  const periodEnd = date("period_end");
  const sourceDate = date("source_date");
  const value = number("value");
  const numerator = number("numerator");
  const denominator = number("denominator");
  if (values.source.length > 200) fail("source", "Must be 200 characters or fewer");
  if (values.note.length > 500) fail("note", "Must be 500 characters or fewer");
  if (problems.length > 0 || measure === undefined || value === null) return problems;
  const figure = { periodStart, periodEnd, value, numerator, denominator, sourceDate };
  const checked = figureProblems(measure, figure).map((p) => ({ line, column: COLUMN_OF_FIELD[p.field], message: p.message }));
  if (checked.length > 0) return checked;
  return { line, measureId: measure.id, laCode: values.la_code, ...figure, source: values.source, note: values.note === "" ? null : values.note };
}

/**
 * Reads a figures file: a header naming the columns (any order; numerator, denominator and note
 * may be left out), then one figure a row. Rows for an authority outside laCodes are refused.
 */
export function readFigureCsv(text: string, laCodes: readonly string[]): FigureCsv {
  const all = records(text);
  const header = all[0];
  if (header === undefined || header.cells.every((c) => c.trim() === "")) return { read: 0, rows: [], rejected: 0, problems: [{ line: 1, column: null, message: "The file has no header row" }] };
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const headerProblems: MeasureImportProblem[] = [
    ...REQUIRED.filter((c) => !names.includes(c)).map((c) => ({ line: 1, column: c, message: `The header has no ${c} column` })),
    ...names.filter((n) => !(MEASURE_IMPORT_COLUMNS as readonly string[]).includes(n)).map((n) => ({ line: 1, column: n, message: `Unknown column ${n}: the columns are ${MEASURE_IMPORT_COLUMNS.join(", ")}` })),
  ];
  if (headerProblems.length > 0) return { read: 0, rows: [], rejected: 0, problems: headerProblems };

  const rows: FigureRow[] = [];
  const problems: MeasureImportProblem[] = [];
  const seen = new Map<string, number>();
  let read = 0;
  let rejected = 0;
  for (const { cells, line } of all.slice(1)) {
    if (cells.every((c) => c.trim() === "")) continue;
    read++;
    if (cells.length !== names.length) {
      problems.push({ line, column: null, message: `The row has ${String(cells.length)} cells; the header has ${String(names.length)}` });
      rejected++;
      continue;
    }
    const values = Object.fromEntries(MEASURE_IMPORT_COLUMNS.map((c) => [c, (cells[names.indexOf(c)] ?? "").trim()])) as Record<Column, string>;
    const checked = checkRow(values, line, laCodes);
    if (Array.isArray(checked)) {
      problems.push(...checked);
      rejected++;
      continue;
    }
    const key = `${checked.measureId}|${checked.laCode}|${checked.periodStart}|${checked.periodEnd}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({ line, column: null, message: `Repeats the figure on line ${String(earlier)} (the same measure, authority and period)` });
      rejected++;
      continue;
    }
    seen.set(key, line);
    rows.push(checked);
  }
  return { read, rows, rejected, problems };
}

/** Saves figures in the caller's transaction; a figure already there with the same values is left alone. */
export async function upsertFigures(trx: Transaction<Database>, rows: readonly FigureRow[], by: { userId: string | null; jobId: string | null }): Promise<{ inserted: number; updated: number }> {
  if (rows.length === 0) return { inserted: 0, updated: 0 };
  const result = await trx
    .insertInto("measure_value")
    .values(
      rows.map((r) => ({
        la_code: r.laCode,
        measure_id: r.measureId,
        period_start: r.periodStart,
        period_end: r.periodEnd,
        value: r.value,
        numerator: r.numerator,
        denominator: r.denominator,
        source: r.source,
        source_date: r.sourceDate,
        note: r.note,
        import_job_id: by.jobId,
        updated_by: by.userId,
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(["la_code", "measure_id", "period_start", "period_end"])
        .doUpdateSet({
          value: sql`excluded.value`,
          numerator: sql`excluded.numerator`,
          denominator: sql`excluded.denominator`,
          source: sql`excluded.source`,
          source_date: sql`excluded.source_date`,
          note: sql`excluded.note`,
          import_job_id: sql`excluded.import_job_id`,
          updated_by: sql`excluded.updated_by`,
          version: sql`measure_value.version + 1`,
          updated_at: sql`now()`,
        })
        .where(
          sql<boolean>`(measure_value.value, measure_value.numerator, measure_value.denominator, measure_value.source, measure_value.source_date, measure_value.note) IS DISTINCT FROM (excluded.value, excluded.numerator, excluded.denominator, excluded.source, excluded.source_date, excluded.note)`,
        ),
    )
    .returning(sql<boolean>`(xmax = 0)`.as("fresh"))
    .execute();
  const inserted = result.filter((r) => r.fresh).length;
  return { inserted, updated: result.length - inserted };
}
