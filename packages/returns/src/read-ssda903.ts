/**
 * Reads a set of files a local authority hands over for one SSDA903 year: CSVs (one table each,
 * recognised by header) and/or the XML form. Files of the same table are merged in the order
 * given; files that are not SSDA903 tables are set aside with the reason, never guessed at.
 */
import { readSsda903Csv, type Ssda903File } from "./csv-reader.ts";
import { Ssda903FileError } from "./file-error.ts";
import { SSDA903_TABLE_NAMES, type Ssda903Row, type Ssda903Table, type Ssda903TableName } from "./ssda903-tables.ts";
import { readSsda903Xml } from "./xml-reader.ts";

/** Some or all of the tables of one year. */
export type Ssda903Tables = Partial<Record<Ssda903TableName, Ssda903Table>>;

/** What one readable file contributed. */
export interface Ssda903FileSummary {
  readonly name: string;
  readonly format: "csv" | "xml";
  readonly tables: readonly { readonly table: Ssda903TableName; readonly rows: number }[];
}

/** A file that was not read, and why (`line` where the problem is known to be). */
export interface UnrecognisedFile {
  readonly name: string;
  readonly reason: string;
  readonly line: number | null;
}

/** The outcome of reading a set of files. */
export interface Ssda903ReadResult {
  readonly tables: Ssda903Tables;
  readonly files: readonly Ssda903FileSummary[];
  readonly unrecognised: readonly UnrecognisedFile[];
  /** Notes that did not stop a file being read (e.g. unknown XML elements, a table given twice). */
  readonly warnings: readonly string[];
}

/** True when the file is the XML form: named .xml, or its text starts with "<". */
export function isXmlFile(file: Ssda903File): boolean {
  return /\.xml$/i.test(file.name) || file.text.replace(/^\uFEFF/, "").trimStart().startsWith("<");
}

/**
 * Merges two reads of the same table: rows of `a` then `b`; columns are `a`'s then any new ones
 * of `b`, and a row whose file lacked a column has null there.
 */
export function mergeTables(a: Ssda903Table, b: Ssda903Table): Ssda903Table {
  if (a.table !== b.table) throw new Error(`Cannot merge ${a.table} with ${b.table}.`);
  const columns = [...a.columns, ...b.columns.filter((c) => !a.columns.includes(c))];
  const fill = (row: Ssda903Row): Ssda903Row => {
    if (columns.every((c) => c in row.values)) return row;
    return { ...row, values: Object.fromEntries(columns.map((c) => [c, row.values[c] ?? null])) };
  };
  return { table: a.table, columns, rows: [...a.rows, ...b.rows].map(fill) };
}

/**
 * Reads SSDA903 files (CSV or XML, told apart by name or content) into tables, merging files of
 * the same table. Never throws for bad input: unreadable files are listed with their reason.
 */
export function readSsda903Files(files: readonly Ssda903File[]): Ssda903ReadResult {
  const tables: Ssda903Tables = {};
  const sources = new Map<Ssda903TableName, string[]>();
  const summaries: Ssda903FileSummary[] = [];
  const unrecognised: UnrecognisedFile[] = [];
  const warnings: string[] = [];

  const take = (name: string, table: Ssda903Table): void => {
    const existing = tables[table.table];
    tables[table.table] = existing === undefined ? table : mergeTables(existing, table);
    sources.set(table.table, [...(sources.get(table.table) ?? []), name]);
  };

  for (const file of files) {
    try {
      if (isXmlFile(file)) {
        const result = readSsda903Xml(file);
        const read = SSDA903_TABLE_NAMES.flatMap((name) => {
          const table = result.tables[name];
          return table === undefined ? [] : [table];
        });
        for (const table of read) take(file.name, table);
        warnings.push(...result.warnings.map((w) => `${file.name}: ${w}`));
        summaries.push({ name: file.name, format: "xml", tables: read.map((t) => ({ table: t.table, rows: t.rows.length })) });
      } else {
        const table = readSsda903Csv(file);
        take(file.name, table);
        summaries.push({ name: file.name, format: "csv", tables: [{ table: table.table, rows: table.rows.length }] });
      }
    } catch (error) {
      if (!(error instanceof Ssda903FileError)) throw error;
      unrecognised.push({ name: file.name, reason: error.message, line: error.line });
    }
  }
  for (const [table, names] of sources) {
    if (names.length > 1) warnings.push(`${table} was read from ${names.length} files (${names.join(", ")}) and merged.`);
  }
  return { tables, files: summaries, unrecognised, warnings };
}

/** A table name as the validation rules see it: this year's, or the previous year's (`_last`). */
export type Ssda903ValidationTableName = Ssda903TableName | `${Ssda903TableName}_last`;

/** One collection year's tables and, where given, the previous year's. */
export interface Ssda903Year {
  readonly current: Ssda903Tables;
  readonly previous?: Ssda903Tables;
}

/**
 * The tables of a year keyed as the validation rules name them: this year's by table name and
 * the previous year's with `_last` (e.g. `Episodes_last`), which the cross-year rules read.
 */
export function validationTables(year: Ssda903Year): Partial<Record<Ssda903ValidationTableName, Ssda903Table>> {
  const out: Partial<Record<Ssda903ValidationTableName, Ssda903Table>> = {};
  for (const name of SSDA903_TABLE_NAMES) {
    const current = year.current[name];
    const previous = year.previous?.[name];
    if (current !== undefined) out[name] = current;
    if (previous !== undefined) out[`${name}_last`] = previous;
  }
  return out;
}
