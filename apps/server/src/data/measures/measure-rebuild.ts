import { toLondonDateTime, type FactWindow, type IsoMonth } from "@family-story/domain";
import { sql, type Kysely, type RawBuilder } from "kysely";
import type { Database } from "../../db/database-types.ts";
import { factRows, insertFacts, isoMonth, measureLockKey, monthStart, recomputeMonths } from "./fact-store.ts";
import { loadSubjects } from "./subject-loader.ts";

/** Today's date in England (measures count months as England's calendar does). */
export function londonToday(): string {
  return toLondonDateTime(new Date().toISOString()).date;
}

/**
 * The months a build covers: from April ten years before the start of the current financial
 * year (so five years of trends with as many years of history behind them) to the current month.
 */
export function defaultWindow(today: string): FactWindow {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const financialYearStart = month >= 4 ? year : year - 1;
  return { firstMonth: `${String(financialYearStart - 10)}-04`, lastMonth: today.slice(0, 7) };
}

export interface RebuildOptions {
  /** The day the build is for (default: today in England); its month is the window's last. */
  today?: string;
  /** The window's first month (default: April ten years before the current financial year). */
  firstMonth?: IsoMonth;
  /** Children per batch (default 2,000). */
  batchSize?: number;
  /**
   * Batches worked at once (default 1). Above 1 the batches run on the pool's other connections:
   * only on PostgreSQL (PGlite has a single connection), with a pool larger than this, and not
   * where refreshes share the pool (one waiting for the build holds a connection): the CLI.
   */
  concurrency?: number;
  /** Called after each batch with the children done so far and the total. */
  onProgress?: (done: number, total: number) => void;
}

export interface RebuildResult {
  laCode: string;
  window: FactWindow;
  children: number;
  facts: number;
}

// Every table a child's records start from, by a column its index leads with after la_code, so
// each can be walked in person order. Rows on a case (assessments, plans, conferences, early help)
// are always about the case's subject, so casework_case's subject covers them.
const CHILD_SOURCES: readonly (readonly [string, string])[] = [
  ["casework_case", "subject_person_id"],
  ["case_member", "person_id"],
  ["contact_child", "person_id"],
  ["cin_referral", "person_id"],
  ["lac_episode", "person_id"],
  ["lac_review", "person_id"],
  ["lac_missing", "person_id"],
  ["lac_check", "person_id"],
  ["lac_oc3", "person_id"],
];

/** The next `limit` children (by id) after `after` with any record a measure may read. */
function nextChildren(db: Kysely<Database>, laCode: string, after: string | null, limit: number): Promise<string[]> {
  const branch = ([table, column]: readonly [string, string]): RawBuilder<unknown> => {
    const col = sql.ref(column);
    const from = after === null ? sql`` : sql`AND ${col} > ${after}::uuid`;
    return sql`(SELECT DISTINCT ${col} AS person_id FROM ${sql.table(table)} WHERE la_code = ${laCode} AND ${col} IS NOT NULL ${from} ORDER BY 1 LIMIT ${limit})`;
  };
  const union = sql.join(CHILD_SOURCES.map(branch), sql` UNION ALL `);
  return sql<{ person_id: string }>`SELECT DISTINCT person_id FROM (${union}) u ORDER BY person_id LIMIT ${limit}`
    .execute(db)
    .then((r) => r.rows.map((row) => row.person_id));
}

async function countChildren(db: Kysely<Database>, laCode: string): Promise<number> {
  const union = sql.join(
    CHILD_SOURCES.map(([table, column]) => sql`SELECT ${sql.ref(column)} AS person_id FROM ${sql.table(table)} WHERE la_code = ${laCode} AND ${sql.ref(column)} IS NOT NULL`),
    sql` UNION `,
  );
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (${union}) u`.execute(db);
  return r.rows[0]?.n ?? 0;
}

/**
 * Builds an authority's measure facts from scratch: clears its facts, sums, state and dirty
 * queue, walks every child with a relevant record in batches (one query per table per batch),
 * writes their facts in bulk, then sums them into measure_month in one INSERT … SELECT … GROUP BY
 * and records the window in measure_state. It holds the authority's measure lock throughout on one
 * connection, so refreshes wait for it; writes made meanwhile mark children dirty again, and the
 * next refresh applies them on top.
 */
export async function rebuildMeasures(db: Kysely<Database>, laCode: string, options: RebuildOptions = {}): Promise<RebuildResult> {
  const today = options.today ?? londonToday();
  const window = { ...defaultWindow(today), ...(options.firstMonth ? { firstMonth: options.firstMonth } : {}) };
  const batchSize = options.batchSize ?? 2000;
  return db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(${measureLockKey(laCode)})`.execute(conn);
    try {
      await conn.transaction().execute(async (trx) => {
        // The state goes first: a read meanwhile finds none and waits for this build.
        await trx.deleteFrom("measure_state").where("la_code", "=", laCode).execute();
        await trx.deleteFrom("measure_dirty").where("la_code", "=", laCode).execute();
        await trx.deleteFrom("measure_fact").where("la_code", "=", laCode).execute();
        await trx.deleteFrom("measure_month").where("la_code", "=", laCode).execute();
      });
      const total = await countChildren(conn, laCode);
      const work = (options.concurrency ?? 1) > 1 ? db : conn;
      let done = 0;
      let facts = 0;
      let after: string | null = null;
      options.onProgress?.(0, total);
      const batch = async (ids: readonly string[]): Promise<void> => {
        const rows = factRows(await loadSubjects(work, laCode, ids), window);
        await insertFacts(work, laCode, rows);
        facts += rows.length;
        done += ids.length;
        options.onProgress?.(Math.min(done, total), total);
      };
      // Batches in flight, at most `concurrency`; the next ids are read while they work.
      const inFlight = new Set<Promise<void>>();
      try {
        for (;;) {
          const ids = await nextChildren(conn, laCode, after, batchSize);
          if (ids.length === 0) break;
          after = ids[ids.length - 1] ?? null;
          const job: Promise<void> = batch(ids).finally(() => inFlight.delete(job));
          inFlight.add(job);
          if (inFlight.size >= (options.concurrency ?? 1)) await Promise.race(inFlight);
          if (ids.length < batchSize) break;
        }
        await Promise.all(inFlight);
      } finally {
        // On a failure, let the other batches finish before the lock is released.
        await Promise.allSettled(inFlight);
      }
      await conn.transaction().execute(async (trx) => {
        await recomputeMonths(trx, laCode);
        await trx.insertInto("measure_state").values({ la_code: laCode, first_month: monthStart(window.firstMonth), last_month: monthStart(window.lastMonth), built_at: new Date() }).execute();
      });
      return { laCode, window, children: done, facts };
    } finally {
      await sql`SELECT pg_advisory_unlock(${measureLockKey(laCode)})`.execute(conn);
    }
  });
}

/** An authority's built window, or undefined before its first build. */
export async function measureWindow(db: Kysely<Database>, laCode: string): Promise<FactWindow | undefined> {
  const state = await db.selectFrom("measure_state").select(["first_month", "last_month"]).where("la_code", "=", laCode).executeTakeFirst();
  return state ? { firstMonth: isoMonth(state.first_month), lastMonth: isoMonth(state.last_month) } : undefined;
}
