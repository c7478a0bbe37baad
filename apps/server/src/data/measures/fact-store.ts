import { measureFacts, type FactWindow, type IsoMonth, type SubjectRecords } from "@family-story/domain";
import { sql, type Kysely } from "kysely";
import type { Database } from "../../db/database-types.ts";
import { anyUuid } from "../casework/name-lookup.ts";

/**
 * Writing measure facts and keeping their monthly sums in step (docs/architecture.md,
 * "Measures"). A fact's month is stored as the month's first day; a fact with no team is stored
 * under the nil uuid, so team_id can lead an index and be compared with `=`.
 */

export const NO_TEAM = "00000000-0000-0000-0000-000000000000";

/** One row of measure_fact, without its authority. */
export interface FactRow {
  measureId: string;
  /** YYYY-MM-01 */
  month: string;
  teamId: string;
  personId: string;
  numerator: number;
  denominator: number;
}

/** "2025-03" → "2025-03-01" (how measure tables store a month). */
export function monthStart(month: IsoMonth): string {
  return `${month}-01`;
}

/** "2025-03-01" → "2025-03". */
export function isoMonth(date: string): IsoMonth {
  return date.slice(0, 7);
}

/**
 * The facts of a batch of children as table rows. The fact functions are pure domain code; a
 * fractional value would not fit the integer columns, so it is refused here by name rather than
 * rounded silently.
 */
export function factRows(subjects: readonly SubjectRecords[], window: FactWindow): FactRow[] {
  const rows: FactRow[] = [];
  for (const subject of subjects) {
    for (const f of measureFacts(subject, window)) {
      if (!Number.isInteger(f.numerator) || !Number.isInteger(f.denominator)) {
        throw new Error(`Measure ${f.measureId} gave a fractional fact (${f.numerator}/${f.denominator}) for ${f.month}; facts are whole numbers`);
      }
      rows.push({ measureId: f.measureId, month: monthStart(f.month), teamId: f.teamId ?? NO_TEAM, personId: subject.personId, numerator: f.numerator, denominator: f.denominator });
    }
  }
  return rows;
}

// Rows per INSERT: arrays of this size travel as six parameters, far below any limit, and keep
// one statement's memory modest.
const INSERT_CHUNK = 20_000;

/**
 * Bulk insert of facts: one statement per 20,000 rows, the columns passed as arrays, in primary
 * key order so the index is written page by page rather than at random.
 */
export async function insertFacts(db: Kysely<Database>, laCode: string, rows: readonly FactRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const chunk = rows.slice(i, i + INSERT_CHUNK);
    await sql`INSERT INTO measure_fact (la_code, measure_id, month, team_id, person_id, numerator, denominator)
      SELECT ${laCode}, u.m, u.mo, u.t, u.p, u.n, u.d
      FROM unnest(${sql.val(chunk.map((r) => r.measureId))}::text[], ${sql.val(chunk.map((r) => r.month))}::date[], ${sql.val(chunk.map((r) => r.teamId))}::uuid[],
                  ${sql.val(chunk.map((r) => r.personId))}::uuid[], ${sql.val(chunk.map((r) => r.numerator))}::int[], ${sql.val(chunk.map((r) => r.denominator))}::int[]) AS u(m, mo, t, p, n, d)
      ORDER BY u.m, u.mo, u.t, u.p`.execute(db);
  }
}

interface MonthDelta {
  measureId: string;
  teamId: string;
  month: string;
  numerator: number;
  denominator: number;
  subjects: number;
}

/**
 * Replaces the facts of these children with the ones their records give now, and moves
 * measure_month by the difference. Runs inside the caller's transaction (with the children's
 * measure_dirty rows deleted in it, so no other refresh can be working on them). The deltas are
 * applied in key order so two refreshes touching the same months lock rows in the same order.
 */
export async function replaceFacts(trx: Kysely<Database>, laCode: string, personIds: readonly string[], subjects: readonly SubjectRecords[], window: FactWindow): Promise<{ removed: number; added: number }> {
  const old = await trx
    .deleteFrom("measure_fact")
    .where("la_code", "=", laCode)
    .where("person_id", "=", anyUuid(personIds))
    .returning(["measure_id", "month", "team_id", "numerator", "denominator"])
    .execute();
  const fresh = factRows(subjects, window);
  await insertFacts(trx, laCode, fresh);

  const deltas = new Map<string, MonthDelta>();
  const add = (measureId: string, teamId: string, month: string, numerator: number, denominator: number, sign: 1 | -1): void => {
    const key = `${measureId}|${teamId}|${month}`;
    let d = deltas.get(key);
    if (!d) {
      d = { measureId, teamId, month, numerator: 0, denominator: 0, subjects: 0 };
      deltas.set(key, d);
    }
    d.numerator += sign * numerator;
    d.denominator += sign * denominator;
    d.subjects += sign;
  };
  for (const f of old) add(f.measure_id, f.team_id, f.month, f.numerator, f.denominator, -1);
  for (const f of fresh) add(f.measureId, f.teamId, f.month, f.numerator, f.denominator, 1);
  const changed = [...deltas.values()].filter((d) => d.numerator !== 0 || d.denominator !== 0 || d.subjects !== 0);
  await applyMonthDeltas(trx, laCode, changed);
  return { removed: old.length, added: fresh.length };
}

async function applyMonthDeltas(trx: Kysely<Database>, laCode: string, deltas: readonly MonthDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  const sorted = [...deltas].sort((a, b) => (a.measureId < b.measureId ? -1 : a.measureId > b.measureId ? 1 : a.teamId < b.teamId ? -1 : a.teamId > b.teamId ? 1 : a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  const arrays = sql`unnest(${sql.val(sorted.map((d) => d.measureId))}::text[], ${sql.val(sorted.map((d) => d.teamId))}::uuid[], ${sql.val(sorted.map((d) => d.month))}::date[],
    ${sql.val(sorted.map((d) => d.numerator))}::bigint[], ${sql.val(sorted.map((d) => d.denominator))}::bigint[], ${sql.val(sorted.map((d) => d.subjects))}::int[]) WITH ORDINALITY AS u(m, t, mo, n, d, s, i)`;
  await sql`INSERT INTO measure_month AS mm (la_code, measure_id, team_id, month, numerator, denominator, subjects)
    SELECT ${laCode}, u.m, u.t, u.mo, u.n, u.d, u.s FROM ${arrays} ORDER BY u.i
    ON CONFLICT (la_code, measure_id, team_id, month) DO UPDATE
      SET numerator = mm.numerator + excluded.numerator, denominator = mm.denominator + excluded.denominator, subjects = mm.subjects + excluded.subjects`.execute(trx);
  // A month no child contributes to any more is removed, as a full rebuild would never write it.
  const shrunk = sorted.filter((d) => d.subjects < 0);
  if (shrunk.length > 0) {
    await sql`DELETE FROM measure_month mm USING unnest(${sql.val(shrunk.map((d) => d.measureId))}::text[], ${sql.val(shrunk.map((d) => d.teamId))}::uuid[], ${sql.val(shrunk.map((d) => d.month))}::date[]) AS u(m, t, mo)
      WHERE mm.la_code = ${laCode} AND mm.measure_id = u.m AND mm.team_id = u.t AND mm.month = u.mo AND mm.subjects = 0`.execute(trx);
  }
}

/** Recomputes an authority's monthly sums from its facts in one statement (after a full build). */
export async function recomputeMonths(db: Kysely<Database>, laCode: string): Promise<void> {
  await db.deleteFrom("measure_month").where("la_code", "=", laCode).execute();
  await sql`INSERT INTO measure_month (la_code, measure_id, team_id, month, numerator, denominator, subjects)
    SELECT la_code, measure_id, team_id, month, sum(numerator), sum(denominator), count(*)
    FROM measure_fact WHERE la_code = ${laCode}
    GROUP BY la_code, measure_id, team_id, month`.execute(db);
}

/**
 * The advisory lock that keeps a full build apart from refreshes of the same authority: a build
 * holds it exclusively for its whole run, a month roll exclusively for its transaction, and each
 * refresh batch shares it, so batches run side by side but never during a build or a roll.
 */
export function measureLockKey(laCode: string) {
  return sql<number>`hashtext(${`measures:${laCode}`})`;
}
