/**
 * The cached views of a validation's tables that both engines' contexts share: whether a table
 * was given, its rows, one column's values (every column of a table read in one pass over its
 * rows, much quicker on a national table than a pass per column) and date columns as day numbers.
 */
import type { Day } from "./day.ts";

/** A table as the rules see it: column names and rows of trimmed values (null = blank). */
export interface ViewTable {
  readonly columns: readonly string[];
  readonly rows: readonly Readonly<Record<string, string | null>>[];
}

const EMPTY: readonly Readonly<Record<string, string | null>>[] = Object.freeze([]);

/** Tables by name, with cached column and date views. */
export class TableViews<Name extends string, Table extends ViewTable> {
  private readonly valueCache = new Map<string, readonly (string | null)[]>();
  private readonly dayCache = new Map<string, Float64Array>();
  private readonly tablesRead = new Set<string>();

  constructor(readonly input: Partial<Record<Name, Table>>) {}

  /** True when every named table was given (an empty table counts as given). */
  has(...tables: readonly Name[]): boolean {
    return tables.every((t) => this.input[t] !== undefined);
  }

  /** A table, or undefined when it was not given. */
  table(name: Name): Table | undefined {
    return this.input[name];
  }

  /** A table's rows; none when it was not given. */
  rows(name: Name): Table["rows"] {
    return this.input[name]?.rows ?? EMPTY;
  }

  /** True when the table was given and has the column. */
  hasColumn(name: Name, column: string): boolean {
    return this.input[name]?.columns.includes(column) ?? false;
  }

  /** One column's values, row by row (null for blank or a missing column). */
  values(name: Name, column: string): readonly (string | null)[] {
    const key = `${name}\u0000${column}`;
    let cached = this.valueCache.get(key);
    if (cached === undefined) {
      const columns = this.input[name]?.columns ?? [];
      if (columns.includes(column) && !this.tablesRead.has(name)) {
        this.readColumns(name, columns);
        cached = this.valueCache.get(key);
      }
      if (cached === undefined) {
        const rows = this.rows(name);
        const out = new Array<string | null>(rows.length);
        for (let i = 0; i < rows.length; i++) out[i] = rows[i]?.[column] ?? null;
        cached = out;
        this.valueCache.set(key, cached);
      }
    }
    return cached;
  }

  /** Caches every column of a table in one pass over its rows. */
  private readColumns(name: Name, columns: readonly string[]): void {
    const rows = this.rows(name);
    const out = columns.map(() => new Array<string | null>(rows.length));
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      for (let c = 0; c < columns.length; c++) {
        const values = out[c];
        if (values !== undefined) values[i] = row?.[columns[c] ?? ""] ?? null;
      }
    }
    this.tablesRead.add(name);
    columns.forEach((column, c) => {
      const key = `${name}\u0000${column}`;
      if (!this.valueCache.has(key)) this.valueCache.set(key, out[c] ?? []);
    });
  }

  /** One date column as day numbers by the engine's date reading, row by row (NaN for blank or invalid). */
  protected parsedDays(name: Name, column: string, parse: (value: string | null) => Day): Float64Array {
    const key = `${name}\u0000${column}`;
    let cached = this.dayCache.get(key);
    if (cached === undefined) {
      const values = this.values(name, column);
      cached = new Float64Array(values.length);
      for (let i = 0; i < values.length; i++) cached[i] = parse(values[i] ?? null);
      this.dayCache.set(key, cached);
    }
    return cached;
  }
}
