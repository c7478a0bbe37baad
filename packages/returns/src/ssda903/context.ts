/**
 * What a rule is given: the tables, the metadata and cached views of them. Many rules read the
 * same columns and group the same tables by child, so each view is computed once per validation
 * (a national return has hundreds of thousands of rows; rules must stay linear).
 */
import type { Ssda903ValidationTableName } from "../read-ssda903.ts";
import { dayFromReturnDate, type Day } from "../validation/day.ts";
import { TableViews } from "../validation/table-views.ts";
import type { EngineTable, Ssda903Input } from "./engine-table.ts";
import type { Ssda903Metadata } from "./metadata.ts";

/** The input and metadata of one validation, with cached column, date and by-child views. */
export class Ssda903Context extends TableViews<Ssda903ValidationTableName, EngineTable> {
  private readonly childCache = new Map<string, ReadonlyMap<string, readonly number[]>>();
  private readonly presentCache = new Map<string, Uint8Array>();
  private readonly groupCache = new Map<string, RowsByChildIndex>();
  private numbering: ChildNumbering | undefined;

  constructor(
    input: Ssda903Input,
    readonly metadata: Ssda903Metadata,
  ) {
    super(input);
  }

  /** One date column as day numbers, row by row (NaN for blank or invalid). */
  days(name: Ssda903ValidationTableName, column: string): Float64Array {
    return this.parsedDays(name, column, dayFromReturnDate);
  }

  /** A table's row positions grouped by CHILD, in row order; rows with a blank CHILD are left out. */
  rowsByChild(name: Ssda903ValidationTableName): ReadonlyMap<string, readonly number[]> {
    let cached = this.childCache.get(name);
    if (cached === undefined) {
      // Grouped by child number (arrays, not a Map lookup per row); keyed in order of first row.
      const { names } = this.childNumbering();
      const index = this.childIndex(name);
      const lists: (number[] | undefined)[] = new Array<number[] | undefined>(names.length);
      const order: number[] = [];
      for (let i = 0; i < index.length; i++) {
        const id = index[i] ?? -1;
        if (id < 0) continue;
        const list = lists[id];
        if (list === undefined) {
          lists[id] = [i];
          order.push(id);
        } else list.push(i);
      }
      const map = new Map<string, number[]>();
      for (const id of order) map.set(names[id] ?? "", lists[id] ?? []);
      cached = map;
      this.childCache.set(name, cached);
    }
    return cached;
  }

  /**
   * Each row's child as a number from 0, the same for a child in every table of this validation
   * (-1 for a blank CHILD). Rules join tables through arrays indexed by it rather than Map
   * lookups by id, which on a national return are most of a join's cost.
   */
  childIndex(name: Ssda903ValidationTableName): Int32Array {
    const numbering = this.childNumbering();
    let index = numbering.byTable.get(name);
    if (index === undefined) {
      // A table that was not given (or has no CHILD column) has no children.
      index = new Int32Array(this.rows(name).length).fill(-1);
      numbering.byTable.set(name, index);
    }
    return index;
  }

  /** How many children the tables hold: the length of arrays indexed by childIndex. */
  get childCount(): number {
    return this.childNumbering().count;
  }

  /** Per child number (childIndex): 1 when the table has a row of the child, else 0. */
  childPresent(name: Ssda903ValidationTableName): Uint8Array {
    let present = this.presentCache.get(name);
    if (present === undefined) {
      present = new Uint8Array(this.childCount);
      for (const id of this.childIndex(name)) if (id >= 0) present[id] = 1;
      this.presentCache.set(name, present);
    }
    return present;
  }

  /**
   * A table's rows grouped by child number (ctx.childIndex): the rows of child `c` are
   * `rows[start[c]]` to `rows[start[c + 1] - 1]`, in row order; blank CHILDs are left out.
   */
  rowsByChildIndex(name: Ssda903ValidationTableName): RowsByChildIndex {
    let grouped = this.groupCache.get(name);
    if (grouped === undefined) {
      const index = this.childIndex(name);
      const start = new Int32Array(this.childCount + 1);
      for (const id of index) if (id >= 0) start[id + 1] = (start[id + 1] ?? 0) + 1;
      for (let c = 0; c < this.childCount; c++) start[c + 1] = (start[c + 1] ?? 0) + (start[c] ?? 0);
      const next = start.slice(0, this.childCount);
      const rows = new Int32Array(start[this.childCount] ?? 0);
      for (let i = 0; i < index.length; i++) {
        const id = index[i] ?? -1;
        if (id < 0) continue;
        const at = next[id] ?? 0;
        rows[at] = i;
        next[id] = at + 1;
      }
      grouped = { start, rows };
      this.groupCache.set(name, grouped);
    }
    return grouped;
  }

  private childNumbering(): ChildNumbering {
    if (this.numbering === undefined) {
      const numbers = new Map<string, number>();
      const byTable = new Map<string, Int32Array>();
      for (const name of Object.keys(this.input) as Ssda903ValidationTableName[]) {
        const children = this.values(name, "CHILD");
        const index = new Int32Array(children.length);
        // A child's rows are usually together: the row before's number saves most lookups.
        let previous: string | null = null;
        let previousId = -1;
        for (let i = 0; i < children.length; i++) {
          const child = children[i] ?? null;
          if (child === null) {
            index[i] = -1;
            continue;
          }
          if (child !== previous) {
            let id = numbers.get(child);
            if (id === undefined) {
              id = numbers.size;
              numbers.set(child, id);
            }
            previous = child;
            previousId = id;
          }
          index[i] = previousId;
        }
        byTable.set(name, index);
      }
      this.numbering = { count: numbers.size, names: [...numbers.keys()], byTable };
    }
    return this.numbering;
  }

  /** 1 April of the collection year (NaN when unknown). */
  get collectionStart(): Day {
    return this.metadata.collectionStart;
  }

  /** 31 March ending the collection year (NaN when unknown). */
  get collectionEnd(): Day {
    return this.metadata.collectionEnd;
  }
}

/** A table's rows grouped by child number (see Ssda903Context.rowsByChildIndex). */
export interface RowsByChildIndex {
  readonly start: Int32Array;
  readonly rows: Int32Array;
}

/** The child numbers of every table (see Ssda903Context.childIndex). */
interface ChildNumbering {
  readonly count: number;
  /** Each child number's CHILD. */
  readonly names: readonly string[];
  readonly byTable: Map<string, Int32Array>;
}
