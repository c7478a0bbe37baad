/**
 * What a validation reports, shared by the SSDA903 and CIN census engines: one finding per rule,
 * table and row, with the child and the DfE message, and the CSV the command line and the web
 * app export (rule_code,table,row_id,child_id,columns,message).
 */
/** A rule as the DfE lists it. */
export interface RuleCatalogueEntry {
  readonly code: string;
  readonly message: string;
  /** The fields the rule names ("affected fields"). */
  readonly fields: readonly string[];
  /** The tables (SSDA903) or module (CIN) the rule is about. */
  readonly tables: readonly string[];
}

/** One row a rule found wrong. `row` is the 0-based data row of that table, header excluded. */
export interface Finding {
  readonly rule: string;
  readonly table: string;
  readonly row: number;
  readonly childId: string | null;
  readonly columns: readonly string[];
  readonly message: string;
}

/** A rule that could not run on this input, and why (e.g. a table it needs was not given). */
export interface SkippedRule {
  readonly rule: string;
  readonly reason: string;
}

/** The result of validating one return. */
export interface ValidationReport {
  readonly ruleset: string;
  readonly rulesRun: number;
  readonly findings: readonly Finding[];
  readonly skipped: readonly SkippedRule[];
  /** Rules that failed with an internal error: a defect in the engine, never the data's fault. */
  readonly errors: readonly SkippedRule[];
}

/** Reports progress through the rules: rules done so far, of all, and the one just run. */
export type ProgressListener = (done: number, total: number, rule: string) => void;

/** The CSV header of exported findings. */
export const FINDINGS_CSV_HEADER = ["rule_code", "table", "row_id", "child_id", "columns", "message"] as const;

/** A CSV field, quoted only when it holds a comma, quote or line break (RFC 4180). */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Findings as CSV lines, header first, in chunks of up to `chunk` lines joined with newlines:
 * a national return has over a million findings, so callers write chunk by chunk.
 */
export function* findingsCsvChunks(findings: readonly Finding[], chunk = 10_000): Generator<string> {
  yield `${FINDINGS_CSV_HEADER.join(",")}\n`;
  // Rules repeat their message and columns on every row: quote each once.
  const quoted = new Map<string, string>();
  const once = (text: string): string => {
    let q = quoted.get(text);
    if (q === undefined) {
      q = csvField(text);
      quoted.set(text, q);
    }
    return q;
  };
  // A rule's findings are consecutive: its leading and trailing fields are built once per run.
  let head = "";
  let tail = "";
  let last: Finding | undefined;
  for (let start = 0; start < findings.length; start += chunk) {
    const end = Math.min(findings.length, start + chunk);
    let text = "";
    for (let i = start; i < end; i++) {
      const f = findings[i];
      if (f === undefined) continue;
      if (last === undefined || f.rule !== last.rule || f.table !== last.table) head = `${once(f.rule)},${once(f.table)},`;
      if (last === undefined || f.columns !== last.columns || f.message !== last.message) tail = `,${once(f.columns.join(";"))},${once(f.message)}\n`;
      last = f;
      text += `${head}${String(f.row)},${f.childId === null ? "" : csvField(f.childId)}${tail}`;
    }
    yield text;
  }
}

/**
 * The same CSV as findingsCsvChunks, already UTF-8 encoded, in chunks of about `chunkBytes`: a
 * national return's findings are some 250 MB of text, and encoding each rule's repeated fields
 * once (instead of every line) is most of the cost of writing them.
 */
export function* findingsCsvBytes(findings: readonly Finding[], chunkBytes = 1 << 20): Generator<Uint8Array> {
  const ready: Uint8Array[] = [];
  const encoder = new FindingsCsvEncoder((chunk) => ready.push(chunk), chunkBytes);
  for (const f of findings) {
    encoder.add(f);
    if (ready.length > 0) yield* ready.splice(0);
  }
  encoder.finish();
  yield* ready;
}

/**
 * Encodes findings one by one as findingsCsvBytes does (header first), handing each chunk of
 * about `chunkBytes` to `emit` once full: findings can be written out as a validation makes
 * them, without being kept. Call finish() for the rest. With `reuse`, emit must be done with a
 * chunk when it returns (a synchronous write), and the next chunk is made in the same memory.
 */
export class FindingsCsvEncoder {
  private readonly encoder = new TextEncoder();
  private readonly encoded = new Map<string, Uint8Array>();
  private head: Uint8Array = new Uint8Array(0);
  private tail: Uint8Array = new Uint8Array(0);
  private last: Finding | undefined;
  private buf: Uint8Array;
  private at: number;

  constructor(
    private readonly emit: (chunk: Uint8Array) => void,
    private readonly chunkBytes = 1 << 20,
    private readonly reuse = false,
  ) {
    this.emit(this.encoder.encode(`${FINDINGS_CSV_HEADER.join(",")}\n`));
    this.buf = new Uint8Array(0);
    this.at = 0;
  }

  /** Adds a finding's line. */
  add(f: Finding): void {
    const last = this.last;
    // A rule's findings come together: its leading and trailing fields are encoded once per run.
    if (last === undefined || f.rule !== last.rule || f.table !== last.table) this.head = this.bytesOf(`${csvField(f.rule)},${csvField(f.table)},`);
    if (last === undefined || f.columns !== last.columns || f.message !== last.message) this.tail = this.bytesOf(`,${csvField(f.columns.join(";"))},${csvField(f.message)}\n`);
    this.last = f;
    const { head, tail } = this;
    const child = f.childId === null ? "" : f.childId;
    // Room for the line: a row number of up to 24 characters (String of any number), and a
    // quoted child id that may double its quotes, at up to 3 bytes a character.
    const room = head.length + 25 + 6 * (child.length + 1) + tail.length;
    if (this.at + room > this.buf.length) {
      const spare = this.buf;
      this.finish();
      this.buf = this.reuse && spare.length >= room ? spare : new Uint8Array(Math.max(this.chunkBytes, room));
    }
    const buf = this.buf;
    let at = this.at;
    buf.set(head, at);
    at += head.length;
    at = writeRow(buf, at, f.row);
    buf[at++] = COMMA;
    if (isPlainAscii(child)) at = writeAscii(buf, at, child);
    else at += this.encoder.encodeInto(csvField(child), buf.subarray(at)).written;
    buf.set(tail, at);
    this.at = at + tail.length;
  }

  /** Hands over what has been encoded since the last chunk. */
  finish(): void {
    if (this.at > 0) this.emit(this.buf.subarray(0, this.at));
    // The next line starts a new buffer: the chunk handed over may still be being written.
    this.buf = new Uint8Array(0);
    this.at = 0;
  }

  private bytesOf(text: string): Uint8Array {
    let b = this.encoded.get(text);
    if (b === undefined) {
      b = this.encoder.encode(text);
      this.encoded.set(text, b);
    }
    return b;
  }
}

const COMMA = 44;

/** True when every character is ASCII and none needs quoting in CSV. */
function isPlainAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || c === 34 || c === 44 || c === 10 || c === 13) return false;
  }
  return true;
}

/** Writes a row number as String() would (digits by hand for the usual whole numbers); returns the position after it. */
function writeRow(buf: Uint8Array, at: number, row: number): number {
  if (!(row >= 0 && row < 2_147_483_648 && Number.isInteger(row))) return writeAscii(buf, at, String(row));
  let digits = 1;
  for (let r = row; r >= 10; r = Math.floor(r / 10)) digits++;
  let r = row;
  for (let k = at + digits - 1; k >= at; k--) {
    buf[k] = 48 + (r % 10);
    r = Math.floor(r / 10);
  }
  return at + digits;
}

/** Writes ASCII text byte by byte; returns the position after it. */
function writeAscii(buf: Uint8Array, at: number, text: string): number {
  let i = at;
  for (let k = 0; k < text.length; k++) buf[i++] = text.charCodeAt(k);
  return i;
}

/** Findings as CSV with the header `rule_code,table,row_id,child_id,columns,message`. */
export function findingsToCsv(findings: readonly Finding[]): string {
  return [...findingsCsvChunks(findings)].join("");
}

/** How many rows each rule found, in the order the rules first appear. */
export interface RuleSummary {
  readonly rule: string;
  readonly message: string;
  readonly count: number;
  readonly tables: readonly string[];
}

/** Groups findings by rule: count, message and the tables involved. */
export function summariseFindings(findings: readonly Finding[]): RuleSummary[] {
  const byRule = new Map<string, { message: string; count: number; tables: Set<string> }>();
  for (const f of findings) {
    const entry = byRule.get(f.rule) ?? { message: f.message, count: 0, tables: new Set<string>() };
    entry.count++;
    entry.tables.add(f.table);
    byRule.set(f.rule, entry);
  }
  return [...byRule].map(([rule, e]) => ({ rule, message: e.message, count: e.count, tables: [...e.tables] }));
}
