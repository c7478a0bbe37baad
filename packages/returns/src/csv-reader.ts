/**
 * Reads one SSDA903 CSV file into a table. Parsing (quotes, embedded newlines, CRLF) is done by
 * papaparse, which runs unchanged in Node and the browser; this module adds what the return
 * needs: the table recognised from the header, values trimmed with blanks as null, and every
 * row tied to the line it starts on so a problem can be reported where the user will find it.
 */
import Papa from "papaparse";
import { Ssda903FileError } from "./file-error.ts";
import { recogniseTable, type Ssda903Row, type Ssda903Table, type Ssda903Value } from "./ssda903-tables.ts";

/** A file handed to the readers: its name (for messages) and its text. */
export interface Ssda903File {
  readonly name: string;
  readonly text: string;
}

/** A trimmed cell, or null when it is blank. */
export function cellValue(raw: string | undefined): Ssda903Value {
  const value = raw?.trim() ?? "";
  return value === "" ? null : value;
}

/**
 * Parses a CSV file of the SSDA903 return. The table is recognised from the header columns
 * (a byte order mark, surrounding spaces, any column order and extra columns are fine). Blank
 * lines are skipped. Throws Ssda903FileError naming the file and line when the header matches
 * no table, a quote is left open, or a row has more or fewer cells than the header.
 */
export function readSsda903Csv(file: Ssda903File): Ssda903Table {
  const text = file.text.replace(/^\uFEFF/, "");
  const parsed = Papa.parse<string[]>(text, { delimiter: ",", skipEmptyLines: false });
  const lines = startLines(parsed.data);
  const quoteError = parsed.errors.find((e) => e.type === "Quotes");
  if (quoteError !== undefined) {
    const at = quoteError.row === undefined ? null : (lines[quoteError.row] ?? null);
    throw new Ssda903FileError(file.name, at, `${quoteError.message} (a double quote is not closed or is misplaced).`);
  }

  const headerIndex = parsed.data.findIndex((cells) => !isBlank(cells));
  const headerCells = parsed.data[headerIndex];
  if (headerCells === undefined) throw new Ssda903FileError(file.name, null, "The file is empty: there is no header line.");
  const headerLine = lines[headerIndex] ?? 1;
  const width = trimmedWidth(headerCells);
  const recognition = recogniseTable(headerCells.slice(0, width));
  if (!recognition.ok) throw new Ssda903FileError(file.name, headerLine, recognition.reason);
  if (recognition.columns.includes("")) {
    throw new Ssda903FileError(file.name, headerLine, "The header has a blank column name between named columns.");
  }

  const { columns } = recognition;
  const rows: Ssda903Row[] = [];
  for (let i = headerIndex + 1; i < parsed.data.length; i++) {
    const cells = parsed.data[i] ?? [];
    if (isBlank(cells)) continue;
    const line = lines[i] ?? 0;
    if (trimmedWidth(cells) > columns.length || cells.length < columns.length) {
      throw new Ssda903FileError(file.name, line, `The row has ${cells.length} cells but the header has ${columns.length} columns.`);
    }
    const values: Record<string, Ssda903Value> = {};
    columns.forEach((column, c) => {
      values[column] = cellValue(cells[c]);
    });
    rows.push({ file: file.name, line, values });
  }
  return { table: recognition.table, columns, rows };
}

/** A line with nothing on it, or only spaces (papaparse gives it as one empty cell). */
function isBlank(cells: readonly string[]): boolean {
  return cells.length <= 1 && (cells[0] ?? "").trim() === "";
}

/** The number of cells once trailing blank cells (a trailing comma from a spreadsheet) are dropped. */
function trimmedWidth(cells: readonly string[]): number {
  let width = cells.length;
  while (width > 0 && (cells[width - 1] ?? "").trim() === "") width--;
  return width;
}

/**
 * The 1-based line each parsed record starts on. A record spans one line plus one for every
 * newline inside its quoted cells, so the count needs no byte offsets from the parser.
 */
function startLines(records: readonly (readonly string[])[]): number[] {
  const starts: number[] = [];
  let line = 1;
  for (const cells of records) {
    starts.push(line);
    line += 1;
    for (const cell of cells) line += countNewlines(cell);
  }
  return starts;
}

function countNewlines(cell: string): number {
  let n = 0;
  for (let i = cell.indexOf("\n"); i >= 0; i = cell.indexOf("\n", i + 1)) n++;
  return n;
}
