import { MEASURES, addMonths, monthsFrom, type IsoMonth } from "@family-story/domain";
import { sql, type Kysely } from "kysely";
import type { Database } from "../../db/database-types.ts";
import { anyUuid } from "../casework/name-lookup.ts";
import { isoMonth, measureLockKey, monthStart, replaceFacts } from "./fact-store.ts";
import { londonToday, measureWindow, rebuildMeasures } from "./measure-rebuild.ts";
import { loadSubjects } from "./subject-loader.ts";

/**
 * Keeping measure facts as of the latest write (docs/architecture.md, "Measures"). Statement
 * triggers put every child a write touched into measure_dirty; a refresh takes those children in
 * batches, works out their facts again and moves the monthly sums by the difference.
 */

export interface RefreshOptions {
  /** The day it is (default: today in England): a new month extends the window first. */
  today?: string;
  /** Children per transaction (default 500). */
  batchSize?: number;
  /** Build an authority that has never been built (default true). */
  buildMissing?: boolean;
}

export interface RefreshResult {
  /** Children whose facts were worked out again. */
  children: number;
  /** Authorities built in full because they had never been built. */
  built: string[];
  /** Authorities whose window moved to a new month. */
  rolled: string[];
}

/**
 * Brings the measure facts of these authorities up to date with every write so far, before a
 * read: builds an authority never built, extends the window when a month has begun, and drains
 * the dirty queue. A read that follows sees every write committed before it was called.
 */
export async function ensureMeasuresFresh(db: Kysely<Database>, laCodes: readonly string[]): Promise<void> {
  await refreshDirty(db, laCodes);
}

/** As ensureMeasuresFresh, with the clock and batch size open to tests and the background drain. */
export async function refreshDirty(db: Kysely<Database>, laCodes: readonly string[], options: RefreshOptions = {}): Promise<RefreshResult> {
  const today = options.today ?? londonToday();
  const result: RefreshResult = { children: 0, built: [], rolled: [] };
  for (const laCode of [...new Set(laCodes)].sort()) {
    if (!(await measureWindow(db, laCode))) {
      if (options.buildMissing === false) continue;
      await buildIfMissing(db, laCode, today);
      result.built.push(laCode);
    }
    if (await rollMonth(db, laCode, today)) result.rolled.push(laCode);
    result.children += await drain(db, laCode, options.batchSize ?? 500);
  }
  return result;
}

/** A first build, unless another caller built it while this one waited for the lock. */
async function buildIfMissing(db: Kysely<Database>, laCode: string, today: string): Promise<void> {
  const built = await db.transaction().execute(async (trx) => {
    // Waits for a build in progress (it holds the lock exclusively) before looking again.
    await sql`SELECT pg_advisory_xact_lock_shared(${measureLockKey(laCode)})`.execute(trx);
    return (await measureWindow(trx, laCode)) !== undefined;
  });
  if (!built) await rebuildMeasures(db, laCode, { today });
}

const STOCK_MEASURES = MEASURES.filter((m) => m.source === "computed" && m.kind === "stock").map((m) => m.id);

/**
 * When the calendar has moved past the built window's last month, extends it to the current
 * month: every child with a stock fact at the old last month end is marked dirty, so their next
 * month ends are counted, and so is every child once looked after whose 17th to 21st birthday
 * falls in the new months (care leavers are counted at birthdays, a date no write brings).
 * Other flow facts need nothing: events are dated, and no record can be dated after the day it
 * is recorded (a future-dated record is counted when it is next written).
 */
async function rollMonth(db: Kysely<Database>, laCode: string, today: string): Promise<boolean> {
  const current = monthStart(today.slice(0, 7));
  // Most calls find the window current: look without the lock, which would wait for every batch.
  const seen = await db.selectFrom("measure_state").select("last_month").where("la_code", "=", laCode).executeTakeFirst();
  if (!seen || seen.last_month >= current) return false;
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${measureLockKey(laCode)})`.execute(trx);
    const state = await trx.selectFrom("measure_state").select("last_month").where("la_code", "=", laCode).executeTakeFirst();
    if (!state || state.last_month >= current) return false;
    if (STOCK_MEASURES.length > 0) {
      await sql`INSERT INTO measure_dirty (la_code, person_id)
        SELECT DISTINCT la_code, person_id FROM measure_fact
        WHERE la_code = ${laCode} AND measure_id = any(${sql.val(STOCK_MEASURES)}::text[]) AND month = ${state.last_month}::date
        ON CONFLICT DO NOTHING`.execute(trx);
    }
    await markBirthdays(trx, laCode, monthsFrom(addMonths(isoMonth(state.last_month), 1), isoMonth(current)));
    await trx.updateTable("measure_state").set({ last_month: current }).where("la_code", "=", laCode).execute();
    return true;
  });
}

/** Ages at whose birthdays the care leaver measures count (careLeaverBirthdays). */
const CARE_LEAVER_AGES = { first: 17, last: 21 };

/**
 * Marks the children with a looked-after episode whose 17th to 21st birthday falls in these
 * months. A 29 February birthday is counted on 1 March in other years, so March takes February's
 * births too; the age bounds are a year wide on each side, as a superset costs only a recount.
 */
async function markBirthdays(trx: Kysely<Database>, laCode: string, months: readonly IsoMonth[]): Promise<void> {
  const [first] = months;
  const last = months.at(-1);
  if (first === undefined || last === undefined) return;
  const monthNumbers = new Set(months.map((m) => Number(m.slice(5, 7))));
  if (monthNumbers.has(3)) monthNumbers.add(2);
  const bornAfter = `${String(Number(first.slice(0, 4)) - CARE_LEAVER_AGES.last - 1)}${first.slice(4)}-01`;
  const bornBy = `${String(Number(last.slice(0, 4)) - CARE_LEAVER_AGES.first + 1)}${last.slice(4)}-01`;
  await sql`INSERT INTO measure_dirty (la_code, person_id)
    SELECT DISTINCT e.la_code, e.person_id FROM lac_episode e
    JOIN person p ON p.la_code = e.la_code AND p.id = e.person_id
    WHERE e.la_code = ${laCode} AND p.dob > ${bornAfter}::date AND p.dob < ${bornBy}::date
      AND extract(month FROM p.dob)::int = any(${sql.val([...monthNumbers])}::int[])
    ON CONFLICT DO NOTHING`.execute(trx);
}

/**
 * Drains an authority's dirty queue, a batch per transaction: the batch's queue rows are deleted
 * (skipping rows another refresh has locked, so two refreshes share the work and never take the
 * same child) in the same transaction that replaces the children's facts, so a failure leaves
 * them queued. A write during the batch marks its child again, to be taken by a later batch.
 */
async function drain(db: Kysely<Database>, laCode: string, batchSize: number): Promise<number> {
  let total = 0;
  for (;;) {
    const taken = await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock_shared(${measureLockKey(laCode)})`.execute(trx);
      const window = await measureWindow(trx, laCode);
      if (!window) return 0;
      const rows = await sql<{ person_id: string }>`DELETE FROM measure_dirty WHERE la_code = ${laCode} AND person_id IN (
          SELECT person_id FROM measure_dirty WHERE la_code = ${laCode} LIMIT ${batchSize} FOR UPDATE SKIP LOCKED)
        RETURNING person_id`.execute(trx);
      const ids = rows.rows.map((r) => r.person_id);
      if (ids.length === 0) return 0;
      await replaceFacts(trx, laCode, ids, await loadSubjects(trx, laCode, ids), window);
      return ids.length;
    });
    total += taken;
    if (taken < batchSize) return total;
  }
}

/** Authorities with children waiting in the queue, among those already built. */
async function authoritiesWithWork(db: Kysely<Database>, today: string): Promise<string[]> {
  const built = await db.selectFrom("measure_state").select(["la_code", "last_month"]).execute();
  const current = monthStart(today.slice(0, 7));
  const rolling = built.filter((s) => s.last_month < current).map((s) => s.la_code);
  const codes = built.map((s) => s.la_code);
  if (codes.length === 0) return [];
  const waiting = await sql<{ la_code: string }>`SELECT l.la_code FROM unnest(${sql.val(codes)}::text[]) AS l(la_code)
    WHERE EXISTS (SELECT 1 FROM measure_dirty d WHERE d.la_code = l.la_code)`.execute(db);
  return [...new Set([...rolling, ...waiting.rows.map((r) => r.la_code)])];
}

/**
 * Drains every built authority's queue every `intervalMs` (default 15 s) in the background, so
 * reads rarely find much to do; a run still going when the next is due is not overlapped.
 * `laCodes` limits it to some authorities (tests on a shared database). Returns a stop function
 * that waits for a run in progress.
 */
export function startMeasureDrain(db: Kysely<Database>, log: (line: string) => void, options: { intervalMs?: number; laCodes?: readonly string[] } = {}): () => Promise<void> {
  let running: Promise<void> | null = null;
  const tick = (): void => {
    if (running) return;
    running = (async () => {
      const today = londonToday();
      const codes = (await authoritiesWithWork(db, today)).filter((la) => !options.laCodes || options.laCodes.includes(la));
      if (codes.length > 0) await refreshDirty(db, codes, { today, buildMissing: false });
    })()
      .catch((error: unknown) => {
        log(`Measures: background refresh failed: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, options.intervalMs ?? 15_000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

/** How many children wait in an authority's queue (for tests and the CLI). */
export async function dirtyCount(db: Kysely<Database>, laCode: string, personIds?: readonly string[]): Promise<number> {
  let q = db.selectFrom("measure_dirty").select((eb) => eb.fn.countAll<number>().as("n")).where("la_code", "=", laCode);
  if (personIds) q = q.where("person_id", "=", anyUuid(personIds));
  const row = await q.executeTakeFirst();
  return row?.n ?? 0;
}
