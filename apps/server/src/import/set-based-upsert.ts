import { sql, type RawBuilder, type Transaction } from "kysely";
import type { Database } from "../db/database-types.ts";

/** What an upsert did: rows added, and existing rows whose values changed. Rows it left alone are neither. */
export interface UpsertCounts {
  inserted: number;
  updated: number;
}

/** How one table is upserted on its natural key. */
export interface UpsertTarget {
  readonly table: keyof Database;
  /** The ON CONFLICT target, e.g. sql`(la_code, person_id, decom)`. */
  readonly conflict: RawBuilder<unknown>;
  /** Columns an existing row takes from the import; it is rewritten only when one of them differs. */
  readonly updateColumns: readonly string[];
  /** Bumps `version` (If-Match) and `updated_at` when a row changes. */
  readonly versioned: boolean;
  readonly touchesUpdatedAt: boolean;
}

const ref = (column: string) => sql.ref(column);

/**
 * Inserts many rows in one statement (they travel as one JSON parameter that PostgreSQL
 * expands, on PostgreSQL and PGlite alike), updating a row that exists on the natural key only
 * when its values differ (`IS DISTINCT FROM`), so re-importing the same data rewrites nothing
 * and leaves versions alone. The rows must not repeat a key (PostgreSQL refuses that).
 */
export async function upsertRows(trx: Transaction<Database>, target: UpsertTarget, rows: readonly Record<string, unknown>[]): Promise<UpsertCounts> {
  const first = rows[0];
  if (first === undefined) return { inserted: 0, updated: 0 };
  const columns = Object.keys(first);
  const list = sql.join(columns.map(ref));
  const sets = [
    ...target.updateColumns.map((c) => sql`${ref(c)} = excluded.${ref(c)}`),
    ...(target.versioned ? [sql`version = t.version + 1`] : []),
    ...(target.touchesUpdatedAt ? [sql`updated_at = now()`] : []),
  ];
  const before = sql.join(target.updateColumns.map((c) => sql`t.${ref(c)}`));
  const after = sql.join(target.updateColumns.map((c) => sql`excluded.${ref(c)}`));
  // xmax is 0 on a freshly inserted row version and set on one that ON CONFLICT updated.
  const result = await sql<{ inserted: number; updated: number }>`
    WITH written AS (
      INSERT INTO ${sql.table(target.table)} AS t (${list})
      SELECT ${list} FROM json_populate_recordset(NULL::${sql.table(target.table)}, ${JSON.stringify(rows)}::json)
      ON CONFLICT ${target.conflict} DO UPDATE SET ${sql.join(sets)}
      WHERE (${before}) IS DISTINCT FROM (${after})
      RETURNING (xmax = 0) AS fresh
    )
    SELECT count(*) FILTER (WHERE fresh)::int AS inserted, count(*) FILTER (WHERE NOT fresh)::int AS updated FROM written`.execute(trx);
  const counts = result.rows[0];
  return { inserted: counts?.inserted ?? 0, updated: counts?.updated ?? 0 };
}

/** Plain multi-row insert of new rows (no natural key to match on). */
export async function insertRows(trx: Transaction<Database>, table: keyof Database, rows: readonly Record<string, unknown>[]): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  const list = sql.join(Object.keys(first).map(ref));
  await sql`INSERT INTO ${sql.table(table)} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${sql.table(table)}, ${JSON.stringify(rows)}::json)`.execute(trx);
}

/** A row updateRows changed: its last key column, and whether every updated column was blank before. */
export interface UpdatedRow {
  key: string;
  wasBlank: boolean;
}

/**
 * Updates existing rows from many rows of values in one statement, matching on `keys`, and only
 * where a value differs. Returns the rows that changed.
 */
export async function updateRows(
  trx: Transaction<Database>,
  target: { table: keyof Database; keys: readonly string[]; columns: readonly string[]; versioned: boolean; touchesUpdatedAt: boolean },
  rows: readonly Record<string, unknown>[],
): Promise<UpdatedRow[]> {
  if (rows.length === 0) return [];
  const sets = [
    ...target.columns.map((c) => sql`${ref(c)} = v.${ref(c)}`),
    ...(target.versioned ? [sql`version = t.version + 1`] : []),
    ...(target.touchesUpdatedAt ? [sql`updated_at = now()`] : []),
  ];
  const match = (a: string, b: string) => sql.join(target.keys.map((k) => sql`${sql.ref(`${a}.${k}`)} = ${sql.ref(`${b}.${k}`)}`), sql` AND `);
  const before = sql.join(target.columns.map((c) => sql`t.${ref(c)}`));
  const after = sql.join(target.columns.map((c) => sql`v.${ref(c)}`));
  const blank = sql.join(target.columns.map((c) => sql`o.${ref(c)} IS NULL`), sql` AND `);
  const last = target.keys[target.keys.length - 1] ?? "id";
  // The old row is joined in the FROM list so RETURNING can say whether it was blank before.
  const result = await sql<{ key: string; was_blank: boolean }>`
    UPDATE ${sql.table(target.table)} AS t SET ${sql.join(sets)}
    FROM (
      SELECT v.*, (${blank}) AS was_blank
      FROM json_populate_recordset(NULL::${sql.table(target.table)}, ${JSON.stringify(rows)}::json) AS v
      JOIN ${sql.table(target.table)} AS o ON ${match("o", "v")}
    ) AS v
    WHERE ${match("t", "v")} AND (${before}) IS DISTINCT FROM (${after})
    RETURNING t.${ref(last)}::text AS key, v.was_blank`.execute(trx);
  return result.rows.map((r) => ({ key: r.key, wasBlank: r.was_blank }));
}

/** Splits rows into batches of `size`. */
export function chunks<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * Runs `fn` over the items, at most `limit` at a time (batches are independent: each touches
 * rows no other batch does). The first failure rejects; the others still run to their end.
 */
export async function inParallel<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
