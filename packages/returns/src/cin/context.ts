/**
 * What a CIN rule is given: the tables and cached views of them. Many rules read the same
 * columns, parse the same dates and group the same tables by child or by CIN episode, so each
 * view is computed once per validation (a national return has hundreds of thousands of rows;
 * rules must stay linear).
 *
 * The census year comes from the Header's ReferenceDate (the census day): it runs from the day
 * after the same date a year earlier to the reference date, both included.
 */
import { addYears, dayFromIsoDate, dayFromReturnDate, type Day } from "../validation/day.ts";
import { TableViews } from "../validation/table-views.ts";
import type { CinInput, CinTable, CinTableName, CinValue } from "./cin-table.ts";

const DASHED_DATE = /^(\d{1,2})-(\d{1,2})-(\d{4})$/;

/**
 * A CIN date: ISO (yyyy-mm-dd, as the census XML carries them), or dd/mm/yyyy and dd-mm-yyyy,
 * which the reference reads too (its worked examples use all three); NaN otherwise.
 */
export function cinDay(value: CinValue | undefined): Day {
  if (value == null) return Number.NaN;
  const iso = dayFromIsoDate(value);
  if (!Number.isNaN(iso)) return iso;
  const dashed = DASHED_DATE.exec(value);
  return dayFromReturnDate(dashed === null ? value : `${dashed[1] ?? ""}/${dashed[2] ?? ""}/${dashed[3] ?? ""}`);
}

/** Options that override what the return itself says. */
export interface CinMetadata {
  /** The census reference date; when absent, the Header's ReferenceDate. */
  readonly referenceDate?: Day;
}

/**
 * A table's rows grouped by key id (see CinContext.ids): the rows of id k are
 * order[start[k]] … order[start[k + 1] - 1], in row order. Ids numbered after the grouping was
 * made (k ≥ start.length - 1) have no rows.
 */
export interface IdGroups {
  readonly start: Int32Array;
  readonly order: Int32Array;
}

/** Two key ids combined into one number (second id below 2^26), an exact integer well below 2^53. */
const PAIR_SCALE = 2 ** 26;

/** The input of one validation, with cached column, date and grouping views. */
export class CinContext extends TableViews<CinTableName, CinTable> {
  private readonly groupCache = new Map<string, ReadonlyMap<string, readonly number[]>>();
  private readonly keyCache = new Map<string, readonly (string | null)[]>();
  private readonly idCache = new Map<string, Int32Array>();
  private readonly idGroupCache = new Map<string, IdGroups>();
  /** Key numberings by column list, shared by every table so ids compare across tables. */
  private readonly numberings = new Map<string, Map<string | number, number>>();

  constructor(
    input: CinInput,
    readonly metadata: CinMetadata = {},
  ) {
    super(input);
  }

  /** A table's row count (0 when not given). */
  size(name: CinTableName): number {
    return this.rows(name).length;
  }

  /** One date column as day numbers, row by row (NaN for blank or invalid). */
  days(name: CinTableName, column: string): Float64Array {
    return this.parsedDays(name, column, cinDay);
  }

  /**
   * A table's row positions grouped by the values of the key columns (joined with a separator),
   * in row order. Rows with any blank key are left out.
   */
  groupBy(name: CinTableName, ...columns: readonly string[]): ReadonlyMap<string, readonly number[]> {
    const cacheKey = `${name}\u0000${columns.join("\u0000")}`;
    let cached = this.groupCache.get(cacheKey);
    if (cached === undefined) {
      const map = new Map<string, number[]>();
      const keys = this.keys(name, ...columns);
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i] ?? null;
        if (key === null) continue;
        const list = map.get(key);
        if (list === undefined) map.set(key, [i]);
        else list.push(i);
      }
      cached = map;
      this.groupCache.set(cacheKey, cached);
    }
    return cached;
  }

  /** Each row's composite key of the columns (null when any is blank); compare keys from the same columns only. */
  keys(name: CinTableName, ...columns: readonly string[]): readonly (string | null)[] {
    const cacheKey = `${name}\u0000${columns.join("\u0000")}`;
    let cached = this.keyCache.get(cacheKey);
    if (cached === undefined) {
      const lists = columns.map((c) => this.values(name, c));
      const n = this.rows(name).length;
      const out = new Array<string | null>(n);
      const [first, second] = lists;
      if (lists.length === 1 && first !== undefined) {
        for (let i = 0; i < n; i++) out[i] = first[i] ?? null;
      } else if (lists.length === 2 && first !== undefined && second !== undefined) {
        // The common two-column key (child and episode) without a parts array per row.
        for (let i = 0; i < n; i++) {
          const a = first[i] ?? null;
          const b = second[i] ?? null;
          out[i] = a === null || b === null ? null : `${a}\u0000${b}`;
        }
      } else {
        for (let i = 0; i < n; i++) {
          let key: string | null = "";
          for (let c = 0; c < lists.length; c++) {
            const v = lists[c]?.[i] ?? null;
            if (v === null) {
              key = null;
              break;
            }
            key = c === 0 ? v : `${key}\u0000${v}`;
          }
          out[i] = key;
        }
      }
      cached = out;
      this.keyCache.set(cacheKey, cached);
    }
    return cached;
  }

  /**
   * Each row's composite key of the columns as an integer id (-1 when any is blank). Equal keys
   * get equal ids in every table, so joins and groupings index arrays instead of hashing
   * joined strings (a national census has hundreds of thousands of rows per table).
   */
  ids(name: CinTableName, ...columns: readonly string[]): Int32Array {
    const columnsKey = columns.join("\u0000");
    const cacheKey = `${name}\u0000\u0000${columnsKey}`;
    let cached = this.idCache.get(cacheKey);
    if (cached !== undefined) return cached;
    let numbering = this.numberings.get(columnsKey);
    if (numbering === undefined) {
      numbering = new Map();
      this.numberings.set(columnsKey, numbering);
    }
    const n = this.size(name);
    cached = new Int32Array(n);
    const [first, second] = columns;
    if (columns.length === 2 && first !== undefined && second !== undefined) {
      // Pairs (child and episode, child and plan) numbered from the ids of each column.
      const a = this.ids(name, first);
      const b = this.ids(name, second);
      for (let i = 0; i < n; i++) {
        const x = a[i] ?? -1;
        const y = b[i] ?? -1;
        // Past 2^26 second ids (never met in practice) the pair is keyed as text, still one key per pair.
        cached[i] = x < 0 || y < 0 ? -1 : idOf(numbering, y < PAIR_SCALE ? x * PAIR_SCALE + y : `${String(x)},${String(y)}`);
      }
    } else {
      const keys = columns.length === 1 && first !== undefined ? this.values(name, first) : this.keys(name, ...columns);
      for (let i = 0; i < n; i++) {
        const key = keys[i] ?? null;
        cached[i] = key === null ? -1 : idOf(numbering, key);
      }
    }
    this.idCache.set(cacheKey, cached);
    return cached;
  }

  /** A table's rows grouped by the ids of the key columns (rows with a blank key left out). */
  idGroups(name: CinTableName, ...columns: readonly string[]): IdGroups {
    const cacheKey = `${name}\u0000\u0000${columns.join("\u0000")}`;
    let cached = this.idGroupCache.get(cacheKey);
    if (cached !== undefined) return cached;
    const ids = this.ids(name, ...columns);
    const count = this.numberings.get(columns.join("\u0000"))?.size ?? 0;
    const start = new Int32Array(count + 1);
    for (const id of ids) if (id >= 0) start[id + 1] = (start[id + 1] ?? 0) + 1;
    for (let k = 0; k < count; k++) start[k + 1] = (start[k + 1] ?? 0) + (start[k] ?? 0);
    const fill = start.slice(0, count);
    const order = new Int32Array(start[count] ?? 0);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] ?? -1;
      if (id >= 0) order[(fill[id] = (fill[id] ?? 0) + 1) - 1] = i;
    }
    cached = { start, order };
    this.idGroupCache.set(cacheKey, cached);
    return cached;
  }

  /** A table's row positions grouped by LAchildID. */
  rowsByChild(name: CinTableName): ReadonlyMap<string, readonly number[]> {
    return this.groupBy(name, "LAchildID");
  }

  /** A table's row positions grouped by CIN episode (LAchildID and CINdetailsID). */
  rowsByEpisode(name: CinTableName): ReadonlyMap<string, readonly number[]> {
    return this.groupBy(name, "LAchildID", "CINdetailsID");
  }

  /** The census reference date: the metadata's, else the first Header row's ReferenceDate (NaN when unknown). */
  get referenceDate(): Day {
    return this.metadata.referenceDate ?? this.days("Header", "ReferenceDate")[0] ?? Number.NaN;
  }

  /** The first day of the census year: the day after the reference date's date a year earlier. */
  get collectionStart(): Day {
    return addYears(this.referenceDate, -1) + 1;
  }

  /** The last day of the census year: the reference date. */
  get collectionEnd(): Day {
    return this.referenceDate;
  }
}

/** The id of a key in a numbering, numbering it when new. */
function idOf(numbering: Map<string | number, number>, key: string | number): number {
  let id = numbering.get(key);
  if (id === undefined) {
    id = numbering.size;
    numbering.set(key, id);
  }
  return id;
}
