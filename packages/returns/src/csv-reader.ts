/**
 * Reads one SSDA903 CSV file into a table. Parsing (quotes, embedded newlines, CRLF) is done by
 * papaparse, which runs unchanged in Node and the browser, except for a file without quotes,
 * which is split by line and comma here exactly as papaparse would (national returns are
 * hundreds of thousands of such lines). This module adds what the return needs: the table
 * recognised from the header, values trimmed with blanks as null, and every row tied to the
 * line it starts on so a problem can be reported where the user will find it.
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
  // Returns are almost always written without quotes: then a line is a record and a comma a
  // cell boundary, which is read here directly (as papaparse's own quote-free mode does) without
  // holding every record's cells at once.
  if (!text.includes('"')) return tableFromRecords(file.name, plainRecords(text));
  const parsed = Papa.parse<string[]>(text, { delimiter: ",", skipEmptyLines: false });
  const lines = startLines(parsed.data);
  const quoteError = parsed.errors.find((e) => e.type === "Quotes");
  if (quoteError !== undefined) {
    const at = quoteError.row === undefined ? null : (lines[quoteError.row] ?? null);
    throw new Ssda903FileError(file.name, at, `${quoteError.message} (a double quote is not closed or is misplaced).`);
  }
  const cells = (i: number): readonly string[] => parsed.data[i] ?? [];
  return tableFromRecords(file.name, { count: parsed.data.length, cells, values: (i, columns) => valuesOfCells(cells(i), columns), line: (i) => lines[i] ?? 0 });
}

/**
 * A record's values by column; null for a blank line; the number of cells when they do not fit
 * the header (fewer cells, or more that are not blank).
 */
type RecordValues = Record<string, Ssda903Value> | null | number;

/** Parsed records: how many, the cells and values of each and the 1-based line each starts on. */
interface CsvRecords {
  readonly count: number;
  readonly cells: (index: number) => readonly string[];
  readonly values: (index: number, columns: readonly string[]) => RecordValues;
  readonly line: (index: number) => number;
}

/** A record's values from its cells. */
function valuesOfCells(cells: readonly string[], columns: readonly string[]): RecordValues {
  if (isBlank(cells)) return null;
  if (trimmedWidth(cells) > columns.length || cells.length < columns.length) return cells.length;
  const values: Record<string, Ssda903Value> = {};
  for (let c = 0; c < columns.length; c++) values[columns[c] ?? ""] = cellValue(cells[c]);
  return values;
}

const CACHE_SIZE = 1 << 14;
/** Codes and dates are short; longer text (addresses, notes) is seldom repeated. */
const CACHED_LENGTH = 12;

/**
 * Recently read cell values by a hash of their text. A national return repeats the same codes
 * and dates hundreds of thousands of times: taking the earlier string when the text is the same
 * saves making (and the garbage collector moving) a new one for each cell.
 */
class CellCache {
  private readonly slots = new Array<string | undefined>(CACHE_SIZE).fill(undefined);

  /** The cell `line[start, end)`, trimmed; null when blank. */
  cell(line: string, start: number, end: number): Ssda903Value {
    const n = end - start;
    if (n === 0) return null;
    const first = line.charCodeAt(start);
    const last = line.charCodeAt(end - 1);
    // Text that trim() could change (a space or other white space at an end) is read as it always was.
    if (n > CACHED_LENGTH || first <= 32 || first >= 127 || last <= 32 || last >= 127) {
      const value = line.substring(start, end).trim();
      return value === "" ? null : value;
    }
    let hash = n;
    for (let k = start; k < end; k++) hash = Math.imul(hash, 31) + line.charCodeAt(k);
    const slot = (hash ^ (hash >>> 15)) & (CACHE_SIZE - 1);
    const known = this.slots[slot];
    if (known?.length === n && line.startsWith(known, start)) return known;
    const value = line.substring(start, end);
    this.slots[slot] = value;
    return value;
  }
}

/** The same as valuesOfCells(line.split(",")), without making the array of cells. */
function valuesOfLine(line: string, columns: readonly string[], cache: CellCache): RecordValues {
  let commas = 0;
  for (let at = line.indexOf(","); at >= 0; at = line.indexOf(",", at + 1)) commas++;
  if (commas === 0 && line.trim() === "") return null;
  const width = commas + 1;
  if (width < columns.length) return width;
  const values: Record<string, Ssda903Value> = {};
  let start = 0;
  for (let c = 0; c < width; c++) {
    let end = line.indexOf(",", start);
    if (end < 0) end = line.length;
    const cell = cache.cell(line, start, end);
    start = end + 1;
    if (c < columns.length) values[columns[c] ?? ""] = cell;
    else if (cell !== null) return width;
  }
  return values;
}

/** The header, then every non-blank record as a row of the recognised table. */
function tableFromRecords(name: string, records: CsvRecords): Ssda903Table {
  let headerIndex = 0;
  let headerCells: readonly string[] | undefined;
  for (; headerIndex < records.count; headerIndex++) {
    const cells = records.cells(headerIndex);
    if (!isBlank(cells)) {
      headerCells = cells;
      break;
    }
  }
  if (headerCells === undefined) throw new Ssda903FileError(name, null, "The file is empty: there is no header line.");
  const headerLine = records.line(headerIndex);
  const width = trimmedWidth(headerCells);
  const recognition = recogniseTable(headerCells.slice(0, width));
  if (!recognition.ok) throw new Ssda903FileError(name, headerLine, recognition.reason);
  if (recognition.columns.includes("")) {
    throw new Ssda903FileError(name, headerLine, "The header has a blank column name between named columns.");
  }

  const { columns } = recognition;
  const rows: Ssda903Row[] = [];
  for (let i = headerIndex + 1; i < records.count; i++) {
    const values = records.values(i, columns);
    if (values === null) continue;
    const line = records.line(i);
    if (typeof values === "number") throw new Ssda903FileError(name, line, `The row has ${values} cells but the header has ${columns.length} columns.`);
    rows.push({ file: name, line, values });
  }
  return { table: recognition.table, columns, rows };
}

/** The records of a text without quotes: its lines, split at commas. */
function plainRecords(text: string): CsvRecords {
  const newline = guessLineEnding(text);
  const lines = text === "" ? [] : text.split(newline);
  const starts = new Float64Array(lines.length);
  let line = 1;
  for (let i = 0; i < lines.length; i++) {
    starts[i] = line;
    line += 1 + countNewlines(lines[i] ?? "");
  }
  const cache = new CellCache();
  return { count: lines.length, cells: (i) => (lines[i] ?? "").split(","), values: (i, columns) => valuesOfLine(lines[i] ?? "", columns, cache), line: (i) => starts[i] ?? 0 };
}

/**
 * The line ending papaparse settles on for a text without quotes, from its first megabyte:
 * "\n" unless carriage returns come first, then "\r\n" when most are followed by "\n", else "\r".
 */
function guessLineEnding(text: string): string {
  const head = text.substring(0, 1024 * 1024);
  const r = head.split("\r");
  const n = head.indexOf("\n");
  if (r.length === 1 || (n >= 0 && n < (r[0] ?? "").length)) return "\n";
  let withN = 0;
  for (const piece of r) if (piece.startsWith("\n")) withN++;
  return withN >= r.length / 2 ? "\r\n" : "\r";
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
